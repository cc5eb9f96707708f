package org.tablemq.arquillian.container;

/** One delivery attempt as a test listener saw it. */
public record Attempt(String listener, String key, boolean redelivered, int deliveryCount) {
}
