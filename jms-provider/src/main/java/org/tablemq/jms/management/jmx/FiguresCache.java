package org.tablemq.jms.management.jmx;

import jakarta.jms.JMSException;
import java.util.List;
import org.tablemq.jms.management.QueueInfo;
import org.tablemq.jms.management.SubscriptionInfo;
import org.tablemq.jms.management.SubscriptionName;
import org.tablemq.jms.management.TableMQManagement;

/**
 * The figures of every queue and subscription, read at most once per {@link #MAX_AGE_NANOS}: a JMX console reads each
 * attribute of each MBean separately, and each read would otherwise be a query over the whole messages table.
 */
final class FiguresCache {

    static final long MAX_AGE_NANOS = 1_000_000_000L;

    record Snapshot(List<QueueInfo> queues, List<SubscriptionInfo> subscriptions) {
    }

    private final TableMQManagement management;
    private Snapshot snapshot;          // guarded by this
    private long readAtNanos;           // guarded by this

    FiguresCache(TableMQManagement management) {
        this.management = management;
    }

    synchronized Snapshot get() throws JMSException {
        long now = System.nanoTime();
        if (snapshot == null || now - readAtNanos > MAX_AGE_NANOS) {
            return fresh();
        }
        return snapshot;
    }

    synchronized Snapshot fresh() throws JMSException {
        snapshot = new Snapshot(management.queues(), management.subscriptions());
        readAtNanos = System.nanoTime();
        return snapshot;
    }

    QueueInfo queue(String name) throws JMSException {
        return get().queues().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElse(new QueueInfo(name, 0, 0, 0, 0, 0, -1));
    }

    SubscriptionInfo subscription(SubscriptionName key) throws JMSException {
        return get().subscriptions().stream().filter(s -> s.id().equals(key)).findFirst()
                .orElse(new SubscriptionInfo(key.topic(), key.name(), key.clientId(), key.durable(), false,
                        0, 0, 0, 0, 0, -1, 0));
    }
}
