package org.tablemq.jms.management;

/**
 * A queue and what it holds.
 *
 * @param name                   the queue's name
 * @param ready                  messages deliverable now
 * @param inFlight               messages claimed by a consumer and not yet acknowledged
 * @param scheduled              messages waiting for their delivery time (delivery delay, redelivery delay)
 * @param heldByPreparedBranches messages sent or settled by a prepared XA branch, waiting for its decision
 * @param deadLetters            messages dead-lettered from this queue that still wait on a dead letter queue
 * @param oldestAgeMillis        age of its oldest visible message, -1 when it holds none or only messages written
 *                               before the store recorded enqueue times (schema version 4)
 */
public record QueueInfo(String name, long ready, long inFlight, long scheduled, long heldByPreparedBranches,
                        long deadLetters, long oldestAgeMillis) {
}
