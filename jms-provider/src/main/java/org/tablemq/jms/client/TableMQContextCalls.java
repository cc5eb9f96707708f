package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import org.tablemq.jms.internal.JmsErrors;

/**
 * Runs a classic-API call for the simplified API: a checked {@link JMSException} leaves as its unchecked twin
 * (through {@link JmsErrors#toRuntime}), with the original as cause.
 */
final class TableMQContextCalls {

    private TableMQContextCalls() {
    }

    /** A classic-API call that returns a value. */
    @FunctionalInterface
    interface JmsSupplier<T> {
        T get() throws JMSException;
    }

    /** A classic-API call that returns nothing. */
    @FunctionalInterface
    interface JmsRunnable {
        void run() throws JMSException;
    }

    static <T> T call(JmsSupplier<T> call) {
        try {
            return call.get();
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        }
    }

    static void run(JmsRunnable call) {
        try {
            call.run();
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        }
    }
}
