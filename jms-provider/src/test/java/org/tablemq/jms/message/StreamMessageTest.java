package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The StreamMessage conversion table (Jakarta Messaging 3.1, section 3.11.3), every cell. */
class StreamMessageTest {

    @FunctionalInterface
    interface Reader {
        Object read(StreamMessage m) throws JMSException;
    }

    private static final Map<String, Reader> READERS = Map.of(
            "boolean", StreamMessage::readBoolean,
            "byte", StreamMessage::readByte,
            "short", StreamMessage::readShort,
            "char", StreamMessage::readChar,
            "int", StreamMessage::readInt,
            "long", StreamMessage::readLong,
            "float", StreamMessage::readFloat,
            "double", StreamMessage::readDouble,
            "String", StreamMessage::readString,
            "byte[]", m -> {
                byte[] b = new byte[16];
                int n = m.readBytes(b);
                return java.util.Arrays.copyOf(b, n);
            });

    private static final List<Object[]> ROWS = List.of(
            new Object[] {false, Map.of("boolean", false, "String", "false")},
            new Object[] {(byte) 3, Map.of("byte", (byte) 3, "short", (short) 3, "int", 3, "long", 3L, "String", "3")},
            new Object[] {(short) 4, Map.of("short", (short) 4, "int", 4, "long", 4L, "String", "4")},
            new Object[] {'z', Map.of("char", 'z', "String", "z")},
            new Object[] {5, Map.of("int", 5, "long", 5L, "String", "5")},
            new Object[] {6L, Map.of("long", 6L, "String", "6")},
            new Object[] {7.5f, Map.of("float", 7.5f, "double", 7.5d, "String", "7.5")},
            new Object[] {8.5d, Map.of("double", 8.5d, "String", "8.5")},
            new Object[] {"9", Map.of("boolean", false, "byte", (byte) 9, "short", (short) 9, "int", 9, "long", 9L,
                    "float", 9f, "double", 9d, "String", "9")},
            new Object[] {new byte[] {1, 2}, Map.of("byte[]", new byte[] {1, 2})});

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : ROWS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> allowed = (Map<String, Object>) row[1];
            for (String column : READERS.keySet()) {
                cells.add(Arguments.of(PropertyConversions.typeName(row[0]), row[0], column, allowed.get(column)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} read as {2}")
    @MethodSource("cells")
    void fieldReadsAsTheTableAllowsAndOtherwiseStaysUnread(String rowType, Object value, String column, Object expected)
            throws JMSException {
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeObject(value);
        m.reset();
        Reader reader = READERS.get(column);
        if (expected != null) {
            assertThat(reader.read(m)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> reader.read(m)).isInstanceOf(MessageFormatException.class);
            assertThat(m.readObject()).as("position unchanged after a refused read").isEqualTo(value);
        }
    }

    @Test
    void numberFormatFailureLeavesThePositionUnchanged() throws JMSException {
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeString("abc");
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThat(m.readString()).isEqualTo("abc");
    }

    @Test
    void nullFieldReadsLikeValueOfNull() throws JMSException {
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeObject(null);
        m.writeObject(null);
        m.writeObject(null);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThat(m.readString()).isNull();
        assertThat(m.readBytes(new byte[1])).isEqualTo(-1);
        assertThat(m.readBoolean()).isFalse();
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void byteArrayFieldIsReadInChunksAndMustBeFinishedFirst() throws JMSException {
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.writeInt(9);
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(1, 2);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageFormatException.class).hasMessageContaining("readBytes");
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(3, 4);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
        assertThat(m.readInt()).isEqualTo(9);
    }

    @Test
    void shortReadEndsTheByteArrayField() throws JMSException {
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeBytes(new byte[0]);
        m.writeBoolean(true);
        m.reset();
        assertThat(m.readBytes(new byte[8])).isEqualTo(3);
        assertThat(m.readBytes(new byte[8])).isEqualTo(0);
        assertThat(m.readBoolean()).isTrue();
    }

    @Test
    void writtenByteArraysAreCopied() throws JMSException {
        byte[] data = {1, 2};
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeBytes(data);
        m.writeBytes(new byte[] {7, 8, 9}, 1, 1);
        data[0] = 99;
        m.reset();
        assertThat((byte[]) m.readObject()).containsExactly(1, 2);
        assertThat((byte[]) m.readObject()).containsExactly(8);
    }

    @Test
    void modesAreEnforced() throws JMSException {
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeInt(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThatThrownBy(() -> m.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.readInt()).isEqualTo(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
        m.clearBody();
        m.writeInt(3);
        m.reset();
        assertThat(m.readInt()).isEqualTo(3);
    }

    @Test
    void writeObjectRefusesOtherTypes() {
        assertThatThrownBy(() -> new TableMQStreamMessage().writeObject(new Object()))
                .isInstanceOf(MessageFormatException.class);
    }
}
