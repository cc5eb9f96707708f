package org.tablemq.jms.management;

/**
 * What a retry of dead letters did.
 *
 * @param retried     moved back to the queue or subscription each failed on, as a first delivery
 * @param leftInPlace left on the dead letter queue: their subscription no longer exists, or it was a non-durable
 *                    unshared one (which has no name to find it by)
 */
public record DeadLetterRetry(int retried, int leftInPlace) {
}
