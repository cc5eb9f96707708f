package org.tablemq.jms.tx;

/**
 * A claimed message that was handed to the application: what acknowledging, releasing or dead-lettering it needs.
 *
 * @param messageId       the store's key of the claimed copy
 * @param deliveryCount   deliveries so far, this one included
 * @param destinationName the queue or topic it came from (names the dead letter queue)
 * @param source          for messages, e.g. {@code queue 'orders'} or {@code subscription 'billing' on topic 'payments'}
 * @param deadLettered    whether it sits on a dead letter queue already (it is then never dead-lettered again: its
 *                        delivery count still includes the failed deliveries that brought it there)
 */
public record Delivery(long messageId, int deliveryCount, String destinationName, String source, boolean deadLettered) {
}
