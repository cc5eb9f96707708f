package org.tablemq.jms.tx;

import org.tablemq.jms.store.Release;

/**
 * What happens to a message whose delivery failed (rollback, recover, a listener that threw): it is released
 * to be delivered again after {@code delay × backoff^(n-1)} ms (n = deliveries so far, capped by
 * {@code maxDelayMillis}), or, once it was delivered {@code maxDeliveryAttempts} times, moved to the dead letter
 * queue {@code deadLetterPrefix + destination name} with a reason. Nothing is dropped.
 *
 * @param delayMillis         delay before the first redelivery
 * @param backoff             multiplier per further attempt, at least 1
 * @param maxDelayMillis      upper bound of the delay
 * @param maxDeliveryAttempts deliveries before dead-lettering
 * @param deadLetterPrefix    prefix of the dead letter queue's name
 */
public record RedeliveryPolicy(long delayMillis, double backoff, long maxDelayMillis, int maxDeliveryAttempts,
                               String deadLetterPrefix) {

    /** Property of a dead-lettered message: why it was dead-lettered. */
    public static final String REASON_PROPERTY = "TMQ_DLQ_REASON";
    /** Property of a dead-lettered message: the destination it came from. */
    public static final String ORIGIN_PROPERTY = "TMQ_DLQ_ORIGIN";

    /** How to give back a message whose delivery failed. */
    public Release onFailure(Delivery d, long nowMillis) {
        if (d.deliveryCount() >= maxDeliveryAttempts && !d.deadLettered()) {
            return Release.deadLetter(d.messageId(), deadLetter(d, "delivery failed " + d.deliveryCount()
                    + " times, maxDeliveryAttempts is " + maxDeliveryAttempts));
        }
        long delay = delayFor(Math.min(d.deliveryCount(), maxDeliveryAttempts));
        return Release.redeliver(d.messageId(), delay == 0 ? 0 : nowMillis + delay);
    }

    /**
     * Whether a just-claimed message was already delivered too often (crash loops, XA rollbacks). A message on a
     * dead letter queue never is: dead-lettering it again would only move it along a chain of queues.
     */
    public boolean exhausted(int deliveryCount, boolean deadLettered) {
        return deliveryCount > maxDeliveryAttempts && !deadLettered;
    }

    /** The release that dead-letters a claimed message instead of delivering it once more. */
    public Release deadLetterExhausted(Delivery d) {
        return Release.deadLetter(d.messageId(), deadLetter(d, "claimed for delivery " + d.deliveryCount()
                + " times, more than maxDeliveryAttempts " + maxDeliveryAttempts));
    }

    /** The delay before delivery number {@code n + 1}, given {@code n} failed deliveries. */
    public long delayFor(int failedDeliveries) {
        if (delayMillis == 0) {
            return 0;
        }
        double raw = delayMillis * Math.pow(backoff, Math.max(0, failedDeliveries - 1));
        return (long) Math.min(raw, (double) maxDelayMillis);
    }

    public String deadLetterQueue(String destinationName) {
        return deadLetterPrefix + destinationName;
    }

    private Release.DeadLetter deadLetter(Delivery d, String why) {
        return new Release.DeadLetter(deadLetterQueue(d.destinationName()), "Message from " + d.source() + ": " + why);
    }
}
