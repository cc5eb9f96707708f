package org.tablemq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.client.TableMQContext;

/** JMSProducer's per-send settings and its property table with the spec's conversions (no store involved). */
class ProducerSettingsTest {

    private final JMSContext context = new TableMQContext(new RecordingConnection().connection(), JMSContext.AUTO_ACKNOWLEDGE);
    private final JMSProducer producer = context.createProducer();

    @Test
    void defaultsAreThoseOfTheSpec() {
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(producer.getTimeToLive()).isZero();
        assertThat(producer.getDeliveryDelay()).isZero();
        assertThat(producer.getDisableMessageID()).isFalse();
        assertThat(producer.getDisableMessageTimestamp()).isFalse();
        assertThat(producer.getAsync()).isNull();
        assertThat(producer.getPropertyNames()).isEmpty();
    }

    @Test
    void settersAreFluentAndRemembered() {
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };

        JMSProducer same = producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(9).setTimeToLive(5000)
                .setDeliveryDelay(100).setDisableMessageID(true).setDisableMessageTimestamp(true).setAsync(listener)
                .setJMSType("t").setJMSCorrelationID("c");

        assertThat(same).isSameAs(producer);
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(9);
        assertThat(producer.getTimeToLive()).isEqualTo(5000);
        assertThat(producer.getDeliveryDelay()).isEqualTo(100);
        assertThat(producer.getDisableMessageID()).isTrue();
        assertThat(producer.getDisableMessageTimestamp()).isTrue();
        assertThat(producer.getAsync()).isSameAs(listener);
        assertThat(producer.getJMSType()).isEqualTo("t");
        assertThat(producer.getJMSCorrelationID()).isEqualTo("c");
    }

    @Test
    void priorityOutsideZeroToNineIsRefused() {
        assertThatThrownBy(() -> producer.setPriority(10)).isInstanceOf(JMSRuntimeException.class).hasMessageContaining("10");
        assertThatThrownBy(() -> producer.setPriority(-1)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    void anUnknownDeliveryModeIsRefused() {
        assertThatThrownBy(() -> producer.setDeliveryMode(3)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    void correlationIdBytesReplaceTheStringFormAndAreCopied() {
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        producer.setJMSCorrelationID("text").setJMSCorrelationIDAsBytes(bytes);
        bytes[0] = 'z';

        assertThat(producer.getJMSCorrelationIDAsBytes()).containsExactly('a', 'b', 'c');
        assertThat(producer.getJMSCorrelationID()).isEqualTo("abc");
    }

    @Test
    void anIntPropertyReadsAsLongAndStringButNotAsShort() {
        producer.setProperty("count", 42);

        assertThat(producer.getLongProperty("count")).isEqualTo(42L);
        assertThat(producer.getStringProperty("count")).isEqualTo("42");
        assertThat(producer.getObjectProperty("count")).isEqualTo(42);
        assertThatThrownBy(() -> producer.getShortProperty("count")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.getBooleanProperty("count")).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void aStringPropertyIsParsedForEveryNumericType() {
        producer.setProperty("s", "7");

        assertThat(producer.getByteProperty("s")).isEqualTo((byte) 7);
        assertThat(producer.getShortProperty("s")).isEqualTo((short) 7);
        assertThat(producer.getIntProperty("s")).isEqualTo(7);
        assertThat(producer.getLongProperty("s")).isEqualTo(7L);
        assertThat(producer.getFloatProperty("s")).isEqualTo(7f);
        assertThat(producer.getDoubleProperty("s")).isEqualTo(7d);
        assertThatThrownBy(() -> producer.setProperty("bad", "x").getIntProperty("bad"))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aFloatPropertyReadsAsDoubleButNotAsLong() {
        producer.setProperty("f", 1.5f);

        assertThat(producer.getDoubleProperty("f")).isEqualTo(1.5d);
        assertThatThrownBy(() -> producer.getLongProperty("f")).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void aMissingPropertyReadsAsANullString() {
        assertThat(producer.propertyExists("none")).isFalse();
        assertThat(producer.getStringProperty("none")).isNull();
        assertThat(producer.getObjectProperty("none")).isNull();
        assertThat(producer.getBooleanProperty("none")).isFalse();
        assertThatThrownBy(() -> producer.getIntProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> producer.getDoubleProperty("none")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anObjectPropertyOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> producer.setProperty("list", List.of(1)))
                .isInstanceOf(MessageFormatRuntimeException.class)
                .hasMessageContaining("list");
    }

    @Test
    void invalidPropertyNamesAreRefusedWhenSet() {
        assertThatThrownBy(() -> producer.setProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("1abc", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("a-b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("between", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("JMSPriority", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("JMSXDeliveryCount", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(producer.setProperty("JMSXGroupID", "g").propertyExists("JMSXGroupID")).isTrue();
    }

    @Test
    void groupPropertiesFollowTheMessageRulesJmsxGroupSeqAnIntAndJmsxGroupIdAString() {
        assertThatThrownBy(() -> producer.setProperty("JMSXGroupSeq", "1"))
                .isInstanceOf(MessageFormatRuntimeException.class).hasMessageContaining("JMSXGroupSeq");
        assertThatThrownBy(() -> producer.setProperty("JMSXGroupSeq", 1L)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.setProperty("JMSXGroupID", 5)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(producer.setProperty("JMSXGroupSeq", 3).getIntProperty("JMSXGroupSeq")).isEqualTo(3);
    }

    @Test
    void clearPropertiesRemovesThemAll() {
        producer.setProperty("a", 1).setProperty("b", true);
        assertThat(producer.getPropertyNames()).containsExactly("a", "b");

        producer.clearProperties();

        assertThat(producer.getPropertyNames()).isEmpty();
    }

    @Test
    void propertyNamesCannotBeModifiedThroughTheReturnedSet() {
        producer.setProperty("a", 1);

        assertThatThrownBy(() -> producer.getPropertyNames().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
