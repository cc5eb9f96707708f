package org.tablemq.jms.tx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoreLimits;

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

    /**
     * Property of a dead-lettered message: why it was dead-lettered. Named {@code JMS_<vendor>_...} because the spec
     * (Jakarta Messaging 3.1 section 3.5.10) reserves that prefix for provider-specific properties.
     */
    public static final String REASON_PROPERTY = "JMS_TableMQ_DLQReason";
    /** Property of a dead-lettered message: the destination it came from (a {@code JMS_<vendor>} name as well). */
    public static final String ORIGIN_PROPERTY = "JMS_TableMQ_DLQOrigin";
    /** Longest {@code deadLetterPrefix}: it leaves most of a destination name's room to the name. */
    public static final int MAX_DEAD_LETTER_PREFIX = 200;

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

    /**
     * The dead letter queue of a destination: {@code deadLetterPrefix + destinationName}, unless that is longer than
     * a destination name may be. Then it is the prefix, the start of the name, {@code '~'} and 16 hex digits of the
     * name's SHA-256, exactly {@link StoreLimits#MAX_DESTINATION_NAME} characters: still one queue per destination
     * and readable, so dead-lettering never fails because of a name.
     */
    public String deadLetterQueue(String destinationName) {
        String name = deadLetterPrefix + destinationName;
        if (name.length() <= StoreLimits.MAX_DESTINATION_NAME) {
            return name;
        }
        String hash = "~" + HexFormat.of().formatHex(sha256(destinationName), 0, 8);
        int keep = StoreLimits.MAX_DESTINATION_NAME - deadLetterPrefix.length() - hash.length();
        if (Character.isHighSurrogate(destinationName.charAt(keep - 1))) {
            keep--; // never cut a surrogate pair in two
        }
        return deadLetterPrefix + destinationName.substring(0, keep) + hash;
    }

    /** The reason recorded with a dead-lettered message; a very long source is shortened to fit the store. */
    private Release.DeadLetter deadLetter(Delivery d, String why) {
        String reason = "Message from " + d.source() + ": " + why;
        if (reason.length() > StoreLimits.MAX_DEAD_LETTER_REASON) {
            String end = "...: " + why;
            int keep = Math.max(0, StoreLimits.MAX_DEAD_LETTER_REASON - end.length());
            if (keep > 0 && Character.isHighSurrogate(reason.charAt(keep - 1))) {
                keep--;
            }
            reason = (reason.substring(0, keep) + end).substring(0, StoreLimits.MAX_DEAD_LETTER_REASON);
        }
        return new Release.DeadLetter(deadLetterQueue(d.destinationName()), reason);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
