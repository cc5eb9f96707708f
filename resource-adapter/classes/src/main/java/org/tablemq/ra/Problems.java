package org.tablemq.ra;

/**
 * Stable ids of the adapter's log lines (TMQ-4xxx), so operators can grep and document them. The texts are
 * {@link java.text.MessageFormat} patterns for {@link System.Logger}'s parameter form.
 */
public final class Problems {

    public static final String RA_STARTED = "TMQ-4001 TableMQ resource adapter started on {0}";
    public static final String RA_CONFIG = "TMQ-4002 TableMQ resource adapter configuration: {0}";
    public static final String RA_STOPPED = "TMQ-4003 TableMQ resource adapter stopped ({0} activations closed)";
    public static final String ACTIVATION_STARTED = "TMQ-4010 Activation on {0} started: {1} consumer(s), transacted={2}";
    public static final String ACTIVATION_STOPPED = "TMQ-4011 Activation on {0} stopped";
    public static final String DEACTIVATION_TIMEOUT =
            "TMQ-4012 Activation on {0}: {1} delivery(ies) still running after {2} ms; closing the consumers, "
                    + "their transactions roll back and the messages are redelivered";
    public static final String TOPIC_SINGLE_CONSUMER =
            "TMQ-4013 Activation on {0}: the subscription is not shared, so one consumer is used instead of maxSession={1}"
                    + " (set shareSubscriptions=true for concurrent delivery)";
    public static final String DELIVERY_FAILED = "TMQ-4020 Delivery from {0} failed; the message will be redelivered";
    public static final String DEAD_LETTERED =
            "TMQ-4023 A message from {0} failed {2} deliveries and was moved to dead letter queue ''{1}''";
    public static final String CONSUMER_BROKEN = "TMQ-4021 Consumer on {0} failed; reconnecting in {1} ms";
    public static final String ENDPOINT_RELEASE_FAILED = "TMQ-4022 Releasing the message endpoint of {0} failed";
    public static final String CONNECTION_ERROR = "TMQ-4030 Managed connection {0} is broken and will be discarded";
    public static final String CLOSE_FAILED = "TMQ-4031 Closing {0} failed";

    private Problems() {
    }
}
