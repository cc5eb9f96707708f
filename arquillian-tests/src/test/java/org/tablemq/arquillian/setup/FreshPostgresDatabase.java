package org.tablemq.arquillian.setup;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run by the build before the PostgreSQL pass (not a test): drops and recreates the database the server's adapter
 * will use, so every run starts from an empty store. Left-over durable subscriptions of an earlier run would
 * otherwise deliver old payment events to a new sample database, and in-doubt branches of an earlier run would be
 * recovered in the middle of this one.
 *
 * <p>Argument: the adapter's JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/tablemq_it?user=postgres}. The
 * database is named by the URL's path; the maintenance connection goes to {@code postgres} on the same server.
 */
public final class FreshPostgresDatabase {

    private FreshPostgresDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: FreshPostgresDatabase <jdbc:postgresql://host:port/database?...>");
        }
        URI uri = URI.create(args[0].substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        if (!database.matches("[a-z][a-z0-9_]*") || database.equals("postgres")) {
            throw new IllegalArgumentException("Refusing to recreate database '" + database + "' of " + args[0]);
        }
        String maintenance = args[0].replaceFirst("/" + database + "(\\?|$)", "/postgres$1");
        try (Connection connection = DriverManager.getConnection(maintenance);
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        }
        System.out.println("Recreated PostgreSQL database " + database + " for the in-container tests");
    }
}
