package org.tablemq.sample.events;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** The shop's products: price for the order service, initial stock for logistics. */
public enum Catalog {
    WIDGET("Widget", new BigDecimal("4.90"), 1_000_000),
    GADGET("Gadget", new BigDecimal("19.90"), 500),
    GIZMO("Gizmo (rare)", new BigDecimal("249.00"), 3);

    private final String title;
    private final BigDecimal price;
    private final int initialStock;

    Catalog(String title, BigDecimal price, int initialStock) {
        this.title = title;
        this.price = price;
        this.initialStock = initialStock;
    }

    public String title() {
        return title;
    }

    public BigDecimal price() {
        return price;
    }

    public int initialStock() {
        return initialStock;
    }

    public static Optional<Catalog> bySku(String sku) {
        return Arrays.stream(values()).filter(p -> p.name().equals(sku)).findFirst();
    }
}
