package org.tablemq.jms.tx;

import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.List;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.UnitOfWork;

/**
 * A transacted session's transaction: sends and acknowledgements are buffered in memory and applied by one
 * {@code MessageStore.commit} at {@link #commit()}, so the session holds no database connection in between.
 * Rollback gives the consumed messages back through the {@link RedeliveryPolicy}.
 */
public final class LocalTransactionContext implements TransactionContext {

    private static final System.Logger LOG = Log.of(LocalTransactionContext.class);

    private final StoreGateway store;
    private final RedeliveryPolicy policy;
    private final String owner;
    private final List<OutgoingMessage> sends = new ArrayList<>();
    private final List<Delivery> acks = new ArrayList<>();

    public LocalTransactionContext(StoreGateway store, RedeliveryPolicy policy, String owner) {
        this.store = store;
        this.policy = policy;
        this.owner = owner;
    }

    @Override
    public synchronized void send(List<OutgoingMessage> messages) {
        sends.addAll(messages);
    }

    @Override
    public synchronized void acknowledge(List<Delivery> deliveries) {
        acks.addAll(deliveries);
    }

    @Override
    public synchronized void commit() throws JMSException {
        UnitOfWork work = new UnitOfWork(sends, acks.stream().map(Delivery::messageId).toList(), List.of());
        if (work.isEmpty()) {
            return;
        }
        try {
            store.run("commit " + owner + " (" + sends.size() + " send(s), " + acks.size() + " ack(s))", s -> s.commit(work));
        } catch (JMSException e) {
            // The transaction ends here whatever went wrong: committing the same work again could apply it twice (an
            // unknown outcome) or apply sends the application was told were not sent. What this session consumed is
            // given back (the store does that later if the database is away; it only touches rows still ours).
            JMSException answer = StoreUnavailableException.ERROR_CODE.equals(e.getErrorCode())
                    ? JmsErrors.create(new TransactionRolledBackException(e.getMessage() + "; the transaction is rolled"
                    + " back", e.getErrorCode()), e)
                    : e;
            sends.clear();
            releaseConsumed(answer);
            throw answer;
        }
        sends.clear();
        acks.clear();
    }

    @Override
    public synchronized void rollback() throws JMSException {
        sends.clear();
        releaseConsumed(null);
    }

    @Override
    public boolean isTransacted() {
        return true;
    }

    @Override
    public synchronized void close() throws JMSException {
        rollback();
    }

    /** Releases the consumed messages for redelivery (or dead-letters them) and forgets them. */
    private void releaseConsumed(JMSException alreadyFailing) throws JMSException {
        if (acks.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<Release> releases = acks.stream().map(d -> policy.onFailure(d, now)).toList();
        acks.clear();
        try {
            store.run("roll back " + owner, s -> s.release(releases));
        } catch (JMSException e) {
            if (alreadyFailing == null) {
                throw e;
            }
            alreadyFailing.addSuppressed(e);
            LOG.log(System.Logger.Level.WARNING, () -> "Could not release the messages of " + owner
                    + " after a failed commit; their leases will expire: " + e.getMessage());
        }
    }
}
