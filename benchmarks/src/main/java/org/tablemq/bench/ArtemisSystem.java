package org.tablemq.bench;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.storage.DatabaseStorageConfiguration;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ActiveMQ Artemis embedded in this JVM, reached over its in-VM connector, with either the file journal (NIO) or
 * the JDBC store on PostgreSQL. Defaults otherwise: durable sends block until the journal has synced them.
 */
final class ArtemisSystem extends JmsSystem {

    private static final AtomicInteger SERVER_IDS = new AtomicInteger();

    private final boolean jdbc;
    private final String unavailable;

    private ArtemisSystem(boolean jdbc, String unavailable) {
        this.jdbc = jdbc;
        this.unavailable = unavailable;
    }

    static ArtemisSystem fileJournal() {
        return new ArtemisSystem(false, null);
    }

    static ArtemisSystem jdbcOnPostgres(String pgUnavailable) {
        return new ArtemisSystem(true, pgUnavailable);
    }

    @Override
    public String name() {
        return jdbc ? "artemis-jdbc-pg" : "artemis-nio";
    }

    @Override
    public String durability() {
        return jdbc
                ? "JDBC store on PostgreSQL, each send/commit is a committed (fsynced) database transaction"
                : "file journal NIO, journal-datasync=true: fsync before a durable send or commit returns";
    }

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    @Override
    protected RunningStore start(Settings settings) throws Exception {
        int id = SERVER_IDS.incrementAndGet();
        Path dir = FileStores.fresh(settings, name());
        PgRun pg = jdbc ? PgRun.create(settings, name()) : null;
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://" + id);
        if (jdbc) {
            DatabaseStorageConfiguration storage = new DatabaseStorageConfiguration();
            storage.setJdbcConnectionUrl(pg.url());
            storage.setJdbcDriverClassName("org.postgresql.Driver");
            config.setStoreConfiguration(storage);
        }
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + id);
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
                    factory.close();
                    server.stop();
                } finally {
                    FileStores.delete(dir);
                    if (pg != null) {
                        pg.close();
                    }
                }
            }
        };
    }
}
