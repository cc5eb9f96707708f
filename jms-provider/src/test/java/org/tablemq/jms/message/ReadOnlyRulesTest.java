package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;

import org.junit.jupiter.api.Test;

class ReadOnlyRulesTest {

    private static TableMQTextMessage received() throws JMSException {
        TableMQTextMessage m = new TableMQTextMessage("hello");
        m.setIntProperty("n", 1);
        m.setReadOnly();
        return m;
    }

    @Test
    void receivedMessageRefusesPropertyChanges() throws JMSException {
        TableMQTextMessage m = received();
        assertThatThrownBy(() -> m.setIntProperty("n", 2)).isInstanceOf(MessageNotWriteableException.class)
                .hasMessageContaining("'n'").hasMessageContaining("clearProperties");
        assertThat(m.getIntProperty("n")).isEqualTo(1);
    }

    @Test
    void receivedMessageRefusesBodyChanges() throws JMSException {
        TableMQTextMessage m = received();
        assertThatThrownBy(() -> m.setText("other")).isInstanceOf(MessageNotWriteableException.class)
                .hasMessageContaining("clearBody");
        assertThat(m.getText()).isEqualTo("hello");
    }

    @Test
    void clearPropertiesEmptiesThemAndMakesThemWritable() throws JMSException {
        TableMQTextMessage m = received();
        m.clearProperties();
        assertThat(m.propertyExists("n")).isFalse();
        m.setIntProperty("n", 5);
        assertThat(m.getIntProperty("n")).isEqualTo(5);
        assertThatThrownBy(() -> m.setText("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.getText()).isEqualTo("hello");
    }

    @Test
    void clearBodyEmptiesItAndMakesItWritable() throws JMSException {
        TableMQTextMessage m = received();
        m.clearBody();
        assertThat(m.getText()).isNull();
        m.setText("again");
        assertThat(m.getText()).isEqualTo("again");
        assertThatThrownBy(() -> m.setIntProperty("n", 2)).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.getIntProperty("n")).isEqualTo(1);
    }

    @Test
    void headersStayWritableOnAReceivedMessage() throws JMSException {
        TableMQTextMessage m = received();
        m.setJMSCorrelationID("c");
        m.setJMSType("t");
        assertThat(m.getJMSCorrelationID()).isEqualTo("c");
        assertThat(m.getJMSType()).isEqualTo("t");
    }

    @Test
    void everyTypedBodyIsReadOnlyOnceReceived() throws JMSException {
        TableMQMapMessage map = new TableMQMapMessage();
        map.setReadOnly();
        assertThatThrownBy(() -> map.setInt("a", 1)).isInstanceOf(MessageNotWriteableException.class);
        TableMQObjectMessage object = new TableMQObjectMessage();
        object.setReadOnly();
        assertThatThrownBy(() -> object.setObject("x")).isInstanceOf(MessageNotWriteableException.class);
        TableMQBytesMessage bytes = new TableMQBytesMessage();
        bytes.setReadOnly();
        assertThatThrownBy(() -> bytes.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        TableMQStreamMessage stream = new TableMQStreamMessage();
        stream.setReadOnly();
        assertThatThrownBy(() -> stream.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void acknowledgeCallsTheAcknowledgerOrDoesNothing() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.acknowledge();
        int[] calls = {0};
        m.setAcknowledger(() -> calls[0]++);
        m.acknowledge();
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void acknowledgerFailurePropagates() {
        TableMQMessage m = new TableMQMessage();
        m.setAcknowledger(() -> {
            throw new jakarta.jms.IllegalStateException("session closed");
        });
        assertThatThrownBy(m::acknowledge).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }
}
