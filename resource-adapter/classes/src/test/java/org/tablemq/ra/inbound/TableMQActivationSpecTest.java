package org.tablemq.ra.inbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

class TableMQActivationSpecTest {

    private static TableMQActivationSpec queue(String name) {
        TableMQActivationSpec spec = new TableMQActivationSpec();
        spec.setDestination(name);
        return spec;
    }

    private static TableMQActivationSpec topic(String name) {
        TableMQActivationSpec spec = queue(name);
        spec.setDestinationType("jakarta.jms.Topic");
        return spec;
    }

    @Test
    void namesTheStoreCannotKeepAreRejectedAtDeploymentNamingPropertyAndLimit() {
        assertThatThrownBy(() -> queue("q".repeat(2001)).validate())
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'destination'").hasMessageContaining("limit of 2000");
        TableMQActivationSpec dlq = queue("orders");
        dlq.setDeadLetterQueue("orders\0dead");
        assertThatThrownBy(dlq::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'deadLetterQueue'").hasMessageContaining("NUL");
        TableMQActivationSpec durable = topic("prices");
        durable.setSubscriptionDurability("Durable");
        durable.setClientId("c".repeat(1001));
        durable.setSubscriptionName("prices-sub");
        assertThatThrownBy(durable::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'clientId'").hasMessageContaining("limit of 1000");
    }

    @Test
    void aQueueByNameIsValidWithDefaults() {
        assertThatCode(() -> queue("orders").validate()).doesNotThrowAnyException();
    }

    @Test
    void defaultsAreFifteenSessionsAndUnsharedSubscriptions() {
        TableMQActivationSpec spec = new TableMQActivationSpec();
        org.assertj.core.api.Assertions.assertThat(spec.getMaxSession()).isEqualTo(15);
        org.assertj.core.api.Assertions.assertThat(spec.getShareSubscriptions()).isFalse();
        org.assertj.core.api.Assertions.assertThat(spec.getMaxDeliveryAttempts()).isNull();
    }

    @Test
    void missingDestinationIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> new TableMQActivationSpec().validate())
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'destinationLookup'").hasMessageContaining("destination");
    }

    @Test
    void destinationAndDestinationLookupTogetherAreRejected() {
        TableMQActivationSpec spec = queue("orders");
        spec.setDestinationLookup("java:/jms/queue/orders");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'destination'").hasMessageContaining("not both");
    }

    @Test
    void unknownDestinationTypeIsRejectedNamingTheProperty() {
        TableMQActivationSpec spec = queue("orders");
        spec.setDestinationType("jakarta.jms.Pigeon");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'destinationType'").hasMessageContaining("jakarta.jms.Pigeon");
    }

    @Test
    void javaxDestinationTypesOfMigratedBeansAreAccepted() {
        TableMQActivationSpec spec = queue("orders");
        spec.setDestinationType("javax.jms.Queue");
        assertThatCode(spec::validate).doesNotThrowAnyException();
    }

    @Test
    void unknownAcknowledgeModeIsRejectedNamingTheProperty() {
        TableMQActivationSpec spec = queue("orders");
        spec.setAcknowledgeMode("Client-acknowledge");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'acknowledgeMode'").hasMessageContaining("Dups-ok-acknowledge");
    }

    @Test
    void dupsOkAcknowledgeIsAccepted() {
        TableMQActivationSpec spec = queue("orders");
        spec.setAcknowledgeMode("Dups-ok-acknowledge");
        assertThatCode(spec::validate).doesNotThrowAnyException();
    }

    @Test
    void durableSubscriptionOnAQueueIsRejected() {
        TableMQActivationSpec spec = queue("orders");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("s");
        spec.setClientId("c");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'subscriptionDurability'").hasMessageContaining("only to topics");
    }

    @Test
    void unknownSubscriptionDurabilityIsRejected() {
        TableMQActivationSpec spec = topic("payments");
        spec.setSubscriptionDurability("Forever");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'subscriptionDurability'").hasMessageContaining("Forever");
    }

    @Test
    void durableSubscriptionWithoutNameIsRejected() {
        TableMQActivationSpec spec = topic("payments");
        spec.setSubscriptionDurability("Durable");
        spec.setClientId("orders");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'subscriptionName'");
    }

    @Test
    void unsharedDurableSubscriptionWithoutClientIdIsRejected() {
        TableMQActivationSpec spec = topic("payments");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("orders");
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'clientId'");
    }

    @Test
    void sharedDurableSubscriptionNeedsNoClientId() {
        TableMQActivationSpec spec = topic("payments");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("orders");
        spec.setShareSubscriptions(true);
        assertThatCode(spec::validate).doesNotThrowAnyException();
    }

    @Test
    void sharedSubscriptionWithoutNameIsRejected() {
        TableMQActivationSpec spec = topic("payments");
        spec.setShareSubscriptions(true);
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'subscriptionName'").hasMessageContaining("shared");
    }

    @Test
    void maxSessionBelowOneIsRejected() {
        TableMQActivationSpec spec = queue("orders");
        spec.setMaxSession(0);
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'maxSession'").hasMessageContaining("at least 1");
    }

    @Test
    void negativeDeactivationTimeoutIsRejected() {
        TableMQActivationSpec spec = queue("orders");
        spec.setDeactivationTimeout(-1L);
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'deactivationTimeout'");
    }

    @Test
    void invalidExceptionCarriesThePropertyDescriptor() {
        TableMQActivationSpec spec = queue("orders");
        spec.setMaxSession(0);
        assertThatThrownBy(spec::validate).isInstanceOfSatisfying(InvalidPropertyException.class, e ->
                org.assertj.core.api.Assertions.assertThat(e.getInvalidPropertyDescriptors()[0].getName()).isEqualTo("maxSession"));
    }

    @Test
    void maxDeliveryAttemptsOutOfTheProviderRangeIsRejectedNamingTheOption() {
        TableMQActivationSpec spec = queue("orders");
        spec.setMaxDeliveryAttempts(0);
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("maxDeliveryAttempts");
    }

    @Test
    void redeliveryBackoffBelowOneIsRejectedNamingTheOption() {
        TableMQActivationSpec spec = queue("orders");
        spec.setRedeliveryBackoff(0.5);
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("redeliveryBackoff");
    }

    @Test
    void redeliveryExtensionsBecomeProviderOptionsOverTheAdapters() {
        TableMQActivationSpec spec = queue("orders");
        spec.setMaxDeliveryAttempts(3);
        spec.setRedeliveryDelay(250L);
        org.tablemq.ra.StoreConfig adapter = new org.tablemq.ra.StoreConfig("jdbc:h2:mem:x", null, null,
                java.util.Map.of("maxDeliveryAttempts", "10", "prefetch", "5"));
        org.assertj.core.api.Assertions.assertThat(spec.storeConfig(adapter).options())
                .containsEntry("maxDeliveryAttempts", "3").containsEntry("redeliveryDelay", "250")
                .containsEntry("prefetch", "5");
    }
}
