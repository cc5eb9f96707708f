package org.tablemq.jms.store;

/**
 * What a topic consumer asks for. The four JMS kinds of subscription map to it like this:
 * <ul>
 *   <li>non-durable, unshared: {@code name == null, durable == false, shared == false}; the store creates a
 *       private endpoint that {@link MessageStore#detach} deletes with its messages;</li>
 *   <li>shared non-durable: {@code name != null, durable == false, shared == true}; exists while it has
 *       consumers (in any node);</li>
 *   <li>durable, unshared: {@code name != null, durable == true, shared == false}; at most one active consumer;</li>
 *   <li>shared durable: {@code name != null, durable == true, shared == true}.</li>
 * </ul>
 * Durable subscriptions (shared or not) are identified by {@code (clientId, name)} in one namespace; shared
 * non-durable ones by {@code (clientId, name)} in another. {@code clientId} may be null for shared ones.
 * Attaching to an existing durable subscription with a different topic, selector or noLocal replaces it
 * (its messages are discarded) when it has no active consumer, as the Messaging spec requires.
 *
 * @param topic        the topic name
 * @param name         the subscription name, null for a non-durable unshared subscription
 * @param clientId     the connection's client id, may be null except for unshared durable subscriptions
 * @param durable      whether it outlives its consumers
 * @param shared       whether several consumers may share it
 * @param selector     the message selector text, null or empty for none
 * @param noLocal      whether messages published by {@code connectionId} are to be skipped
 * @param connectionId the id of the consumer's connection (for noLocal)
 */
public record SubscriptionSpec(String topic, String name, String clientId, boolean durable, boolean shared,
                               String selector, boolean noLocal, String connectionId) {

    public String describe() {
        return (name == null ? "non-durable subscription" : "subscription '" + name + "'")
                + (clientId == null ? "" : " of client '" + clientId + "'")
                + " on topic '" + topic + "'";
    }
}
