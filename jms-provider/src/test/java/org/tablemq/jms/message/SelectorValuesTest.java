package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;

import org.junit.jupiter.api.Test;

class SelectorValuesTest {

    @Test
    void headerIdentifiersHaveSelectorValues() {
        TableMQMessage m = new TableMQMessage();
        m.setJMSMessageID("ID:9");
        m.setJMSTimestamp(123L);
        m.setJMSCorrelationID("c");
        m.setJMSType("t");
        m.setJMSPriority(7);
        assertThat(m.valueOf("JMSDeliveryMode")).isEqualTo("PERSISTENT");
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        assertThat(m.valueOf("JMSDeliveryMode")).isEqualTo("NON_PERSISTENT");
        assertThat(m.valueOf("JMSPriority")).isEqualTo(7);
        assertThat(m.valueOf("JMSMessageID")).isEqualTo("ID:9");
        assertThat(m.valueOf("JMSTimestamp")).isEqualTo(123L);
        assertThat(m.valueOf("JMSCorrelationID")).isEqualTo("c");
        assertThat(m.valueOf("JMSType")).isEqualTo("t");
    }

    @Test
    void propertiesHaveTheirTypedValues() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setShortProperty("s", (short) 2);
        m.setBooleanProperty("b", true);
        m.setDoubleProperty("d", 0.5);
        assertThat(m.valueOf("s")).isEqualTo((short) 2);
        assertThat(m.valueOf("b")).isEqualTo(true);
        assertThat(m.valueOf("d")).isEqualTo(0.5);
        assertThat(m.valueOf("absent")).isNull();
    }

    @Test
    void deliveryCountIsAnIdentifierOnceDelivered() {
        TableMQMessage m = new TableMQMessage();
        assertThat(m.valueOf("JMSXDeliveryCount")).isNull();
        m.setDeliveryCount(2);
        assertThat(m.valueOf("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void unsetHeadersAreNull() {
        TableMQMessage m = new TableMQMessage();
        assertThat(m.valueOf("JMSCorrelationID")).isNull();
        assertThat(m.valueOf("JMSType")).isNull();
        assertThat(m.valueOf("JMSMessageID")).isNull();
    }
}
