package org.tablemq.jms.client;

import jakarta.jms.IllegalStateException;

/**
 * Knows whether the current thread is inside a MessageListener or CompletionListener of a session, so the calls
 * the spec forbids there (closing one's own connection or session, stopping it from a MessageListener, commit from a
 * completion callback, ...) fail with an IllegalStateException instead of deadlocking.
 */
final class CallbackGuard {

    private static final ThreadLocal<TableMQSession> IN_LISTENER = new ThreadLocal<>();
    private static final ThreadLocal<TableMQSession> IN_COMPLETION = new ThreadLocal<>();

    private CallbackGuard() {
    }

    static void enterListener(TableMQSession s) {
        IN_LISTENER.set(s);
    }

    static void exitListener() {
        IN_LISTENER.remove();
    }

    static void enterCompletion(TableMQSession s) {
        IN_COMPLETION.set(s);
    }

    static void exitCompletion() {
        IN_COMPLETION.remove();
    }

    static boolean inCompletionOf(TableMQSession s) {
        return IN_COMPLETION.get() == s;
    }

    /** The session whose listener this thread is running, or null. */
    static TableMQSession listenerSession() {
        return IN_LISTENER.get();
    }

    /** Refuses {@code what} when called from a listener or completion callback of {@code session}. */
    static void refuseInCallbacksOf(TableMQSession session, String what) throws IllegalStateException {
        if (IN_LISTENER.get() == session) {
            throw new IllegalStateException("Cannot " + what + " from a MessageListener of " + session.description()
                    + " (it would wait for itself)");
        }
        refuseInCompletionOf(session, what);
    }

    static void refuseInCompletionOf(TableMQSession session, String what) throws IllegalStateException {
        if (IN_COMPLETION.get() == session) {
            throw new IllegalStateException("Cannot " + what + " from a CompletionListener of " + session.description()
                    + " (forbidden by the Jakarta Messaging specification, 7.3.8)");
        }
    }

    /** Refuses {@code what} when called from any listener or completion callback of {@code connection}'s sessions. */
    static void refuseInCallbacksOf(TableMQConnection connection, String what) throws IllegalStateException {
        refuseInListenersOf(connection, what);
        TableMQSession c = IN_COMPLETION.get();
        if (c != null && c.connection() == connection) {
            throw new IllegalStateException("Cannot " + what + " from a CompletionListener of " + c.description());
        }
    }

    /**
     * Refuses {@code what} when called from a MessageListener of {@code connection}'s sessions only: stop() waits for
     * the running listeners, so a listener would wait for itself. A CompletionListener may stop its connection
     * (the spec forbids it only close, commit and rollback): it runs on no listener's thread.
     */
    static void refuseInListenersOf(TableMQConnection connection, String what) throws IllegalStateException {
        TableMQSession l = IN_LISTENER.get();
        if (l != null && l.connection() == connection) {
            throw new IllegalStateException("Cannot " + what + " from a MessageListener of " + l.description()
                    + " (it would wait for itself)");
        }
    }
}
