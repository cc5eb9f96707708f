package org.tablemq.jms.client;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateRuntimeException;

/**
 * The connection under one or more JMSContexts: {@code JMSContext.createContext} shares it, and it closes
 * when the last context using it closes. It also remembers whether any context has used it, because the
 * client id may only be set before that.
 */
final class TableMQContextConnection {

    private final Connection connection;
    private int references;
    private boolean used;
    private boolean closed;

    TableMQContextConnection(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    synchronized void acquire() {
        if (closed) {
            throw new IllegalStateRuntimeException("Cannot create a JMSContext: its connection is already closed");
        }
        references++;
    }

    /** Drops one reference; closes the connection when it was the last one. */
    void release() {
        boolean last;
        synchronized (this) {
            references--;
            last = references == 0;
            closed = last;
        }
        if (last) {
            TableMQContextCalls.run(connection::close);
        }
    }

    synchronized void markUsed() {
        used = true;
    }

    synchronized void setClientID(String clientID) {
        if (used) {
            throw new IllegalStateRuntimeException("Cannot set the client id to '" + clientID
                    + "': the JMSContext's connection has already been used (a session was created or it was started)");
        }
        TableMQContextCalls.run(() -> connection.setClientID(clientID));
    }
}
