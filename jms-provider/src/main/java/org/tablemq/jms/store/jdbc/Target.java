package org.tablemq.jms.store.jdbc;

/**
 * A destination resolved to its rows: a queue's one endpoint, or a topic whose subscriptions are read when a
 * message is written.
 *
 * @param destinationId the destination row
 * @param endpointId    the queue's endpoint, -1 for a topic
 * @param description   e.g. {@code queue 'orders'}
 * @param temporary     whether it is a temporary destination (never cached: it may be deleted)
 */
record Target(long destinationId, long endpointId, String description, boolean temporary) {

    boolean isTopic() {
        return endpointId < 0;
    }
}
