package org.tablemq.bench;

/**
 * What PostgreSQL counted for one benchmark database over a whole run ({@code pg_stat_database}): how many
 * transactions and row changes the system under test needed for the messages it moved.
 */
public record DbActivity(long commits, long rollbacks, long inserted, long updated, long deleted, long fetched) {

    DbActivity minus(DbActivity before) {
        return new DbActivity(commits - before.commits, rollbacks - before.rollbacks, inserted - before.inserted,
                updated - before.updated, deleted - before.deleted, fetched - before.fetched);
    }
}
