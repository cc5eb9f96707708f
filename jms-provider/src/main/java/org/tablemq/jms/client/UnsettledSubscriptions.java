package org.tablemq.jms.client;

import jakarta.jms.IllegalStateException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable subscriptions a session consumed from whose messages are not yet settled: part of a pending local
 * transaction, or delivered in CLIENT_ACKNOWLEDGE mode and not yet acknowledged or recovered. The Javadoc of
 * {@code Session.unsubscribe} makes deleting such a subscription an error ("while a consumed message is part of a
 * pending transaction or has not been acknowledged in the session"); the session asks here before it unsubscribes.
 * AUTO and DUPS_OK sessions settle each message as it is delivered, and XA branches are settled by the
 * transaction manager, so only local transactions and CLIENT_ACKNOWLEDGE are tracked.
 */
final class UnsettledSubscriptions {

    private final boolean tracking;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    UnsettledSubscriptions(boolean tracking) {
        this.tracking = tracking;
    }

    /** A message of {@code consumer} is being delivered. */
    void delivering(TableMQMessageConsumer consumer) {
        if (tracking && consumer.subscription() != null && consumer.subscription().spec().durable()) {
            names.add(consumer.subscription().spec().name());
        }
    }

    /** Commit, rollback, acknowledge or recover settled everything the session consumed. */
    void settled() {
        names.clear();
    }

    void checkSettled(String name, String sessionDescription) throws IllegalStateException {
        if (names.contains(name)) {
            throw new IllegalStateException("Cannot unsubscribe durable subscription '" + name + "': "
                    + sessionDescription + " consumed messages from it that are not yet committed, rolled back or"
                    + " acknowledged");
        }
    }
}
