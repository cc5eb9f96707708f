package org.tablemq.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.tablemq.jms.TableMQConnectionFactory;

import java.nio.file.Path;

/** TableMQ on H2 (default durability or {@code h2Sync}) or on PostgreSQL, through its public connection factory. */
final class TableMQSystem extends JmsSystem {

    enum Store { H2, H2_SYNC, POSTGRESQL }

    private final Store store;
    private final String pgUnavailable;

    TableMQSystem(Store store, String pgUnavailable) {
        this.store = store;
        this.pgUnavailable = pgUnavailable;
    }

    @Override
    public String name() {
        return switch (store) {
            case H2 -> "tablemq-h2";
            case H2_SYNC -> "tablemq-h2-sync";
            case POSTGRESQL -> "tablemq-pg";
        };
    }

    @Override
    public String durability() {
        return switch (store) {
            case H2 -> "H2 default: a committed message survives a process kill (written to the OS); the file is"
                    + " forced to disk every 0.2 s, so a power loss can take the last 0.2 s";
            case H2_SYNC -> "H2 h2Sync=true: each commit forced to disk before send/commit returns (survives power loss)";
            case POSTGRESQL -> "PostgreSQL, synchronous_commit=on: each commit fsynced by the server";
        };
    }

    @Override
    public String unavailableReason() {
        return store == Store.POSTGRESQL ? pgUnavailable : null;
    }

    @Override
    protected RunningStore start(Settings settings) throws Exception {
        Path dir = FileStores.fresh(settings, name());
        PgRun pg = store == Store.POSTGRESQL ? PgRun.create(settings, name()) : null;
        String url = pg == null ? "jdbc:h2:file:" + dir.resolve("tablemq").toAbsolutePath() : pg.url();
        TableMQConnectionFactory factory = new TableMQConnectionFactory(url);
        Connection keeper;
        try {
            // set in every mode: the option table defaults h2Sync to true, which the store refuses on PostgreSQL
            factory.setH2Sync(store == Store.H2_SYNC);
            // the provider opens a store with its first connection and closes it with its last; this connection
            // keeps one store open for the whole run (S3 fills and drains with separate connections)
            keeper = factory.createConnection();
        } catch (JMSException | RuntimeException e) {
            FileStores.delete(dir);
            if (pg != null) {
                pg.close();
            }
            throw e;
        }
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
                    keeper.close();
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
