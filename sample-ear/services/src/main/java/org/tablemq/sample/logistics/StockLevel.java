package org.tablemq.sample.logistics;

/** Units of a product available for new shipments. */
public record StockLevel(String sku, String title, int available) {
}
