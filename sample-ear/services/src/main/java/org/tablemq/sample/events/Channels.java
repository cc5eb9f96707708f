package org.tablemq.sample.events;

/** Names shared by publishers and subscribers: the application knows destinations only by name. */
public final class Channels {

    /** The connection factory the TableMQ resource adapter binds. */
    public static final String CONNECTION_FACTORY = "java:/jms/TableMQ";
    /** Topic of {@link PaymentSucceeded} events. */
    public static final String PAYMENTS = "payments";
    /** Topic of {@link ShipmentFailed} events. */
    public static final String SHIPMENTS = "shipments";
    /** Where the logistics subscription's poison messages end up after the configured delivery attempts. */
    public static final String LOGISTICS_DEAD_LETTERS = "logistics-dlq";
    /** Message property carrying the order id, so dead letters can be matched to orders with a selector. */
    public static final String ORDER_ID_PROPERTY = "orderId";
    /**
     * Properties the provider sets on a dead-lettered message: why, and where it came from. Provider-specific names
     * (the {@code JMS_<vendor>_} prefix), so they are read only when present.
     */
    public static final String DEAD_LETTER_REASON_PROPERTY = "JMS_TableMQ_DLQReason";
    public static final String DEAD_LETTER_ORIGIN_PROPERTY = "JMS_TableMQ_DLQOrigin";

    private Channels() {
    }
}
