package org.tablemq.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.jdbc.JDBCPersistenceAdapter;
import org.apache.activemq.store.jdbc.adapter.PostgresqlJDBCAdapter;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ActiveMQ Classic 6 embedded in this JVM, reached over the vm:// transport, with KahaDB (journal disk syncs on,
 * the default) or its JDBC store on PostgreSQL through a HikariCP pool. Advisory messages are off: they are
 * broker-internal traffic no other contender pays for.
 */
final class ClassicSystem extends JmsSystem {

    private static final AtomicInteger BROKER_IDS = new AtomicInteger();

    private final boolean jdbc;
    private final String unavailable;

    private ClassicSystem(boolean jdbc, String unavailable) {
        this.jdbc = jdbc;
        this.unavailable = unavailable;
    }

    static ClassicSystem kahaDb() {
        return new ClassicSystem(false, null);
    }

    static ClassicSystem jdbcOnPostgres(String pgUnavailable) {
        return new ClassicSystem(true, pgUnavailable);
    }

    @Override
    public String name() {
        return jdbc ? "classic-jdbc-pg" : "classic-kahadb";
    }

    @Override
    public String durability() {
        return jdbc
                ? "JDBC store on PostgreSQL, each send/commit is a committed (fsynced) database transaction"
                : "KahaDB, enableJournalDiskSyncs=true: fsync before a persistent send or commit returns";
    }

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    @Override
    protected RunningStore start(Settings settings) throws Exception {
        String brokerName = "bench" + BROKER_IDS.incrementAndGet();
        Path dir = FileStores.fresh(settings, name());
        PgRun pg = jdbc ? PgRun.create(settings, name()) : null;
        HikariDataSource dataSource = null;
        BrokerService broker = new BrokerService();
        broker.setBrokerName(brokerName);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setAdvisorySupport(false);
        broker.setSchedulerSupport(false);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(dir.toFile());
        if (jdbc) {
            HikariConfig hikari = new HikariConfig();
            hikari.setJdbcUrl(pg.url());
            hikari.setMaximumPoolSize(10);
            hikari.setPoolName(brokerName);
            dataSource = new HikariDataSource(hikari);
            JDBCPersistenceAdapter adapter = new JDBCPersistenceAdapter();
            adapter.setDataSource(dataSource);
            adapter.setAdapter(new PostgresqlJDBCAdapter());
            adapter.setUseLock(false);
            adapter.setDirectory(dir.toFile());
            broker.setPersistenceAdapter(adapter);
        } else {
            KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
            kahaDb.setDirectory(dir.resolve("kahadb").toFile());
            broker.setPersistenceAdapter(kahaDb);
        }
        broker.start();
        broker.waitUntilStarted();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + brokerName + "?create=false");
        HikariDataSource pool = dataSource;
        return new RunningStore() {
            @Override
            public ConnectionFactory connectionFactory() {
                return factory;
            }

            @Override
            public PgRun pgRun() {
                return pg;
            }

            @Override
            public void close() throws Exception {
                try {
                    broker.stop();
                    broker.waitUntilStopped();
                } finally {
                    if (pool != null) {
                        pool.close();
                    }
                    FileStores.delete(dir);
                    if (pg != null) {
                        pg.close();
                    }
                }
            }
        };
    }
}
