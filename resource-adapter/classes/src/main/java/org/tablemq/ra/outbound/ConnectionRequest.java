package org.tablemq.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.Objects;
import javax.security.auth.Subject;

/**
 * The credentials a managed connection is opened with: those the application passed to
 * {@code createConnection(user, password)} (the provider uses them as the database user), or none (the store's
 * configured user). Pooled connections match on them.
 * <p>
 * Container-managed sign-on is not used: the Subject's credentials are ignored, because TableMQ's only authentication
 * is the database's and the store's user is configured on the adapter. (The recover-credential in ironjacamar.xml only
 * switches IronJacamar's XA recovery on; recovery then uses the store's configured user.)
 *
 * @param user     null for the store's configured user
 * @param password null with a null user
 */
public record ConnectionRequest(String user, String password) implements ConnectionRequestInfo {

    static final ConnectionRequest DEFAULT = new ConnectionRequest(null, null);

    /** What the application asked for; the Subject is deliberately not consulted (see the class comment). */
    static ConnectionRequest resolve(ManagedConnectionFactory mcf, Subject subject, ConnectionRequestInfo info) {
        return info instanceof ConnectionRequest request ? request : DEFAULT;
    }

    boolean isDefault() {
        return user == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionRequest other && Objects.equals(user, other.user)
                && Objects.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, password);
    }

    @Override
    public String toString() {
        return "ConnectionRequest[user=" + user + ", password=" + (password == null ? "null" : "****") + "]";
    }
}
