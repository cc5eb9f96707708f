package org.tablemq.ra.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tablemq.jms.store.StoreLimits;
import org.tablemq.ra.ProviderFactory;
import org.tablemq.ra.StoreConfig;

/**
 * How a message-driven bean is activated: the eight activation properties of Jakarta Messaging 3.1 §13.1
 * (destinationLookup, connectionFactoryLookup, messageSelector, destinationType, acknowledgeMode,
 * subscriptionDurability, clientId, subscriptionName) and TableMQ's extensions:
 * <ul>
 *   <li>{@code destination}: the queue or topic by name, no JNDI object needed (exclusive with destinationLookup);</li>
 *   <li>{@code maxSession}: concurrent deliveries (consumers), default {@value #DEFAULT_MAX_SESSION};</li>
 *   <li>{@code shareSubscriptions}: topic subscriptions are shared, so maxSession consumers can take from one;</li>
 *   <li>{@code maxDeliveryAttempts}, {@code redeliveryDelay} (ms), {@code redeliveryBackoff} (multiplier): the
 *       provider's redelivery options for this endpoint, applied over the adapter's;</li>
 *   <li>{@code deadLetterQueue}: the queue (by name) that takes a message after maxDeliveryAttempts failed deliveries,
 *       with the reason in {@code JMS_TableMQ_DLQReason}; unset, the provider's {@code deadLetterQueuePrefix} + destination
 *       name (default {@code DLQ.orders} for {@code orders});</li>
 *   <li>{@code deactivationTimeout} (ms, default {@value #DEFAULT_DEACTIVATION_TIMEOUT}): how long undeploy waits
 *       for in-flight deliveries before closing their consumers (their transactions then roll back).</li>
 * </ul>
 * {@link #validate()} rejects bad values and combinations at deployment with a message naming the property.
 */
public class TableMQActivationSpec implements ActivationSpec {

    public static final int DEFAULT_MAX_SESSION = 15;
    public static final long DEFAULT_DEACTIVATION_TIMEOUT = 30_000;

    /** Provider option names that the redelivery extensions stand for (TableMQOptions). */
    static final String MAX_DELIVERY_ATTEMPTS = "maxDeliveryAttempts";
    static final String REDELIVERY_DELAY = "redeliveryDelay";
    static final String REDELIVERY_BACKOFF = "redeliveryBackoff";

    private ResourceAdapter resourceAdapter;

    private String destinationLookup;
    private String connectionFactoryLookup;
    private String messageSelector;
    private String destinationType;
    private String acknowledgeMode;
    private String subscriptionDurability;
    private String clientId;
    private String subscriptionName;

    private String destination;
    private int maxSession = DEFAULT_MAX_SESSION;
    private boolean shareSubscriptions;
    private long deactivationTimeout = DEFAULT_DEACTIVATION_TIMEOUT;
    private String deadLetterQueue;
    /** The redelivery extensions, kept as provider options: set ones override the adapter's, unset ones inherit. */
    private final Map<String, String> providerOptions = new LinkedHashMap<>();

    @Override
    public void validate() throws InvalidPropertyException {
        boolean byName = present(destination);
        boolean byLookup = present(destinationLookup);
        if (byName == byLookup) {
            throw invalid(byName ? "destination" : "destinationLookup", byName
                    ? "set either destination (a name) or destinationLookup (a JNDI name), not both"
                    : "the destination is missing: set destination (a queue or topic name) or destinationLookup");
        }
        if (destinationType != null) {
            parseDestinationType(destinationType);
        }
        acknowledge();
        boolean durable = durable();
        if (durable && !isTopic()) {
            throw invalid("subscriptionDurability", "Durable applies only to topics; set destinationType=jakarta.jms.Topic");
        }
        if (durable && !present(subscriptionName)) {
            throw invalid("subscriptionName", "a durable subscription needs a subscriptionName");
        }
        if (durable && !shareSubscriptions && !present(clientId)) {
            throw invalid("clientId", "an unshared durable subscription needs a clientId (or set shareSubscriptions=true)");
        }
        if (shareSubscriptions && isTopic() && !present(subscriptionName)) {
            throw invalid("subscriptionName", "a shared subscription (shareSubscriptions=true) needs a subscriptionName");
        }
        checkStored("destination", destination, StoreLimits.MAX_DESTINATION_NAME);
        checkStored("deadLetterQueue", deadLetterQueue, StoreLimits.MAX_DESTINATION_NAME);
        checkStored("clientId", clientId, StoreLimits.MAX_CLIENT_ID);
        checkStored("subscriptionName", subscriptionName, StoreLimits.MAX_SUBSCRIPTION_NAME);
        if (isTopic()) {
            checkStored("messageSelector", messageSelector, StoreLimits.MAX_SUBSCRIPTION_SELECTOR);
        }
        if (maxSession < 1) {
            throw invalid("maxSession", "must be at least 1, was " + maxSession);
        }
        if (deactivationTimeout < 0) {
            throw invalid("deactivationTimeout", "must be 0 or more milliseconds, was " + deactivationTimeout);
        }
        if (!providerOptions.isEmpty()) {
            // ranges are the provider's: apply the options to a throwaway factory, which checks them
            ProviderFactory.create(new StoreConfig("jdbc:h2:mem:validation", null, null, providerOptions),
                    "activation spec of " + describeDestination());
        }
    }

    /** The adapter's store with this activation's redelivery options on top. */
    public StoreConfig storeConfig(StoreConfig adapterStore) {
        return adapterStore.withOptions(providerOptions);
    }

    /** Whether the destination is a topic: from destinationType (default queue) when given by name. */
    boolean isTopic() throws InvalidPropertyException {
        return destinationType != null && parseDestinationType(destinationType);
    }

    boolean durable() throws InvalidPropertyException {
        if (subscriptionDurability == null || subscriptionDurability.equalsIgnoreCase("NonDurable")) {
            return false;
        }
        if (subscriptionDurability.equalsIgnoreCase("Durable")) {
            return true;
        }
        throw invalid("subscriptionDurability", "must be Durable or NonDurable, was '" + subscriptionDurability + "'");
    }

    /** Whether the topic subscription is durable; valid after {@link #validate()}. */
    boolean durableSubscription() {
        try {
            return durable();
        } catch (InvalidPropertyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The JMS acknowledge mode for bean-managed (non-transacted) delivery. */
    int acknowledge() throws InvalidPropertyException {
        if (acknowledgeMode == null) {
            return jakarta.jms.Session.AUTO_ACKNOWLEDGE;
        }
        String mode = acknowledgeMode.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (mode) {
            case "auto-acknowledge" -> jakarta.jms.Session.AUTO_ACKNOWLEDGE;
            case "dups-ok-acknowledge" -> jakarta.jms.Session.DUPS_OK_ACKNOWLEDGE;
            default -> throw invalid("acknowledgeMode",
                    "must be Auto-acknowledge or Dups-ok-acknowledge, was '" + acknowledgeMode + "'");
        };
    }

    /** True for a topic. Accepts the jakarta names the spec defines and the javax ones that migrated code still has. */
    static boolean parseDestinationType(String type) throws InvalidPropertyException {
        return switch (type.trim()) {
            case "jakarta.jms.Queue", "javax.jms.Queue" -> false;
            case "jakarta.jms.Topic", "javax.jms.Topic" -> true;
            default -> throw invalid("destinationType", "must be jakarta.jms.Queue or jakarta.jms.Topic, was '" + type + "'");
        };
    }

    String describeDestination() {
        return present(destination) ? "'" + destination + "'" : "lookup '" + destinationLookup + "'";
    }

    /** A name or selector the store keeps: refused at deployment rather than at each delivery. */
    private static void checkStored(String property, String value, int maxLength) throws InvalidPropertyException {
        if (present(value)) {
            Optional<String> problem = StoreLimits.problem(value, maxLength);
            if (problem.isPresent()) {
                throw invalid(property, "'" + StoreLimits.preview(value) + "' " + problem.get());
            }
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static InvalidPropertyException invalid(String property, String problem) {
        InvalidPropertyException e = new InvalidPropertyException("TableMQ activation property '" + property + "': " + problem);
        try {
            e.setInvalidPropertyDescriptors(new PropertyDescriptor[] {new PropertyDescriptor(property, TableMQActivationSpec.class)});
        } catch (IntrospectionException unexpected) {
            e.addSuppressed(unexpected);
        }
        return e;
    }

    private void option(String name, Object value) {
        if (value == null) {
            providerOptions.remove(name);
        } else {
            providerOptions.put(name, value.toString());
        }
    }

    Map<String, String> providerOptions() {
        return Map.copyOf(providerOptions);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    public String getDestinationLookup() {
        return destinationLookup;
    }

    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = destinationLookup;
    }

    public String getConnectionFactoryLookup() {
        return connectionFactoryLookup;
    }

    public void setConnectionFactoryLookup(String connectionFactoryLookup) {
        this.connectionFactoryLookup = connectionFactoryLookup;
    }

    public String getMessageSelector() {
        return messageSelector;
    }

    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    public String getDestinationType() {
        return destinationType;
    }

    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    public void setSubscriptionDurability(String subscriptionDurability) {
        this.subscriptionDurability = subscriptionDurability;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public Integer getMaxSession() {
        return maxSession;
    }

    public void setMaxSession(Integer maxSession) {
        this.maxSession = maxSession == null ? DEFAULT_MAX_SESSION : maxSession;
    }

    public Boolean getShareSubscriptions() {
        return shareSubscriptions;
    }

    public void setShareSubscriptions(Boolean shareSubscriptions) {
        this.shareSubscriptions = shareSubscriptions != null && shareSubscriptions;
    }

    public Long getDeactivationTimeout() {
        return deactivationTimeout;
    }

    public void setDeactivationTimeout(Long deactivationTimeout) {
        this.deactivationTimeout = deactivationTimeout == null ? DEFAULT_DEACTIVATION_TIMEOUT : deactivationTimeout;
    }

    /** Null when not set here (the adapter's or the provider's default applies). */
    public Integer getMaxDeliveryAttempts() {
        String v = providerOptions.get(MAX_DELIVERY_ATTEMPTS);
        return v == null ? null : Integer.valueOf(v);
    }

    public void setMaxDeliveryAttempts(Integer maxDeliveryAttempts) {
        option(MAX_DELIVERY_ATTEMPTS, maxDeliveryAttempts);
    }

    public Long getRedeliveryDelay() {
        String v = providerOptions.get(REDELIVERY_DELAY);
        return v == null ? null : Long.valueOf(v);
    }

    public void setRedeliveryDelay(Long redeliveryDelay) {
        option(REDELIVERY_DELAY, redeliveryDelay);
    }

    public Double getRedeliveryBackoff() {
        String v = providerOptions.get(REDELIVERY_BACKOFF);
        return v == null ? null : Double.valueOf(v);
    }

    public void setRedeliveryBackoff(Double redeliveryBackoff) {
        option(REDELIVERY_BACKOFF, redeliveryBackoff);
    }

    /** Null when not set: the provider's dead letter queue ({@code deadLetterQueuePrefix} + destination name) is used. */
    public String getDeadLetterQueue() {
        return deadLetterQueue;
    }

    public void setDeadLetterQueue(String deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public String toString() {
        return "TableMQActivationSpec[" + describeDestination() + ", type=" + destinationType + ", maxSession="
                + maxSession + ", options=" + providerOptions + "]";
    }
}
