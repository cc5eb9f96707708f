package org.tablemq.bench;

/**
 * One contender: a message provider with one store configuration, or raw JDBC on one database.
 * Every {@link #run} starts from a fresh, empty store and removes it afterwards.
 */
public interface BenchSystem {

    /** Short stable name used in tables, CSV and on the command line, e.g. {@code artemis-jdbc-pg}. */
    String name();

    /** What a successful send or commit guarantees on this system, stated in plain words for the report. */
    String durability();

    /** Why this system cannot run here (missing database, provider not built), or null when it can. */
    String unavailableReason();

    boolean supports(Scenario scenario);

    Measurement run(Scenario scenario, Settings settings) throws Exception;
}
