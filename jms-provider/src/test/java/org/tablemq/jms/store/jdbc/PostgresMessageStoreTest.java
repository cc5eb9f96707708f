package org.tablemq.jms.store.jdbc;

import org.tablemq.jms.testing.TestDatabase;

class PostgresMessageStoreTest extends MessageStoreContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
