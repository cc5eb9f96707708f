package org.tablemq.ra.inbound;

import org.tablemq.jms.testing.TestDatabase;

class InboundH2Test extends InboundContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
