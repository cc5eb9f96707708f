package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"orderId", "_x", "$y", "a1", "ÄrgerZähler", "JMS_vendorish", "JMSXGroupID"})
    void validIdentifiersAreAccepted(String name) {
        TableMQMessage m = new TableMQMessage();
        assertThatCode(() -> m.setStringProperty(name, "v")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b", "x+"})
    void nonIdentifiersAreRefused(String name) {
        assertThatThrownBy(() -> new TableMQMessage().setStringProperty(name, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "true", "False", "NOT", "and", "OR", "BETWEEN", "like", "IN", "IS", "ESCAPE"})
    void selectorKeywordsAreRefusedInAnyCase(String name) {
        assertThatThrownBy(() -> new TableMQMessage().setIntProperty(name, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyword");
    }

    @Test
    void nullAndEmptyNamesAreRefused() {
        assertThatThrownBy(() -> new TableMQMessage().setIntProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableMQMessage().setIntProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JMSXDeliveryCount", "JMSXUserID", "JMSXAppID", "JMSXState", "JMS_TableMQ_DeadLetterReason",
            "JMSType", "JMSPriority", "JMSMessageID"})
    void reservedNamesAreRefusedForApplications(String name) {
        assertThatThrownBy(() -> new TableMQMessage().setStringProperty(name, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }

    @Test
    void groupPropertiesTakeTheirSpecTypes() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setStringProperty("JMSXGroupID", "g1");
        m.setIntProperty("JMSXGroupSeq", 2);
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("g1");
        assertThat(m.getIntProperty("JMSXGroupSeq")).isEqualTo(2);
        assertThatThrownBy(() -> m.setStringProperty("JMSXGroupSeq", "2")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setIntProperty("JMSXGroupID", 2)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void providerMaySetReservedNamesEvenWhenReadOnly() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setReadOnly();
        m.setProviderProperty("JMS_TableMQ_DeadLetterReason", "max deliveries");
        m.setProviderProperty("JMSXUserID", "alice");
        assertThat(m.getStringProperty("JMS_TableMQ_DeadLetterReason")).isEqualTo("max deliveries");
        assertThat(m.getStringProperty("JMSXUserID")).isEqualTo("alice");
    }

    @Test
    void providerPropertiesStillNeedValidNamesAndTypes() {
        TableMQMessage m = new TableMQMessage();
        assertThatThrownBy(() -> m.setProviderProperty("a-b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setProviderProperty("ok", new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deliveryCountAppearsOnlyOnceDelivered() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
        m.setDeliveryCount(3);
        assertThat(m.propertyExists("JMSXDeliveryCount")).isTrue();
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(m.getObjectProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(java.util.Collections.list(m.getPropertyNames())).contains("JMSXDeliveryCount");
        assertThatThrownBy(() -> m.setDeliveryCount(0)).isInstanceOf(IllegalArgumentException.class);
        m.setProviderProperty("JMSXDeliveryCount", 4);
        assertThat(m.getDeliveryCount()).isEqualTo(4);
        assertThatThrownBy(() -> m.setProviderProperty("JMSXDeliveryCount", "4"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
