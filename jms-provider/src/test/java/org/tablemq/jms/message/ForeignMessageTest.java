package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQQueue;
import org.tablemq.jms.TableMQTopic;

/** Messages of another provider, made with dynamic proxies that answer from maps. */
class ForeignMessageTest {

    /** A foreign message of interface {@code type}: headers and properties from maps, body calls from {@code body}. */
    static <T extends Message> T foreign(Class<T> type, Map<String, Object> headers, Map<String, Object> properties,
                                          Map<String, Object> body) {
        Object proxy = Proxy.newProxyInstance(ForeignMessageTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    String name = method.getName();
                    if (name.equals("getPropertyNames")) {
                        return Collections.enumeration(properties.keySet());
                    }
                    if (name.equals("getObjectProperty")) {
                        return properties.get((String) args[0]);
                    }
                    if (name.equals("getMapNames")) {
                        return Collections.enumeration(body.keySet());
                    }
                    if (name.equals("getObject") && args != null) {
                        return body.get((String) args[0]);
                    }
                    if (body.containsKey(name)) {
                        Object v = body.get(name);
                        if (v instanceof Answer a) {
                            return a.answer(args);
                        }
                        return v;
                    }
                    if (headers.containsKey(name)) {
                        return headers.get(name);
                    }
                    Class<?> r = method.getReturnType();
                    if (r == boolean.class) {
                        return false;
                    }
                    if (r == int.class) {
                        return 0;
                    }
                    if (r == long.class) {
                        return 0L;
                    }
                    return null;
                });
        return type.cast(proxy);
    }

    @FunctionalInterface
    interface Answer {
        Object answer(Object[] args) throws JMSException;
    }

    static Queue foreignQueue(String name) {
        return (Queue) Proxy.newProxyInstance(ForeignMessageTest.class.getClassLoader(), new Class<?>[] {Queue.class},
                (p, m, a) -> m.getName().equals("getQueueName") ? name : m.getName().equals("toString") ? "their " + name : null);
    }

    @Test
    void textMessageWithHeadersAndPropertiesIsCopied() throws JMSException {
        Map<String, Object> headers = Map.of("getJMSCorrelationID", "c-1", "getJMSType", "T",
                "getJMSReplyTo", foreignQueue("replies"), "getJMSMessageID", "ID:theirs");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("orderId", 42L);
        properties.put("JMSXGroupID", "g");
        properties.put("JMSXDeliveryCount", 3);
        properties.put("JMS_Other_Vendor", "v");
        TextMessage foreign = foreign(TextMessage.class, headers, properties, Map.of("getText", "hello"));

        TableMQMessage m = TableMQMessage.copyOf(foreign);

        assertThat(m).isInstanceOf(TableMQTextMessage.class);
        assertThat(((TableMQTextMessage) m).getText()).isEqualTo("hello");
        assertThat(m.getJMSCorrelationID()).isEqualTo("c-1");
        assertThat(m.getJMSType()).isEqualTo("T");
        assertThat(m.getJMSReplyTo()).isEqualTo(new TableMQQueue("replies")).isInstanceOf(TableMQQueue.class);
        assertThat(m.getJMSMessageID()).as("send sets the id").isNull();
        assertThat(m.getLongProperty("orderId")).isEqualTo(42L);
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("g");
        assertThat(m.getStringProperty("JMS_Other_Vendor")).isEqualTo("v");
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
        m.setIntProperty("more", 1); // the copy is writable
    }

    @Test
    void bytesMessageBodyIsCopied() throws JMSException {
        byte[] data = {5, 6, 7};
        Map<String, Object> body = Map.of("getBodyLength", 3L, "reset", (Answer) a -> null,
                "readBytes", (Answer) a -> {
                    System.arraycopy(data, 0, (byte[]) a[0], 0, 3);
                    return 3;
                });
        TableMQMessage m = TableMQMessage.copyOf(foreign(BytesMessage.class, Map.of(), Map.of(), body));
        assertThat(m.getBody(byte[].class)).containsExactly(5, 6, 7);
    }

    @Test
    void mapMessageBodyIsCopied() throws JMSException {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("a", 1);
        entries.put("b", "two");
        TableMQMapMessage m = (TableMQMapMessage) TableMQMessage.copyOf(foreign(MapMessage.class, Map.of(), Map.of(), entries));
        assertThat(m.getInt("a")).isEqualTo(1);
        assertThat(m.getString("b")).isEqualTo("two");
    }

    @Test
    void streamMessageBodyIsCopied() throws JMSException {
        List<Object> values = new ArrayList<>(List.of(1, "x"));
        Map<String, Object> body = Map.of("reset", (Answer) a -> null, "readObject", (Answer) a -> {
            if (values.isEmpty()) {
                throw new MessageEOFException("end");
            }
            return values.remove(0);
        });
        TableMQStreamMessage m = (TableMQStreamMessage) TableMQMessage.copyOf(
                foreign(StreamMessage.class, Map.of(), Map.of(), body));
        m.reset();
        assertThat(m.readInt()).isEqualTo(1);
        assertThat(m.readString()).isEqualTo("x");
    }

    @Test
    void objectMessageBodyIsCopied() throws JMSException {
        TableMQObjectMessage m = (TableMQObjectMessage) TableMQMessage.copyOf(
                foreign(ObjectMessage.class, Map.of(), Map.of(), Map.of("getObject", "payload")));
        assertThat(m.getObject()).isEqualTo("payload");
    }

    @Test
    void plainMessageAndTopicReplyToAreCopied() throws JMSException {
        Topic topic = (Topic) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Topic.class},
                (p, m, a) -> m.getName().equals("getTopicName") ? "events" : null);
        TableMQMessage m = TableMQMessage.copyOf(foreign(Message.class, Map.of("getJMSReplyTo", topic), Map.of(), Map.of()));
        assertThat(m).isExactlyInstanceOf(TableMQMessage.class);
        assertThat(m.getJMSReplyTo()).isEqualTo(new TableMQTopic("events"));
    }

    @Test
    void replyToThatIsNeitherQueueNorTopicIsRefused() {
        Destination odd = (Destination) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Destination.class}, (p, m, a) -> m.getName().equals("toString") ? "odd" : null);
        Message foreign = foreign(Message.class, Map.of("getJMSReplyTo", odd), Map.of(), Map.of());
        assertThatThrownBy(() -> TableMQMessage.copyOf(foreign)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("neither a Queue nor a Topic");
    }

    @Test
    void propertyNameTableMQCannotCarryIsRefusedWithTheName() {
        Message foreign = foreign(Message.class, Map.of(), Map.of("dotted.name", 1), Map.of());
        assertThatThrownBy(() -> TableMQMessage.copyOf(foreign)).isInstanceOf(jakarta.jms.MessageFormatException.class)
                .hasMessageContaining("dotted.name");
    }

    @Test
    void tableMQMessageIsCopiedDeeply() throws JMSException {
        TableMQMapMessage original = new TableMQMapMessage();
        original.setBytes("b", new byte[] {1});
        original.setStringProperty("p", "v");
        TableMQMapMessage copy = (TableMQMapMessage) TableMQMessage.copyOf(original);
        original.setBytes("b", new byte[] {2});
        original.setStringProperty("p", "changed");
        assertThat(copy.getBytes("b")).containsExactly(1);
        assertThat(copy.getStringProperty("p")).isEqualTo("v");
    }
}
