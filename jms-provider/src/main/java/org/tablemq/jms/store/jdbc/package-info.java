/**
 * The JDBC store: {@link org.tablemq.jms.store.jdbc.JdbcMessageStore} on H2 (embedded, the default) or
 * PostgreSQL (several nodes sharing one database), configured by
 * {@link org.tablemq.jms.store.jdbc.JdbcStoreConfig}.
 * <h2>Tables (all named {@code <prefix>...})</h2>
 * <ul>
 *   <li>{@code schema_version}: the one row the {@code SchemaMigrator} upgrades from;</li>
 *   <li>{@code nodes}: each live store instance, its heartbeat and the time until which it counts as alive;</li>
 *   <li>{@code destinations}: queues and topics by (name, kind), temporary ones with their owner and node, and
 *       tombstones of deleted temporary ones (so a late send fails instead of recreating them);</li>
 *   <li>{@code endpoints}: what consumers claim from: one per queue, one per topic subscription, with a key that
 *       encodes the subscription's namespace, client id and name;</li>
 *   <li>{@code attachments}: the active consumers of subscriptions, per node (at most one for an unshared
 *       durable subscription, across the cluster);</li>
 *   <li>{@code messages}: one row per queue message and per subscription of a topic message, with its claim
 *       (owner, node, lease), its delivery count, its XA state and its dead-letter reason and origin;</li>
 *   <li>{@code xa_branches} and {@code xa_releases}: prepared XA branches and the releases they decided.</li>
 * </ul>
 * <h2>Round trips on the hot path (PostgreSQL; on embedded H2 what counts is one file write per commit)</h2>
 * <ul>
 *   <li>a lone send of one queue message: 1 ({@code INSERT ... SELECT ... FROM (SELECT pg_notify(...))} in
 *       auto-commit); concurrent sends share one transaction (group commit): insert batch, notify, COMMIT = 3
 *       for the whole group, and the same 3 for a transacted commit of n sends (the driver rewrites the batch
 *       into multi-row inserts);</li>
 *   <li>a claim without a selector: 1 ({@code UPDATE ... SKIP LOCKED ... RETURNING} in auto-commit), for all
 *       the messages the consumer asked for (its prefetch window), and no fsync: the claim's transaction turns
 *       {@code synchronous_commit} off for itself, as the acknowledgement's flush covers it;</li>
 *   <li>acknowledgements: concurrent ones share a transaction (delete batch + COMMIT = 2 for the group); a lone
 *       ack of one message is 1 {@code DELETE} in auto-commit. A group that fails because one caller lost its
 *       claim is rolled back and each caller's ack is run alone, so nobody else sees that failure.</li>
 * </ul>
 * H2 keeps payloads inline ({@code VARBINARY}, schema version 2): as a {@code BLOB} a 1 KiB payload went to H2's
 * separate LOB storage, which halved the rate of single sends.
 * <h2>Time</h2>
 * Delivery times, expirations, leases and heartbeats are epoch milliseconds of the writing JVM's clock, as the
 * JMS headers are; nodes sharing a database need clocks kept in step (NTP), to well within a lease.
 */
package org.tablemq.jms.store.jdbc;
