package org.tablemq.ra.outbound;

import org.tablemq.jms.testing.TestDatabase;

class OutboundH2Test extends OutboundContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
