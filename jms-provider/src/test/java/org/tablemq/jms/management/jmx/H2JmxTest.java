package org.tablemq.jms.management.jmx;

import org.tablemq.jms.testing.TestDatabase;

class H2JmxTest extends JmxContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
