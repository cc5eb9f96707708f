package org.tablemq.jms.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.ArrivalSignal;
import org.tablemq.jms.store.ClaimRequest;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.PayloadLimit;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoreAdministration;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreOutcomeUnknownException;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.Subscription;
import org.tablemq.jms.store.SubscriptionSpec;
import org.tablemq.jms.store.UnitOfWork;
import org.tablemq.jms.store.XidKey;
import org.tablemq.jms.store.jdbc.CommitMarkers.Marker;
import org.tablemq.jms.store.jdbc.MessageWriter.Resolved;
import org.tablemq.jms.store.jdbc.Settlement.ResolvedRelease;

/**
 * The {@link MessageStore} on H2 or PostgreSQL. Wires the collaborators that each do one job ({@link Topology},
 * {@link MessageWriter} behind a {@link GroupCommitter}, {@link Claimer}, {@link Settlement}, {@link XaBranches},
 * {@link LeaseKeeper}, a {@link Notifier}) and gives each operation its one short database transaction. Holds
 * no connection between calls; destinations are resolved before a transaction starts, so transactions only
 * write.
 */
public final class JdbcMessageStore implements MessageStore {

    private static final System.Logger LOG = Log.of(JdbcMessageStore.class);
    private static final int MAX_GROUP_BATCH = 256;
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    /** Longest wait at close for a timer task under way; it then may still hold a connection of the closing pool. */
    private static final long TIMER_STOP_MILLIS = 10_000;

    /**
     * One caller's work in a group commit. On H2, sends, acknowledgements and local transaction commits of all
     * sessions share one queue, so a producer's insert and a consumer's delete that arrive together cost one
     * written chunk instead of two. PostgreSQL already flushes the WAL of concurrent commits together; there
     * sends and acknowledgements keep separate queues, so that a lone one stays a single auto-commit statement.
     */
    private sealed interface GroupWork permits SendWork, AckWork, CommitWork {
    }

    /** One send call, with the endpoints it touched. */
    private record SendWork(List<Resolved> sends, Touched touched) implements GroupWork {
    }

    /** One acknowledgement call outside a transaction. */
    private record AckWork(List<Long> ids) implements GroupWork {
    }

    /** One local transaction's commit: its acknowledgements, releases and sends, all or none. */
    private record CommitWork(UnitOfWork work, List<Resolved> sends, List<ResolvedRelease> releases, Touched touched)
            implements GroupWork {
    }

    private static final long DEFERRED_RETRY_MILLIS = 1_000;
    private static final long MARKER_CLEANUP_MILLIS = 60_000;

    private final JdbcStoreConfig config;
    private final String nodeId;
    private final HikariDataSource pool;
    private final Jdbc jdbc;
    private final CommitMarkers markers;
    private final Dialect sql;
    private final ScheduledExecutorService timer;
    private volatile H2Flusher flusher;
    private final Arrivals arrivals;
    private final Notifier notifier;
    private final Topology topology;
    private final MessageWriter writer;
    private final Claimer claimer;
    private final Settlement settlement;
    private final HeldClaims held;
    private final XaBranches branches;
    private final Administration administration;
    private final LeaseKeeper keeper;
    private final DeferredSettlement deferred;
    private final GroupCommitter<GroupWork> sends;
    private final GroupCommitter<GroupWork> acks;
    private final PayloadLimit payloadLimit;
    private volatile boolean closed;

    private JdbcMessageStore(JdbcStoreConfig config, String nodeId, HikariDataSource pool, Dialect sql) {
        this.config = config;
        this.nodeId = nodeId;
        this.pool = pool;
        this.sql = sql;
        this.markers = new CommitMarkers(pool, sql, nodeId, sql.outcomeResolveMillis());
        this.jdbc = new Jdbc(pool, config.url(), sql.idColumn(), markers);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tablemq-timer-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        // at close, wake-ups of delayed messages still waiting are dropped rather than waited for
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = timer;
        this.arrivals = new Arrivals(timer);
        this.notifier = sql.notifyStatement().isPresent()
                ? new ListenNotifier(config, sql, nodeId, arrivals)
                : new PollingNotifier(jdbc, sql, nodeId, arrivals, config.maxPollMillis());
        this.topology = new Topology(jdbc, sql, nodeId);
        this.writer = new MessageWriter(sql);
        this.payloadLimit = config.isH2() ? H2Dialect.payloadLimit(Runtime.getRuntime().maxMemory()) : PayloadLimit.NONE;
        this.claimer = new Claimer(jdbc, sql, nodeId, config.leaseMillis(), payloadLimit.bytes());
        HeldClaims held = new HeldClaims(config.leaseMillis());
        this.settlement = new Settlement(sql, nodeId, held);
        this.held = held;
        this.branches = new XaBranches(jdbc, sql, nodeId, notifier);
        this.administration = new Administration(jdbc, sql, topology, notifier, arrivals);
        this.keeper = new LeaseKeeper(jdbc, sql, nodeId, config.leaseMillis(), topology, notifier, arrivals, timer,
                new LeaseRenewer(config, jdbc, sql, nodeId, held));
        this.deferred = new DeferredSettlement(jdbc, markers, sql, nodeId, config.leaseMillis(), settlement, arrivals);
        this.sends = new GroupCommitter<>(jdbc, JdbcMessageStore::describe, MAX_GROUP_BATCH, this::writeGroup,
                this::afterGroup, this::isOneStatement, markers, JdbcMessageStore::needsMarker)
                .boundedBy(JdbcMessageStore::payloadBytes, payloadLimit.bytes());
        this.acks = sql.flushesConcurrentCommitsTogether() ? new GroupCommitter<>(jdbc, JdbcMessageStore::describe,
                MAX_GROUP_BATCH, this::writeGroup, this::afterGroup, this::isOneStatement, markers,
                JdbcMessageStore::needsMarker).boundedBy(JdbcMessageStore::payloadBytes, payloadLimit.bytes()) : sends;
    }

    /**
     * Connects, creates or upgrades the schema, registers this node and starts the background work (lease
     * keeping, notifications). Reads no messages, so a backlog does not slow it down.
     *
     * @throws StoreUnavailableException if the database cannot be reached
     */
    public static JdbcMessageStore open(JdbcStoreConfig config) throws StoreException {
        String nodeId = config.nodeName() != null ? config.nodeName()
                : "node-" + UUID.randomUUID().toString().substring(0, 13);
        Dialect sql = Dialect.forUrl(config.url(), config.tablePrefix());
        HikariDataSource pool = pool(config, nodeId, sql);
        JdbcMessageStore store = new JdbcMessageStore(config, nodeId, pool, sql);
        try {
            int before = new SchemaMigrator(store.jdbc, sql).migrate();
            if (config.nodeName() != null) {     // a generated node id has no earlier run
                store.timer.execute(store.releaseClaimsOfEarlierRun(System.currentTimeMillis()));
            }
            store.keeper.start();
            store.notifier.start();
            store.startCommitHousekeeping();
            if (config.isH2() && !config.h2Sync()) {
                store.flusher = new H2Flusher(store::forceToDisk, nodeId);
                store.flusher.start();
            }
            LOG.log(Level.INFO, "TMQ-2000 Store opened on {0} ({1}), tables {2}* at schema version {3}{4}, node {5}",
                    Redaction.url(config.url()), sql.name(), config.tablePrefix(), SchemaMigrator.CURRENT,
                    before == 0 ? " (created)" : before < SchemaMigrator.CURRENT ? " (upgraded from " + before + ")" : "",
                    nodeId);
            LOG.log(Level.DEBUG, "TableMQ store configuration: {0}", config);
            return store;
        } catch (StoreException | RuntimeException e) {
            store.shutdown(false);
            throw e;
        }
    }

    private static HikariDataSource pool(JdbcStoreConfig config, String nodeId, Dialect sql) throws StoreException {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.isH2() ? H2Dialect.tuneUrl(config.url()) : config.url());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setMinimumIdle(Math.min(2, config.maxPoolSize()));
        hc.setPoolName("tablemq-" + nodeId);
        hc.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        if (!config.isH2()) {
            // a batch of n inserts (a transacted commit of n sends) becomes one multi-row INSERT on the server
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.addDataSourceProperty("ApplicationName", "tablemq-" + nodeId);   // who is who in pg_stat_activity
        }
        AtomicReference<HikariDataSource> created = new AtomicReference<>();
        if (config.isH2()) {
            hc.setExceptionOverride(new H2ClosedEviction(hc.getPoolName(), () -> {
                HikariDataSource ds = created.get();
                if (ds != null && ds.getHikariPoolMXBean() != null) {
                    ds.getHikariPoolMXBean().softEvictConnections();
                }
            }));
        }
        try {
            created.set(new HikariDataSource(hc));
            return created.get();
        } catch (HikariPool.PoolInitializationException e) {
            SQLException cause = e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), "08001", e);
            throw new Jdbc(null, config.url(), sql.idColumn()).failure("open the store", cause);
        }
    }

    /**
     * A node restarted under the same name finds the claims its earlier run held (it died without giving them back):
     * they are given back, as redelivered, rather than kept alive by this run's heartbeat and renewals. Runs on the
     * timer right after the store opened, so opening never waits for the messages table; only claims whose lease was
     * written before this run opened are touched (this run's own claims end later), and only claimed rows are read
     * (through the lease index), so a backlog costs nothing.
     */
    private Runnable releaseClaimsOfEarlierRun(long openedMillis) {
        return () -> {
            try {
                int released = jdbc.inTransaction("release the claims of an earlier run of node " + nodeId, c -> {
                    int n = Jdbc.update(c, sql.releaseClaimsOfEarlierRun, ps -> {
                        ps.setString(1, nodeId);
                        ps.setLong(2, openedMillis + config.leaseMillis());
                    });
                    if (n > 0) {
                        notifier.announceAll(c);
                    }
                    return n;
                });
                if (released > 0) {
                    arrivals.bumpAll();
                    LOG.log(Level.WARNING, "TMQ-2018 Node {0} found {1} message(s) still claimed by its earlier run;"
                            + " they are delivered again as redelivered", nodeId, released);
                }
            } catch (StoreException | RuntimeException e) {
                LOG.log(Level.WARNING, () -> "TMQ-2019 Node " + nodeId + " could not give back the claims of its"
                        + " earlier run; they stay claimed until the node stops: " + e.getMessage(), e);
            }
        };
    }

    /** Finishes deferred acknowledgements and releases, and deletes commit markers nobody can need any more. */
    private void startCommitHousekeeping() {
        timer.scheduleWithFixedDelay(deferred::finish, DEFERRED_RETRY_MILLIS, DEFERRED_RETRY_MILLIS,
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::deleteOldMarkers, MARKER_CLEANUP_MILLIS, MARKER_CLEANUP_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void deleteOldMarkers() {
        try {
            jdbc.autoCommit("delete old commit markers", markers::deleteExpired);
        } catch (StoreException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Deleting old commit markers failed; next try in " + MARKER_CLEANUP_MILLIS
                    + " ms: " + e.getMessage());
        }
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void ensureDestination(DestinationRef destination) throws StoreException {
        topology.resolve(destination);
    }

    @Override
    public boolean exists(DestinationRef destination) throws StoreException {
        return topology.exists(destination);
    }

    @Override
    public Endpoint queueEndpoint(DestinationRef queue) throws StoreException {
        return topology.queueEndpoint(queue);
    }

    @Override
    public void createTemporary(DestinationRef destination, String ownerConnectionId) throws StoreException {
        topology.createTemporary(destination, ownerConnectionId);
    }

    @Override
    public void deleteTemporary(DestinationRef destination) throws StoreException {
        topology.deleteTemporary(destination);
    }

    @Override
    public Subscription attach(SubscriptionSpec spec) throws StoreException {
        return topology.attach(spec);
    }

    @Override
    public void detach(Subscription subscription) throws StoreException {
        topology.detach(subscription);
    }

    @Override
    public void unsubscribe(String clientId, String name) throws StoreException {
        topology.unsubscribe(clientId, name);
    }

    @Override
    public void send(List<OutgoingMessage> messages) throws StoreException {
        if (messages.isEmpty()) {
            return;
        }
        sends.submit(new SendWork(resolve(messages), new Touched()));
    }

    /**
     * A batch that is one statement runs in auto-commit mode: a lone send of one queue message on a database that
     * inserts and notifies in one statement, or a lone acknowledgement of one message.
     */
    private boolean isOneStatement(List<GroupWork> batch) {
        if (batch.size() != 1) {
            return false;
        }
        GroupWork only = batch.get(0);
        if (only instanceof SendWork send) {
            return sql.insertMessageAndNotify().isPresent() && send.sends().size() == 1
                    && !send.sends().get(0).target().isTopic();
        }
        return only instanceof AckWork ack && ack.ids().size() == 1;
    }

    /**
     * Sends and transactions must learn the outcome of a broken commit (a wrong answer loses or duplicates a message);
     * an acknowledgement alone need not: one of unknown outcome is finished later by {@link DeferredSettlement}.
     */
    private static boolean needsMarker(List<GroupWork> batch) {
        return batch.stream().anyMatch(w -> !(w instanceof AckWork));
    }

    /** What a work adds to a group commit's chunk, for the batch bound. */
    private static long payloadBytes(GroupWork work) {
        List<Resolved> sends = work instanceof SendWork send ? send.sends()
                : work instanceof CommitWork commit ? commit.sends() : List.of();
        long bytes = 0;
        for (Resolved r : sends) {
            bytes += r.message().payload().length;
        }
        return bytes;
    }

    private static String describe(List<GroupWork> batch) {
        if (batch.size() == 1 && batch.get(0) instanceof CommitWork) {
            return "commit a transaction";
        }
        boolean sends = batch.stream().anyMatch(w -> !(w instanceof AckWork));
        boolean acks = batch.stream().anyMatch(w -> !(w instanceof SendWork));
        return sends && acks ? "commit sends and acknowledgements" : sends ? "send messages" : "acknowledge messages";
    }

    /** All or none of the batch: a lost claim or a deleted destination rolls it back, and each work then runs alone. */
    private void writeGroup(Connection c, List<GroupWork> batch, Marker marker) throws SQLException, StoreException {
        for (GroupWork work : batch) {
            // counted anew on each attempt, so a retried batch does not wake twice as many consumers
            if (work instanceof SendWork send) {
                send.touched().clear();
            } else if (work instanceof CommitWork commit) {
                commit.touched().clear();
            }
        }
        if (isOneStatement(batch) && batch.get(0) instanceof SendWork one) {
            Resolved send = one.sends().get(0);
            one.touched().add(send.target().endpointId(), send.message().deliverAt());
            writer.writeOneNotifying(c, send, markers, marker, sql.channel(), notifier.payload(one.touched()).orElseThrow());
            return;
        }
        Touched all = new Touched();
        List<Long> acked = new ArrayList<>();
        for (GroupWork work : batch) {
            if (work instanceof AckWork ack) {
                acked.addAll(ack.ids());
            } else if (work instanceof SendWork send) {
                writer.write(c, send.sends(), MessageWriter.READY, null, send.touched());
                all.addAll(send.touched());
            } else if (work instanceof CommitWork commit) {
                UnitOfWork unit = commit.work();
                settlement.ack(c, unit.acks(), "commit a transaction acknowledging messages " + unit.acks());
                settlement.release(c, commit.releases(), commit.touched());
                writer.write(c, commit.sends(), MessageWriter.READY, null, commit.touched());
                all.addAll(commit.touched());
            }
        }
        if (!acked.isEmpty()) {
            settlement.ack(c, acked, "acknowledge messages " + acked);
        }
        notifier.announce(c, all);
    }

    private void afterGroup(List<GroupWork> batch) throws StoreException {
        syncIfAsked();
        for (GroupWork work : batch) {
            if (work instanceof SendWork send) {
                send.touched().signal(arrivals);
            } else if (work instanceof AckWork ack) {
                settlement.settled(ack.ids());
            } else if (work instanceof CommitWork commit) {
                commit.touched().signal(arrivals);
                settlement.settled(settledIds(commit.work()));
            }
        }
    }

    @Override
    public List<StoredMessage> claim(ClaimRequest request) throws StoreException {
        long startedNanos = System.nanoTime();     // before the claimer reads the wall clock it computes leases from
        try {
            return deferred.claiming(() -> {
                List<StoredMessage> claimed = claimer.claim(request);
                settlement.claimed(claimed, startedNanos);
                return claimed;
            });
        } catch (StoreOutcomeUnknownException e) {
            // Nothing reached the consumer; whatever the claim took is given back once the database answers.
            deferred.claimOfUnknownOutcome(request.consumerId(), e);
            throw new StoreUnavailableException("Cannot claim messages from " + request.endpoint() + ": the"
                    + " connection to the database broke; nothing was received", e);
        }
    }

    @Override
    public boolean holds(StoredMessage claimed) {
        return held.holds(claimed);
    }

    @Override
    public void releaseUndelivered(Collection<StoredMessage> claimed) throws StoreException {
        if (claimed.isEmpty()) {
            return;
        }
        Touched touched;
        try {
            touched = jdbc.inTransaction("give back " + claimed.size() + " undelivered message(s)", markers.next(), c -> {
                Touched t = new Touched();
                settlement.releaseUndelivered(c, claimed, t);
                notifier.announce(c, t);
                return t;
            });
        } catch (StoreOutcomeUnknownException e) {
            deferred.releasesOfUnknownOutcome(claimed.size(), e);
            return;
        } catch (StoreUnavailableException e) {
            deferred.undelivered(claimed, e);
            return;
        }
        syncIfAsked();
        touched.signal(arrivals);
        settlement.releasedUndelivered(claimed);
    }

    @Override
    public void acknowledge(Collection<Long> messageIds) throws StoreException {
        if (messageIds.isEmpty()) {
            return;
        }
        // concurrent acknowledgements share a commit with each other (and, on H2, with sends)
        List<Long> ids = List.copyOf(messageIds);
        try {
            acks.submit(new AckWork(ids));
        } catch (StoreOutcomeUnknownException e) {
            deferred.acks(ids, e);
        }
    }

    @Override
    public void release(Collection<Release> releases) throws StoreException {
        if (releases.isEmpty()) {
            return;
        }
        List<ResolvedRelease> resolved = resolveReleases(releases);
        Touched touched;
        try {
            touched = jdbc.inTransaction("release " + releases.size() + " message(s)", markers.next(), c -> {
                Touched t = new Touched();
                settlement.release(c, resolved, t);
                notifier.announce(c, t);
                return t;
            });
        } catch (StoreOutcomeUnknownException e) {
            deferred.releasesOfUnknownOutcome(resolved.size(), e);
            return;
        } catch (StoreUnavailableException e) {
            deferred.releases(resolved, e);
            return;
        }
        syncIfAsked();
        touched.signal(arrivals);
        settlement.settled(releases.stream().map(Release::messageId).toList());
    }

    @Override
    public void commit(UnitOfWork work) throws StoreException {
        if (work.isEmpty()) {
            return;
        }
        acks.submit(new CommitWork(work, resolve(work.sends()), resolveReleases(work.releases()), new Touched()));
    }

    @Override
    public void prepare(XidKey xid, UnitOfWork work) throws StoreException {
        List<Resolved> resolvedSends = resolve(work.sends());
        List<ResolvedRelease> resolvedReleases = resolveReleases(work.releases());
        jdbc.inTransaction("prepare " + xid, markers.next(), c -> {
            long branch = branches.insert(c, xid);
            settlement.hold(c, branch, work.acks(), resolvedReleases, "prepare " + xid + " acknowledging messages "
                    + work.acks());
            writer.write(c, resolvedSends, MessageWriter.PREPARED, branch, new Touched());
            return null;
        });
        syncIfAsked();
        settlement.settled(settledIds(work));
    }

    @Override
    public void commitPrepared(XidKey xid) throws StoreException {
        Touched touched = branches.commit(xid);
        syncIfAsked();
        touched.signal(arrivals);
    }

    @Override
    public void rollbackPrepared(XidKey xid) throws StoreException {
        Touched touched = branches.rollback(xid);
        syncIfAsked();
        touched.signal(arrivals);
    }

    @Override
    public List<XidKey> recover() throws StoreException {
        return branches.recover();
    }

    @Override
    public List<StoredMessage> browse(Endpoint endpoint, long afterId, int max) throws StoreException {
        long now = System.currentTimeMillis();
        return jdbc.autoCommit("browse " + endpoint, c -> Jdbc.query(c, sql.browse, ps -> {
            ps.setLong(1, endpoint.id());
            ps.setLong(2, afterId);
            ps.setLong(3, now);
            ps.setInt(4, max);
        }, Claimer::message));
    }

    @Override
    public long depth(Endpoint endpoint) throws StoreException {
        return jdbc.autoCommit("count the messages of " + endpoint,
                c -> Jdbc.count(c, sql.depth, ps -> ps.setLong(1, endpoint.id())));
    }

    @Override
    public PayloadLimit payloadLimit() {
        return payloadLimit;
    }

    @Override
    public ArrivalSignal arrivals() {
        return arrivals;
    }

    @Override
    public Optional<StoreAdministration> administration() {
        return Optional.of(administration);
    }

    @Override
    public void close() {
        shutdown(true);
    }

    private synchronized void shutdown(boolean releaseNodeState) {
        if (closed) {
            return;
        }
        closed = true;
        keeper.stop();
        notifier.close();
        stopTimer();
        if (releaseNodeState) {
            try {
                jdbc.inTransaction("release the claims of node " + nodeId, c -> {
                    Jdbc.update(c, sql.releaseClaimsOfNode, ps -> ps.setString(1, nodeId));
                    notifier.announceAll(c);
                    return null;
                });
                topology.removeNodeState(nodeId);
                jdbc.autoCommit("unregister node " + nodeId, c -> Jdbc.update(c, sql.deleteNode, ps -> ps.setString(1, nodeId)));
            } catch (StoreException e) {
                LOG.log(Level.WARNING, () -> "TMQ-2006 Closing node " + nodeId + " could not release its claims; other"
                        + " nodes take them over when their lease of " + config.leaseMillis() + " ms expires", e);
            }
        }
        settlement.forgetAll();
        if (flusher != null) {
            flusher.stop();
        }
        pool.close();
        LOG.log(Level.INFO, "TMQ-2007 Store closed, node {0}", nodeId);
    }

    /**
     * Lets the timer finish what it is doing (a lease round, a delayed message's wake-up) instead of interrupting
     * it: an interrupt inside an H2 file operation closes the database file. Queued tasks are dropped.
     */
    private void stopTimer() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(TIMER_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, () -> "TMQ-2021 The timer of node " + nodeId + " was still busy after "
                        + TIMER_STOP_MILLIS + " ms; closing the store without waiting for it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Resolved> resolve(List<OutgoingMessage> messages) throws StoreException {
        List<Resolved> resolved = new ArrayList<>(messages.size());
        for (OutgoingMessage m : messages) {
            resolved.add(new Resolved(topology.resolve(m.destination()), m));
        }
        return resolved;
    }

    private List<ResolvedRelease> resolveReleases(Collection<Release> releases) throws StoreException {
        List<ResolvedRelease> resolved = new ArrayList<>(releases.size());
        for (Release r : releases) {
            long dlq = r.deadLetter() == null ? -1 : topology.queueEndpoint(r.deadLetter().queue()).id();
            resolved.add(new ResolvedRelease(r, dlq));
        }
        return resolved;
    }

    private static List<Long> settledIds(UnitOfWork work) {
        List<Long> ids = new ArrayList<>(work.acks());
        work.releases().forEach(r -> ids.add(r.messageId()));
        return ids;
    }

    /** With {@code h2Sync}, forces what was just committed to the disk before the caller returns. */
    private void syncIfAsked() throws StoreException {
        if (config.h2Sync()) {
            forceToDisk();
        }
    }

    /** Forces what was committed to the disk, where the database leaves that to the store (H2). */
    private void forceToDisk() throws StoreException {
        if (sql.syncStatement().isEmpty()) {
            return;
        }
        jdbc.autoCommit("force committed messages to disk", c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql.syncStatement().orElseThrow());
            }
            return null;
        });
    }
}
