package org.tablemq.jms.management;

/**
 * A topic subscription and what it holds; the figures mean what they mean for {@link QueueInfo}.
 *
 * @param topic     the topic's name
 * @param name      the subscription's name, null for a non-durable unshared subscription (one consumer's own)
 * @param clientId  the client id it belongs to, null if none
 * @param durable   whether it outlives its consumers
 * @param shared    whether several consumers may share it
 * @param consumers consumers attached now, on every node
 */
public record SubscriptionInfo(String topic, String name, String clientId, boolean durable, boolean shared,
                               long ready, long inFlight, long scheduled, long heldByPreparedBranches, long deadLetters,
                               long oldestAgeMillis, long consumers) {

    /** What identifies this subscription. */
    public SubscriptionName id() {
        return new SubscriptionName(topic, name, clientId, durable);
    }
}
