package org.tablemq.jms.client;

import jakarta.jms.IllegalStateException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether a JMS object is closed, and the IllegalStateException naming it when it is used after close. */
final class ClosedState {

    private final AtomicBoolean closed = new AtomicBoolean();
    private final String description;

    ClosedState(String description) {
        this.description = description;
    }

    /** @throws IllegalStateException naming the object if it is closed */
    void check() throws IllegalStateException {
        if (closed.get()) {
            throw new IllegalStateException("The " + description + " is closed");
        }
    }

    /** Marks it closed; true only for the first caller, so close() is idempotent. */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    boolean isClosed() {
        return closed.get();
    }

    String description() {
        return description;
    }
}
