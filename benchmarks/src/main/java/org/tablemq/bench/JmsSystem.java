package org.tablemq.bench;

import jakarta.jms.ConnectionFactory;

/** A Jakarta Messaging provider: starts a fresh store, runs the shared {@link JmsScenarios}, tears the store down. */
abstract class JmsSystem implements BenchSystem {

    /** A started provider on a fresh store; closing it stops the provider and deletes the store. */
    interface RunningStore extends AutoCloseable {
        ConnectionFactory connectionFactory();

        /** The run's PostgreSQL database, whose activity can be read once the store is closed; null on files. */
        PgRun pgRun();

        @Override
        void close() throws Exception;
    }

    protected abstract RunningStore start(Settings settings) throws Exception;

    @Override
    public boolean supports(Scenario scenario) {
        return true;
    }

    @Override
    public Measurement run(Scenario scenario, Settings settings) throws Exception {
        RunningStore store = start(settings);
        Measurement measurement;
        try (store) {
            JmsScenarios scenarios = new JmsScenarios(store.connectionFactory(), settings);
            measurement = scenarios.run(scenario).withOperations(scenarios.operations());
        }
        return store.pgRun() == null ? measurement : measurement.withActivity(store.pgRun().activity());
    }
}
