package org.tablemq.jms.store.jdbc;

import org.tablemq.jms.testing.TestDatabase;

class H2MessageStoreTest extends MessageStoreContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
