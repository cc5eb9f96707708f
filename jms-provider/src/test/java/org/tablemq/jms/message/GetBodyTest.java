package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import org.junit.jupiter.api.Test;

class GetBodyTest {

    @Test
    void plainMessageHasNoBodyForAnyType() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        assertThat(m.getBody(String.class)).isNull();
        assertThat(m.getBody(Integer.class)).isNull();
        assertThat(m.isBodyAssignableTo(Map.class)).isTrue();
    }

    @Test
    void emptyTypedMessagesReturnNullForAnyType() throws JMSException {
        assertThat(new TableMQTextMessage().getBody(Integer.class)).isNull();
        assertThat(new TableMQBytesMessage().getBody(String.class)).isNull();
        assertThat(new TableMQMapMessage().getBody(String.class)).isNull();
        assertThat(new TableMQObjectMessage().getBody(Map.class)).isNull();
        assertThat(new TableMQObjectMessage().isBodyAssignableTo(Map.class)).isTrue();
    }

    @Test
    void textBodyIsAStringOrASupertype() throws JMSException {
        TableMQTextMessage m = new TableMQTextMessage("hi");
        assertThat(m.getBody(String.class)).isEqualTo("hi");
        assertThat(m.getBody(CharSequence.class)).isEqualTo("hi");
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Integer.class)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("TextMessage").hasMessageContaining("java.lang.Integer");
    }

    @Test
    void bytesBodyIsAByteArrayAndGetBodyResetsTheMessage() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeInt(42);
        assertThat(m.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(m.isBodyAssignableTo(Serializable.class)).isFalse();
        assertThat(m.getBody(byte[].class)).containsExactly(0, 0, 0, 42);
        assertThat(m.readInt()).isEqualTo(42);
        assertThat(m.getBody(Object.class)).isInstanceOf(byte[].class);
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void mapBodyIsACopiedMap() throws JMSException {
        TableMQMapMessage m = new TableMQMapMessage();
        m.setInt("a", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = m.getBody(Map.class);
        assertThat(body).containsExactly(Map.entry("a", 1));
        body.put("b", 2);
        assertThat(m.itemExists("b")).isFalse();
        assertThat(m.isBodyAssignableTo(HashMap.class)).isFalse();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThatThrownBy(() -> m.getBody(List.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void objectBodyIsTheDeserializedObject() throws JMSException {
        TableMQObjectMessage m = new TableMQObjectMessage(new java.util.ArrayList<>(List.of("a")));
        assertThat(m.getBody(List.class)).containsExactly("a");
        assertThat(m.getBody(Serializable.class)).isEqualTo(List.of("a"));
        assertThat(m.isBodyAssignableTo(Map.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Map.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void objectBodyThatCannotBeDeserializedIsNotAssignable() throws JMSException {
        TableMQObjectMessage m = new TableMQObjectMessage(new ObjectMessageTest.Order("o-1", 3));
        m.setDeserializationPolicy(DeserializationPolicy.JDK_ONLY);
        assertThat(m.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void streamBodyIsNeverReturned() throws JMSException {
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeInt(1);
        assertThat(m.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("StreamMessage");
    }
}
