package org.tablemq.jms.store;

/**
 * Something a consumer claims messages from: a queue, or one subscription of a topic.
 *
 * @param id          the store's key for it
 * @param description for messages and logs, e.g. {@code queue 'orders'} or {@code subscription 'billing' on topic 'payments'}
 */
public record Endpoint(long id, String description) {
    @Override
    public String toString() {
        return description;
    }
}
