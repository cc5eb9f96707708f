package org.tablemq.jms.management;

/**
 * What tells one named subscription from another: a durable and a shared non-durable subscription may share a name.
 *
 * @param topic    the topic's name
 * @param name     the subscription's name
 * @param clientId its client id, null if none
 * @param durable  whether it is durable
 */
public record SubscriptionName(String topic, String name, String clientId, boolean durable) {
}
