package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table 3-2 of Jakarta Messaging 3.1, every cell: a value set as the row type read as the column type. */
class PropertyConversionsTest {

    @FunctionalInterface
    interface Getter {
        Object get(Message m, String name) throws JMSException;
    }

    private static final Map<String, Getter> GETTERS = Map.of(
            "boolean", Message::getBooleanProperty,
            "byte", Message::getByteProperty,
            "short", Message::getShortProperty,
            "int", Message::getIntProperty,
            "long", Message::getLongProperty,
            "float", Message::getFloatProperty,
            "double", Message::getDoubleProperty,
            "String", Message::getStringProperty);

    /** Row type, a value of it, and the column types it may be read as, with the expected results. */
    private static final List<Object[]> ROWS = List.of(
            new Object[] {true, Map.of("boolean", true, "String", "true")},
            new Object[] {(byte) 7, Map.of("byte", (byte) 7, "short", (short) 7, "int", 7, "long", 7L, "String", "7")},
            new Object[] {(short) 300, Map.of("short", (short) 300, "int", 300, "long", 300L, "String", "300")},
            new Object[] {70000, Map.of("int", 70000, "long", 70000L, "String", "70000")},
            new Object[] {5_000_000_000L, Map.of("long", 5_000_000_000L, "String", "5000000000")},
            new Object[] {1.5f, Map.of("float", 1.5f, "double", 1.5d, "String", "1.5")},
            new Object[] {2.25d, Map.of("double", 2.25d, "String", "2.25")});

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : ROWS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> allowed = (Map<String, Object>) row[1];
            for (String column : GETTERS.keySet()) {
                cells.add(Arguments.of(row[0].getClass().getSimpleName(), row[0], column, allowed.get(column)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} read as {2}")
    @MethodSource("cells")
    void propertyReadsAsTheTableAllowsAndRefusesOtherwise(String rowType, Object value, String column, Object expected)
            throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setObjectProperty("p", value);
        Getter getter = GETTERS.get(column);
        if (expected != null) {
            assertThat(getter.get(m, "p")).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> getter.get(m, "p")).isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("property 'p'").hasMessageContaining(column);
        }
    }

    static Stream<Arguments> stringRow() {
        return Stream.of(
                Arguments.of("boolean", "TRUE", true),
                Arguments.of("byte", "-12", (byte) -12),
                Arguments.of("short", "1234", (short) 1234),
                Arguments.of("int", "123456", 123456),
                Arguments.of("long", "12345678901", 12345678901L),
                Arguments.of("float", "3.5", 3.5f),
                Arguments.of("double", "6.75", 6.75d),
                Arguments.of("String", "text", "text"));
    }

    @ParameterizedTest(name = "String read as {0}")
    @MethodSource("stringRow")
    void stringReadsAsEveryType(String column, String value, Object expected) throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setStringProperty("s", value);
        assertThat(GETTERS.get(column).get(m, "s")).isEqualTo(expected);
    }

    @Test
    void stringThatIsNotANumberThrowsNumberFormatException() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setStringProperty("s", "twelve");
        assertThatThrownBy(() -> m.getIntProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThat(m.getBooleanProperty("s")).isFalse();
    }

    @Test
    void missingPropertyReadsLikeValueOfNull() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        assertThat(m.getBooleanProperty("absent")).isFalse();
        assertThat(m.getStringProperty("absent")).isNull();
        assertThat(m.getObjectProperty("absent")).isNull();
        assertThatThrownBy(() -> m.getByteProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getShortProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getIntProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLongProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloatProperty("absent")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("absent")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void setObjectPropertyRefusesOtherTypes() {
        TableMQMessage m = new TableMQMessage();
        assertThatThrownBy(() -> m.setObjectProperty("c", 'x')).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("Character");
        assertThatThrownBy(() -> m.setObjectProperty("b", new byte[1])).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setObjectProperty("l", List.of())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void getObjectPropertyReturnsTheSetType() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setShortProperty("s", (short) 3);
        m.setFloatProperty("f", 2f);
        assertThat(m.getObjectProperty("s")).isEqualTo((short) 3);
        assertThat(m.getObjectProperty("f")).isEqualTo(2f);
    }

    @Test
    void propertyNamesListEveryPropertyAndNoHeader() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setJMSType("t");
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "x");
        assertThat(java.util.Collections.list(m.getPropertyNames())).containsExactlyInAnyOrder("a", "b");
        assertThat(m.propertyExists("a")).isTrue();
        assertThat(m.propertyExists("JMSType")).isFalse();
        assertThat(m.propertyExists("c")).isFalse();
    }
}
