package org.tablemq.jms.store;

/**
 * A message as the store hands it to a consumer (claimed) or a browser (not claimed).
 *
 * @param id               the store's key for this copy (one per queue message, one per subscription for topics)
 * @param endpointId       the endpoint it sits on
 * @param payload          the encoded message, as sent
 * @param priority         0-9
 * @param expiration       epoch millis, 0 for never
 * @param deliveryCount    how many times it has been claimed for delivery, this claim included (1 on first delivery);
 *                         a browser sees the count of past claims
 * @param deadLetterReason why it was dead-lettered, null unless it sits on a dead letter queue
 * @param deadLetterOrigin the destination it was dead-lettered from (e.g. {@code queue 'orders'}), null likewise
 */
public record StoredMessage(long id, long endpointId, byte[] payload, int priority, long expiration,
                            int deliveryCount, String deadLetterReason, String deadLetterOrigin) {
}
