package org.tablemq.jms.store;

/**
 * Gives a claimed message back instead of acknowledging it.
 *
 * @param messageId   the claimed message
 * @param delivered   whether the application saw it (false for prefetched messages never handed out: their
 *                    delivery count is restored, so they do not count as redelivered)
 * @param redeliverAt epoch millis before which it is not delivered again (redelivery delay), 0 for at once
 * @param deadLetter  non-null to move it to a dead letter queue instead of making it deliverable again
 */
public record Release(long messageId, boolean delivered, long redeliverAt, DeadLetter deadLetter) {

    public static Release undelivered(long messageId) {
        return new Release(messageId, false, 0, null);
    }

    public static Release redeliver(long messageId, long redeliverAt) {
        return new Release(messageId, true, redeliverAt, null);
    }

    public static Release deadLetter(long messageId, DeadLetter deadLetter) {
        return new Release(messageId, true, 0, deadLetter);
    }

    /**
     * Where a message goes when it cannot be delivered.
     *
     * @param queue  the dead letter queue's name (created on first use)
     * @param reason a sentence for people, kept with the message
     */
    public record DeadLetter(String queue, String reason) {
    }
}
