package org.tablemq.jms.store.jdbc;

import java.util.Objects;
import org.tablemq.jms.TableMQOptions;

/**
 * How a {@link JdbcMessageStore} reaches its database. Validated when built against {@link TableMQOptions}, the one
 * option table (names, defaults, ranges): every value out of range is refused with the option's name and the allowed
 * range (never clamped).
 *
 * @param url           the JDBC URL; {@code jdbc:h2:...} selects the H2 dialect, {@code jdbc:postgresql:...} the
 *                      PostgreSQL one. For H2 the store appends {@code WRITE_DELAY=0} (each commit is written to the
 *                      file before the commit returns, so a killed JVM loses nothing the OS has accepted) and a
 *                      {@code LOCK_TIMEOUT} of 10 s, unless the URL sets them itself
 * @param user          database user, may be null for H2
 * @param password      database password, may be null; never logged
 * @param tablePrefix   prepended to every table and index name: 1-30 letters, digits or underscores, starting with
 *                      a letter; default {@code tmq_}
 * @param maxPoolSize   connections in the pool, 1-1000; default 10
 * @param leaseMillis   how long a claim survives without its node renewing it, 1000-86400000 ms; default 30000.
 *                      Each node renews its leases every third of this, so a crashed node's messages are
 *                      redelivered after at most one lease
 * @param maxPollMillis upper bound of the adaptive poll that finds other nodes' messages when the database has no
 *                      LISTEN/NOTIFY (H2), 10-60000 ms; default 1000
 * @param h2Sync        H2 only: also force every commit to the disk, so that a power loss, not only a killed JVM,
 *                      keeps committed messages. What H2 2.3 does: with {@code WRITE_DELAY=0} the end of each
 *                      transaction writes a new chunk of its MVStore file ({@code MVStore.commit()}, a plain file
 *                      write that the OS keeps even if the JVM is killed) but never calls {@code fsync}; the default
 *                      delay of 500 ms would leave commits of the last half second only in the JVM. With h2Sync the
 *                      store runs {@code CHECKPOINT SYNC} after each commit (once per group commit for sends), which
 *                      flushes and calls {@code FileChannel.force}; this costs a disk sync per commit and needs an
 *                      H2 user with admin rights (the creator of the database has them). Without it the store still
 *                      forces the file five times a second (see {@code H2Flusher}); in both modes H2 may then reuse
 *                      the space of dead chunks after 1 s instead of 45 s ({@code RETENTION_TIME}, unless the URL
 *                      sets it), which keeps the file small under load. Default false. With PostgreSQL
 *                      it changes nothing because nothing is left to do: PostgreSQL already syncs every commit to
 *                      its log ({@code synchronous_commit=on}), so one option table can serve both databases
 * @param nodeName      this store instance's id in the cluster (claims, temporary destinations and non-durable
 *                      subscriptions belong to it), at most 100 characters; must differ between live instances.
 *                      Null generates a unique one
 */
public record JdbcStoreConfig(String url, String user, String password, String tablePrefix, int maxPoolSize,
                              long leaseMillis, long maxPollMillis, boolean h2Sync, String nodeName) {

    public JdbcStoreConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url must start with jdbc:h2: or jdbc:postgresql:, was "
                    + Redaction.url(url));
        }
        // names, ranges and messages come from the one option table, so a store built directly and one built from
        // a connection factory's options accept exactly the same values
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        TableMQOptions.TABLE_PREFIX.validate(tablePrefix);
        TableMQOptions.MAX_POOL_SIZE.validate(maxPoolSize);
        TableMQOptions.LEASE_MILLIS.validate(leaseMillis);
        TableMQOptions.MAX_POLL_MILLIS.validate(maxPollMillis);
        TableMQOptions.NODE_NAME.validate(nodeName);
    }

    /** The defaults listed on the record, for this URL (no user, no password). */
    public static JdbcStoreConfig defaults(String url) {
        return new JdbcStoreConfig(url, null, null, TableMQOptions.TABLE_PREFIX.defaultValue(),
                TableMQOptions.MAX_POOL_SIZE.defaultValue(), TableMQOptions.LEASE_MILLIS.defaultValue(),
                TableMQOptions.MAX_POLL_MILLIS.defaultValue(), TableMQOptions.H2_SYNC.defaultValue(),
                TableMQOptions.NODE_NAME.defaultValue());
    }

    public JdbcStoreConfig withUrl(String value) {
        return new JdbcStoreConfig(value, user, password, tablePrefix, maxPoolSize, leaseMillis, maxPollMillis, h2Sync, nodeName);
    }

    public JdbcStoreConfig withUser(String value) {
        return new JdbcStoreConfig(url, value, password, tablePrefix, maxPoolSize, leaseMillis, maxPollMillis, h2Sync, nodeName);
    }

    public JdbcStoreConfig withPassword(String value) {
        return new JdbcStoreConfig(url, user, value, tablePrefix, maxPoolSize, leaseMillis, maxPollMillis, h2Sync, nodeName);
    }

    public JdbcStoreConfig withTablePrefix(String value) {
        return new JdbcStoreConfig(url, user, password, value, maxPoolSize, leaseMillis, maxPollMillis, h2Sync, nodeName);
    }

    public JdbcStoreConfig withMaxPoolSize(int value) {
        return new JdbcStoreConfig(url, user, password, tablePrefix, value, leaseMillis, maxPollMillis, h2Sync, nodeName);
    }

    public JdbcStoreConfig withLeaseMillis(long value) {
        return new JdbcStoreConfig(url, user, password, tablePrefix, maxPoolSize, value, maxPollMillis, h2Sync, nodeName);
    }

    public JdbcStoreConfig withMaxPollMillis(long value) {
        return new JdbcStoreConfig(url, user, password, tablePrefix, maxPoolSize, leaseMillis, value, h2Sync, nodeName);
    }

    public JdbcStoreConfig withH2Sync(boolean value) {
        return new JdbcStoreConfig(url, user, password, tablePrefix, maxPoolSize, leaseMillis, maxPollMillis, value, nodeName);
    }

    public JdbcStoreConfig withNodeName(String value) {
        return new JdbcStoreConfig(url, user, password, tablePrefix, maxPoolSize, leaseMillis, maxPollMillis, h2Sync, value);
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** Never shows the password, not even inside the URL. */
    @Override
    public String toString() {
        return "JdbcStoreConfig[url=" + Redaction.url(url) + ", user=" + user + ", password=" + (password == null ? "null" : "****")
                + ", tablePrefix=" + tablePrefix + ", maxPoolSize=" + maxPoolSize + ", leaseMillis=" + leaseMillis
                + ", maxPollMillis=" + maxPollMillis + ", h2Sync=" + h2Sync + ", nodeName=" + nodeName + "]";
    }
}
