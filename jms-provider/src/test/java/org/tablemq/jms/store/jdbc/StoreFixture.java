package org.tablemq.jms.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.SubscriberMatcher;
import org.tablemq.jms.testing.TestDatabase;

/** One database and table prefix for a test class, and the stores opened on it (all closed at the end). */
final class StoreFixture implements AutoCloseable {

    final TestDatabase database;
    final String url;
    final String prefix;
    private final List<JdbcMessageStore> stores = new ArrayList<>();

    StoreFixture(TestDatabase database) {
        this.database = database;
        this.url = database.url();
        this.prefix = TestDatabase.uniquePrefix();
    }

    JdbcStoreConfig config() {
        return JdbcStoreConfig.defaults(url).withUser(database.user()).withPassword(database.password())
                .withTablePrefix(prefix);
    }

    JdbcMessageStore open(JdbcStoreConfig config) throws StoreException {
        JdbcMessageStore store = JdbcMessageStore.open(config);
        synchronized (stores) {
            stores.add(store);
        }
        return store;
    }

    JdbcMessageStore open() throws StoreException {
        return open(config());
    }

    /** A plain connection beside the store, for looking at rows or simulating another node. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(database == TestDatabase.H2 ? H2Dialect.tuneUrl(url) : url,
                database.user(), database.password());
    }

    int execute(String sqlWithPrefix, Object... params) throws SQLException {
        try (Connection c = connect(); var ps = c.prepareStatement(sqlWithPrefix.replace("{p}", prefix))) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    long count(String sqlWithPrefix, Object... params) throws SQLException {
        try (Connection c = connect(); var ps = c.prepareStatement(sqlWithPrefix.replace("{p}", prefix))) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static OutgoingMessage message(DestinationRef to, String text) {
        return message(to, text, 4, 0, 0, null, SubscriberMatcher.ALL);
    }

    static OutgoingMessage message(DestinationRef to, String text, int priority, long expiration, long deliverAt,
                                   String connectionId, SubscriberMatcher matcher) {
        return new OutgoingMessage(to, "ID:" + text, text.getBytes(StandardCharsets.UTF_8), priority, expiration,
                deliverAt, true, connectionId, matcher);
    }

    static List<String> texts(List<org.tablemq.jms.store.StoredMessage> messages) {
        return messages.stream().map(StoreFixture::text).toList();
    }

    static String text(org.tablemq.jms.store.StoredMessage m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        synchronized (stores) {
            stores.forEach(JdbcMessageStore::close);
            stores.clear();
        }
    }
}
