package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQQueue;
import org.tablemq.jms.TableMQTemporaryQueue;
import org.tablemq.jms.TableMQTemporaryTopic;
import org.tablemq.jms.TableMQTopic;

class MessageCodecTest {

    private static <M extends TableMQMessage> M roundTrip(M m) throws JMSException {
        @SuppressWarnings("unchecked")
        M back = (M) MessageCodec.decode(MessageCodec.encode(m), DeserializationPolicy.TRUST_ALL);
        assertThat(back).isExactlyInstanceOf(m.getClass());
        return back;
    }

    @Test
    void everyHeaderSurvives() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setJMSMessageID("ID:tablemq-1");
        m.setJMSTimestamp(1_700_000_000_123L);
        m.setJMSCorrelationID("corr-✓");
        m.setJMSReplyTo(new TableMQQueue("replies"));
        m.setJMSDestination(new TableMQTopic("payments"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSExpiration(1_700_000_060_000L);
        m.setJMSDeliveryTime(1_700_000_005_000L);
        m.setJMSPriority(9);
        m.setJMSType("PaymentSucceeded");
        TableMQMessage back = roundTrip(m);
        assertThat(back.getJMSMessageID()).isEqualTo("ID:tablemq-1");
        assertThat(back.getJMSTimestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(back.getJMSCorrelationID()).isEqualTo("corr-✓");
        assertThat(back.getJMSReplyTo()).isEqualTo(new TableMQQueue("replies")).isExactlyInstanceOf(TableMQQueue.class);
        assertThat(back.getJMSDestination()).isEqualTo(new TableMQTopic("payments")).isExactlyInstanceOf(TableMQTopic.class);
        assertThat(back.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(back.getJMSExpiration()).isEqualTo(1_700_000_060_000L);
        assertThat(back.getJMSDeliveryTime()).isEqualTo(1_700_000_005_000L);
        assertThat(back.getJMSPriority()).isEqualTo(9);
        assertThat(back.getJMSType()).isEqualTo("PaymentSucceeded");
        assertThat(back.getJMSRedelivered()).isFalse();
        assertThat(back.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void absentHeadersStayAbsent() throws JMSException {
        TableMQMessage back = roundTrip(new TableMQMessage());
        assertThat(back.getJMSMessageID()).isNull();
        assertThat(back.getJMSTimestamp()).isZero();
        assertThat(back.getJMSCorrelationID()).isNull();
        assertThat(back.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(back.getJMSReplyTo()).isNull();
        assertThat(back.getJMSDestination()).isNull();
        assertThat(back.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(back.getJMSExpiration()).isZero();
        assertThat(back.getJMSDeliveryTime()).isZero();
        assertThat(back.getJMSPriority()).isEqualTo(4);
        assertThat(back.getJMSType()).isNull();
        assertThat(Collections.list(back.getPropertyNames())).containsExactly("JMSXDeliveryCount");
    }

    @Test
    void correlationIdAsBytesStaysBytes() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setJMSCorrelationIDAsBytes(new byte[] {0, -1, 127});
        TableMQMessage back = roundTrip(m);
        assertThat(back.getJMSCorrelationIDAsBytes()).containsExactly(0, -1, 127);
    }

    @Test
    void temporaryDestinationsComeBackTemporaryWithoutOwner() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setJMSReplyTo(new TableMQTemporaryQueue("tmp-q-1", d -> { }));
        m.setJMSDestination(new TableMQTemporaryTopic("tmp-t-1", null));
        TableMQMessage back = roundTrip(m);
        assertThat(back.getJMSReplyTo()).isExactlyInstanceOf(TableMQTemporaryQueue.class)
                .isEqualTo(new TableMQQueue("tmp-q-1"));
        assertThat(back.getJMSDestination()).isExactlyInstanceOf(TableMQTemporaryTopic.class);
        assertThatThrownBy(((TableMQTemporaryQueue) back.getJMSReplyTo())::delete)
                .isInstanceOf(jakarta.jms.IllegalStateException.class).hasMessageContaining("only the connection");
    }

    @Test
    void foreignReplyToIsEncodedByName() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setJMSReplyTo(ForeignMessageTest.foreignQueue("their-replies"));
        assertThat(roundTrip(m).getJMSReplyTo()).isEqualTo(new TableMQQueue("their-replies"));
    }

    @Test
    void propertiesOfEveryTypeSurvive() throws JMSException {
        TableMQMessage m = new TableMQMessage();
        m.setBooleanProperty("bo", true);
        m.setBooleanProperty("bf", false);
        m.setByteProperty("by", Byte.MIN_VALUE);
        m.setShortProperty("sh", Short.MIN_VALUE);
        m.setIntProperty("integer", Integer.MIN_VALUE);
        m.setIntProperty("small", -1);
        m.setLongProperty("lo", Long.MAX_VALUE);
        m.setFloatProperty("fl", Float.NaN);
        m.setDoubleProperty("do", -0.0);
        m.setStringProperty("st", "日本語 ✓ \u0000");
        m.setStringProperty("nu", null);
        m.setStringProperty("JMSXGroupID", "g");
        m.setProviderProperty("JMS_TableMQ_DeadLetterReason", "too many deliveries");
        TableMQMessage back = roundTrip(m);
        assertThat(back.getObjectProperty("bo")).isEqualTo(true);
        assertThat(back.getObjectProperty("bf")).isEqualTo(false);
        assertThat(back.getObjectProperty("by")).isEqualTo(Byte.MIN_VALUE);
        assertThat(back.getObjectProperty("sh")).isEqualTo(Short.MIN_VALUE);
        assertThat(back.getObjectProperty("integer")).isEqualTo(Integer.MIN_VALUE);
        assertThat(back.getObjectProperty("small")).isEqualTo(-1);
        assertThat(back.getObjectProperty("lo")).isEqualTo(Long.MAX_VALUE);
        assertThat((Float) back.getObjectProperty("fl")).isNaN();
        assertThat(back.getObjectProperty("do")).isEqualTo(-0.0);
        assertThat(back.getObjectProperty("st")).isEqualTo("日本語 ✓ \u0000");
        assertThat(back.propertyExists("nu")).isTrue();
        assertThat(back.getObjectProperty("nu")).isNull();
        assertThat(back.getStringProperty("JMSXGroupID")).isEqualTo("g");
        assertThat(back.getStringProperty("JMS_TableMQ_DeadLetterReason")).isEqualTo("too many deliveries");
    }

    @Test
    void textBodySurvivesIncludingNullEmptyAndLarge() throws JMSException {
        assertThat(roundTrip(new TableMQTextMessage()).getText()).isNull();
        assertThat(roundTrip(new TableMQTextMessage("")).getText()).isEmpty();
        String large = "Ωmega-".repeat(200_000);
        assertThat(roundTrip(new TableMQTextMessage(large)).getText()).isEqualTo(large);
    }

    @Test
    void bytesBodySurvivesAndIsReadableAtOnce() throws JMSException {
        byte[] large = new byte[3_000_000];
        Arrays.fill(large, (byte) 0x5A);
        large[large.length - 1] = 1;
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeBytes(large);
        TableMQBytesMessage back = roundTrip(m);
        assertThat(back.getBodyLength()).isEqualTo(large.length);
        assertThat(back.getBody(byte[].class)).isEqualTo(large);
        assertThat(roundTrip(new TableMQBytesMessage()).getBodyLength()).isZero();
    }

    @Test
    void mapBodySurvivesWithTypesAndOrder() throws JMSException {
        TableMQMapMessage m = new TableMQMapMessage();
        m.setChar("c", '✓');
        m.setBytes("b", new byte[] {1, 2});
        m.setObject("n", null);
        m.setLong("l", -5L);
        m.setString("s", "x");
        TableMQMapMessage back = roundTrip(m);
        assertThat(Collections.list(back.getMapNames())).containsExactly("c", "b", "n", "l", "s");
        assertThat(back.getChar("c")).isEqualTo('✓');
        assertThat(back.getBytes("b")).containsExactly(1, 2);
        assertThat(back.itemExists("n")).isTrue();
        assertThat(back.getObject("l")).isEqualTo(-5L);
    }

    @Test
    void streamBodySurvivesAndIsReadableAtOnce() throws JMSException {
        TableMQStreamMessage m = new TableMQStreamMessage();
        m.writeInt(1);
        m.writeObject(null);
        m.writeBytes(new byte[] {3});
        m.writeDouble(1e300);
        m.writeString("s");
        TableMQStreamMessage back = roundTrip(m);
        assertThat(back.readInt()).isEqualTo(1);
        assertThat(back.readObject()).isNull();
        assertThat((byte[]) back.readObject()).containsExactly(3);
        assertThat(back.readDouble()).isEqualTo(1e300);
        assertThat(back.readString()).isEqualTo("s");
    }

    @Test
    void objectBodySurvives() throws JMSException {
        TableMQObjectMessage back = roundTrip(new TableMQObjectMessage(new java.util.ArrayList<>(List.of(1, "two"))));
        assertThat(back.getObject()).isEqualTo(List.of(1, "two"));
    }

    @Test
    void decodedMessageIsWritableUntilTheFacadeMakesItReadOnly() throws JMSException {
        TableMQTextMessage back = roundTrip(new TableMQTextMessage("a"));
        back.setText("b");
        back.setIntProperty("x", 1);
        assertThat(back.getText()).isEqualTo("b");
    }

    @Test
    void unknownVersionIsRefused() {
        byte[] bytes = MessageCodec.encode(new TableMQTextMessage("x"));
        bytes[0] = 99;
        assertThatThrownBy(() -> MessageCodec.decode(bytes, DeserializationPolicy.TRUST_ALL))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("version 99");
    }

    @Test
    void truncatedBytesAreRefused() throws JMSException {
        TableMQTextMessage m = new TableMQTextMessage("some text");
        m.setStringProperty("p", "value");
        byte[] bytes = MessageCodec.encode(m);
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> MessageCodec.decode(truncated, DeserializationPolicy.TRUST_ALL))
                    .as("cut at %d", cut).isInstanceOf(MessageFormatException.class);
        }
    }

    @Test
    void encodingIsCompact() throws JMSException {
        TableMQTextMessage m = new TableMQTextMessage("hello");
        m.setJMSMessageID("ID:1");
        m.setJMSTimestamp(1_700_000_000_000L);
        m.setJMSDestination(new TableMQQueue("orders"));
        m.setIntProperty("orderId", 42);
        assertThat(MessageCodec.encode(m).length).isLessThan(48);
    }
}
