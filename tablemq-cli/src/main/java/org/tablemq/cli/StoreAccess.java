package org.tablemq.cli;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.sql.SQLException;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.management.TableMQManagement;

/**
 * Opens the store the command line was pointed at. An embedded H2 store admits one process at a time, so a store a
 * running application holds is refused with a sentence that says so; an H2 URL that names no existing store is
 * refused instead of creating an empty one.
 */
final class StoreAccess {

    /** H2's error codes: database file locked by another process, database not found. */
    private static final int H2_IN_USE = 90020;
    private static final int H2_NOT_FOUND = 90146;

    private StoreAccess() {
    }

    static TableMQManagement open(String url, String user, String password, String tablePrefix) {
        boolean h2 = url.startsWith("jdbc:h2:");
        TableMQConnectionFactory factory = new TableMQConnectionFactory(h2 && !url.toUpperCase().contains("IFEXISTS")
                ? url + ";IFEXISTS=TRUE" : url);
        if (user != null) {
            factory.setUser(user);
        }
        if (password != null) {
            factory.setPassword(password);
        }
        if (tablePrefix != null) {
            factory.setTablePrefix(tablePrefix);
        }
        factory.setNodeName("cli-" + ProcessHandle.current().pid());
        try {
            return factory.management();
        } catch (JMSException | RuntimeException e) {
            int h2Code = h2 ? h2ErrorCode(e) : 0;
            String reason = h2Code == H2_IN_USE
                    ? "the H2 store at " + url + " is in use by another process (an embedded store admits one process"
                    + " at a time): stop the application that holds it, or run the command inside it through its JMX"
                    : h2Code == H2_NOT_FOUND ? "there is no H2 store at " + url
                    : "cannot open the store at " + url + ": " + e.getMessage();
            throw new CliFailure(ExitCodes.STORE_UNAVAILABLE, reason, e);
        }
    }

    /** Closes the management and the store at once, so the process ends without the store's idle grace period. */
    static void close(TableMQManagement management) {
        management.close();
        TableMQConnectionFactory.closeIdleStores();
    }

    /** A refusal of an operation as the command line reports it. */
    static CliFailure refused(JMSException e) {
        return new CliFailure(ExitCodes.REFUSED, e instanceof InvalidDestinationException ? e.getMessage()
                : "The store refused: " + e.getMessage(), e);
    }

    private static int h2ErrorCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_IN_USE || sql.getErrorCode() == H2_NOT_FOUND)) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }
}
