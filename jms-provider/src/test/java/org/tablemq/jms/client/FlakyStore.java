package org.tablemq.jms.client;

import java.util.Collection;
import java.util.List;
import org.tablemq.jms.store.ArrivalSignal;
import org.tablemq.jms.store.ClaimRequest;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.PayloadLimit;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.Subscription;
import org.tablemq.jms.store.SubscriptionSpec;
import org.tablemq.jms.store.UnitOfWork;
import org.tablemq.jms.store.XidKey;

/** A real store whose database can be made "unreachable" on demand: every call then fails as a lost database would. */
final class FlakyStore implements MessageStore {

    private final MessageStore real;
    private volatile boolean down;
    private volatile PayloadLimit payloadLimit;

    FlakyStore(MessageStore real) {
        this.real = real;
    }

    /** Makes the store state its own limit on message size instead of the real store's. */
    void limitPayloads(PayloadLimit limit) {
        payloadLimit = limit;
    }

    @Override
    public PayloadLimit payloadLimit() {
        return payloadLimit != null ? payloadLimit : real.payloadLimit();
    }

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    private void check() throws StoreUnavailableException {
        if (down) {
            throw new StoreUnavailableException("Database unreachable (simulated): connection refused",
                    new java.sql.SQLTransientConnectionException("Connection refused", "08001"));
        }
    }

    @Override
    public String nodeId() {
        return real.nodeId();
    }

    @Override
    public void ensureDestination(DestinationRef d) throws StoreException {
        check();
        real.ensureDestination(d);
    }

    @Override
    public boolean exists(DestinationRef d) throws StoreException {
        check();
        return real.exists(d);
    }

    @Override
    public Endpoint queueEndpoint(DestinationRef queue) throws StoreException {
        check();
        return real.queueEndpoint(queue);
    }

    @Override
    public void createTemporary(DestinationRef d, String owner) throws StoreException {
        check();
        real.createTemporary(d, owner);
    }

    @Override
    public void deleteTemporary(DestinationRef d) throws StoreException {
        check();
        real.deleteTemporary(d);
    }

    @Override
    public Subscription attach(SubscriptionSpec spec) throws StoreException {
        check();
        return real.attach(spec);
    }

    @Override
    public void detach(Subscription s) throws StoreException {
        check();
        real.detach(s);
    }

    @Override
    public void unsubscribe(String clientId, String name) throws StoreException {
        check();
        real.unsubscribe(clientId, name);
    }

    @Override
    public void send(List<OutgoingMessage> messages) throws StoreException {
        check();
        real.send(messages);
    }

    @Override
    public List<StoredMessage> claim(ClaimRequest request) throws StoreException {
        check();
        return real.claim(request);
    }

    @Override
    public void acknowledge(Collection<Long> ids) throws StoreException {
        check();
        real.acknowledge(ids);
    }

    @Override
    public void release(Collection<Release> releases) throws StoreException {
        check();
        real.release(releases);
    }

    @Override
    public boolean holds(StoredMessage claimed) {
        return real.holds(claimed);
    }

    @Override
    public void releaseUndelivered(Collection<StoredMessage> claimed) throws StoreException {
        check();
        real.releaseUndelivered(claimed);
    }

    @Override
    public void commit(UnitOfWork work) throws StoreException {
        check();
        real.commit(work);
    }

    @Override
    public void prepare(XidKey xid, UnitOfWork work) throws StoreException {
        check();
        real.prepare(xid, work);
    }

    @Override
    public void commitPrepared(XidKey xid) throws StoreException {
        check();
        real.commitPrepared(xid);
    }

    @Override
    public void rollbackPrepared(XidKey xid) throws StoreException {
        check();
        real.rollbackPrepared(xid);
    }

    @Override
    public List<XidKey> recover() throws StoreException {
        check();
        return real.recover();
    }

    @Override
    public List<StoredMessage> browse(Endpoint endpoint, long afterId, int max) throws StoreException {
        check();
        return real.browse(endpoint, afterId, max);
    }

    @Override
    public long depth(Endpoint endpoint) throws StoreException {
        check();
        return real.depth(endpoint);
    }

    @Override
    public ArrivalSignal arrivals() {
        return real.arrivals();
    }

    @Override
    public void close() {
        real.close();
    }
}
