package org.tablemq.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tablemq.jms.store.StoreLimits;

/**
 * The client id rules of one connection: set at most once, only before the connection is used, unique among
 * the open connections of this JVM on one store (another node's connections are not visible here), and
 * released when the connection closes.
 */
final class ClientIdentity {

    /** Client ids in use, as "store node id + NUL + client id". */
    private static final Set<String> IN_USE = ConcurrentHashMap.newKeySet();

    private final String storeKey;
    private final String connection;
    private String clientId;
    private boolean administered;
    private boolean used;

    ClientIdentity(String storeKey, String connection) {
        this.storeKey = storeKey;
        this.connection = connection;
    }

    /** The client id configured on the factory: fixed, setClientID is then refused. */
    synchronized void administer(String id) throws InvalidClientIDException {
        claim(id);
        administered = true;
    }

    synchronized void set(String id) throws IllegalStateException, InvalidClientIDException {
        if (administered) {
            throw new IllegalStateException("Cannot set the client id of " + connection + ": it was configured as '"
                    + clientId + "' on the connection factory");
        }
        if (clientId != null) {
            throw new IllegalStateException("Cannot set the client id of " + connection + " to '" + id
                    + "': it is already '" + clientId + "' and may be set only once");
        }
        if (used) {
            throw new IllegalStateException("Cannot set the client id of " + connection + " to '" + id
                    + "': the connection has already been used; set it right after creating the connection");
        }
        claim(id);
    }

    private void claim(String id) throws InvalidClientIDException {
        Optional<String> problem = StoreLimits.problem(id, StoreLimits.MAX_CLIENT_ID);
        if (problem.isPresent()) {
            throw new InvalidClientIDException("The client id '" + StoreLimits.preview(id) + "' " + problem.get()
                    + " (a client id is 1-" + StoreLimits.MAX_CLIENT_ID + " characters of well-formed UTF-16 without NUL)");
        }
        if (!IN_USE.add(storeKey + '\0' + id)) {
            throw new InvalidClientIDException("Client id '" + id + "' is already in use by another open connection");
        }
        clientId = id;
    }

    /** The connection did something that fixes its identity (created a session, started, ...). */
    synchronized void markUsed() {
        used = true;
    }

    synchronized String get() {
        return clientId;
    }

    synchronized void release() {
        if (clientId != null) {
            IN_USE.remove(storeKey + '\0' + clientId);
        }
    }
}
