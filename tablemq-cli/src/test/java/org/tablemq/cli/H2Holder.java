package org.tablemq.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/** A second process that holds an H2 store open until its standard input closes. */
public final class H2Holder {

    private H2Holder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS held (x INT)");
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our input
            }
        }
    }
}
