package org.tablemq.jms.tx;

import jakarta.jms.JMSException;
import java.util.function.Consumer;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreUnavailableException;

/**
 * The facade's one door to the store: runs a store call, turns its failure into the spec's JMS exception (cause
 * linked, message naming what was attempted) and reports an unreachable database to the connection, whose
 * ExceptionListener is then told.
 */
public final class StoreGateway {

    /** A store call returning a value. */
    @FunctionalInterface
    public interface Call<T> {
        T run(MessageStore store) throws StoreException;
    }

    /** A store call returning nothing. */
    @FunctionalInterface
    public interface Action {
        void run(MessageStore store) throws StoreException;
    }

    private final MessageStore store;
    private final Consumer<JMSException> unavailable;

    /**
     * @param store       the store
     * @param unavailable told (once per failed call) when the database could not be reached
     */
    public StoreGateway(MessageStore store, Consumer<JMSException> unavailable) {
        this.store = store;
        this.unavailable = unavailable;
    }

    public MessageStore store() {
        return store;
    }

    /**
     * @param what what is attempted, for the message, e.g. {@code "send to queue 'orders'"}
     */
    public <T> T call(String what, Call<T> call) throws JMSException {
        try {
            return call.run(store);
        } catch (StoreUnavailableException e) {
            JMSException j = JmsErrors.create(new JMSException("Cannot " + what + ": " + e.getMessage(),
                    e.errorCode()), e);
            unavailable.accept(j);
            throw j;
        } catch (StoreException e) {
            throw e.toJMSException();
        } catch (RuntimeException e) {
            throw JmsErrors.create("Cannot " + what + ": " + e, e);
        }
    }

    public void run(String what, Action action) throws JMSException {
        call(what, s -> {
            action.run(s);
            return null;
        });
    }
}
