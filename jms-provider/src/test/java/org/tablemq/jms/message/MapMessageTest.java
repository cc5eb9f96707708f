package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import org.junit.jupiter.api.Test;

class MapMessageTest {

    @Test
    void valuesConvertLikeProperties() throws JMSException {
        TableMQMapMessage m = new TableMQMapMessage();
        m.setByte("b", (byte) 2);
        m.setFloat("f", 1.25f);
        m.setString("s", "17");
        assertThat(m.getLong("b")).isEqualTo(2L);
        assertThat(m.getString("b")).isEqualTo("2");
        assertThat(m.getDouble("f")).isEqualTo(1.25);
        assertThat(m.getInt("s")).isEqualTo(17);
        assertThatThrownBy(() -> m.getInt("f")).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("map entry 'f'");
        assertThatThrownBy(() -> m.getBoolean("b")).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void charReadsOnlyAsCharOrString() throws JMSException {
        TableMQMapMessage m = new TableMQMapMessage();
        m.setChar("c", 'q');
        assertThat(m.getChar("c")).isEqualTo('q');
        assertThat(m.getString("c")).isEqualTo("q");
        assertThatThrownBy(() -> m.getInt("c")).isInstanceOf(MessageFormatException.class);
        m.setString("s", "q");
        assertThatThrownBy(() -> m.getChar("s")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getChar("absent")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void bytesReadOnlyAsBytesAndAreCopied() throws JMSException {
        TableMQMapMessage m = new TableMQMapMessage();
        byte[] data = {1, 2, 3};
        m.setBytes("b", data);
        m.setBytes("part", data, 1, 2);
        data[0] = 9;
        assertThat(m.getBytes("b")).containsExactly(1, 2, 3);
        assertThat(m.getBytes("part")).containsExactly(2, 3);
        m.getBytes("b")[1] = 9;
        assertThat(m.getBytes("b")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> m.getString("b")).isInstanceOf(MessageFormatException.class);
        assertThat(m.getBytes("absent")).isNull();
        m.setInt("i", 1);
        assertThatThrownBy(() -> m.getBytes("i")).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void missingEntryReadsLikeValueOfNull() throws JMSException {
        TableMQMapMessage m = new TableMQMapMessage();
        assertThat(m.getBoolean("x")).isFalse();
        assertThat(m.getString("x")).isNull();
        assertThat(m.getObject("x")).isNull();
        assertThatThrownBy(() -> m.getInt("x")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void namesAndExistenceAreReported() throws JMSException {
        TableMQMapMessage m = new TableMQMapMessage();
        m.setInt("a", 1);
        m.setObject("b", null);
        assertThat(Collections.list(m.getMapNames())).containsExactly("a", "b");
        assertThat(m.itemExists("b")).isTrue();
        assertThat(m.itemExists("c")).isFalse();
    }

    @Test
    void entryNamesMustNotBeEmpty() {
        TableMQMapMessage m = new TableMQMapMessage();
        assertThatThrownBy(() -> m.setInt("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setInt(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setObjectAcceptsBodyTypesOnly() throws JMSException {
        TableMQMapMessage m = new TableMQMapMessage();
        m.setObject("c", 'x');
        m.setObject("b", new byte[] {1});
        assertThat(m.getObject("c")).isEqualTo('x');
        assertThatThrownBy(() -> m.setObject("o", new Object())).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("'o'");
    }
}
