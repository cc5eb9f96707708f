package org.tablemq.jms.tx;

/**
 * A claimed message that was handed to the application: what acknowledging, releasing or dead-lettering it needs.
 *
 * @param messageId       the store's key of the claimed copy
 * @param deliveryCount   deliveries so far, this one included
 * @param destinationName the queue or topic it came from (names the dead letter queue)
 * @param source          for messages, e.g. {@code queue 'orders'} or {@code subscription 'billing' on topic 'payments'}
 */
public record Delivery(long messageId, int deliveryCount, String destinationName, String source) {
}
