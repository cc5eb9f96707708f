package org.tablemq.sample.events;

/** One line of an order: a catalogue SKU and how many of it. */
public record OrderLine(String sku, int quantity) {
}
