package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import org.junit.jupiter.api.Test;

class ObjectMessageTest {

    /** An application class outside the JDK's basic packages. */
    static final class Order implements Serializable {
        private static final long serialVersionUID = 1L;
        final String id;
        int quantity;

        Order(String id, int quantity) {
            this.id = id;
            this.quantity = quantity;
        }
    }

    @Test
    void objectIsCopiedWhenSetSoLaterChangesDoNotReachTheMessage() throws JMSException {
        Order order = new Order("o-1", 1);
        TableMQObjectMessage m = new TableMQObjectMessage();
        m.setObject(order);
        order.quantity = 99;
        assertThat(((Order) m.getObject()).quantity).isEqualTo(1);
    }

    @Test
    void eachGetObjectReturnsAFreshCopy() throws JMSException {
        TableMQObjectMessage m = new TableMQObjectMessage(new Order("o-1", 1));
        Order first = (Order) m.getObject();
        first.quantity = 5;
        assertThat(((Order) m.getObject()).quantity).isEqualTo(1);
        assertThat(m.getObject()).isNotSameAs(first);
    }

    @Test
    void trustedPackageIsDeserialized() throws JMSException {
        TableMQObjectMessage m = decoded(new Order("o-7", 2), List.of("org.tablemq.jms"));
        assertThat(((Order) m.getObject()).id).isEqualTo("o-7");
    }

    @Test
    void untrustedClassIsRefusedWithTheClassAndTheOption() throws JMSException {
        TableMQObjectMessage m = decoded(new Order("o-7", 2), List.of("com.acme"));
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName())
                .hasMessageContaining("trustedPackages")
                .hasMessageContaining("com.acme");
    }

    @Test
    void untrustedClassNestedInATrustedCollectionIsRefused() throws JMSException {
        ArrayList<Object> list = new ArrayList<>(List.of(new Order("o-1", 1)));
        TableMQObjectMessage m = decoded(list, List.of());
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName());
    }

    @Test
    void jdkBasicsAndArraysAreAlwaysAllowed() throws JMSException {
        HashMap<String, Object> value = new HashMap<>();
        value.put("amount", new BigDecimal("12.50"));
        value.put("at", Instant.parse("2026-01-01T00:00:00Z"));
        value.put("ints", new int[] {1, 2});
        value.put("names", new String[] {"a"});
        TableMQObjectMessage m = decoded(value, List.of());
        @SuppressWarnings("unchecked")
        HashMap<String, Object> back = (HashMap<String, Object>) m.getObject();
        assertThat(back.get("amount")).isEqualTo(new BigDecimal("12.50"));
        assertThat((int[]) back.get("ints")).containsExactly(1, 2);
    }

    @Test
    void trustAllAcceptsEveryClass() throws JMSException {
        TableMQObjectMessage m = decoded(new Order("o-2", 1), List.of("*"));
        assertThat(m.getObject()).isInstanceOf(Order.class);
    }

    @Test
    void packagePrefixMustEndAtAPackageBoundary() {
        DeserializationPolicy policy = new DeserializationPolicy(List.of("com.acme"));
        assertThat(policy.trusts("com.acme.Order")).isTrue();
        assertThat(policy.trusts("com.acme.orders.Order")).isTrue();
        assertThat(policy.trusts("com.acmeevil.Order")).isFalse();
        assertThat(policy.trusts("java.lang.reflect.Proxy")).isFalse();
        assertThat(policy.trusts("java.lang.String")).isTrue();
    }

    @Test
    void optionValueParsesToAPolicy() {
        assertThat(DeserializationPolicy.parse("com.acme, org.shop ,")).isEqualTo(
                new DeserializationPolicy(List.of("com.acme", "org.shop")));
        assertThat(DeserializationPolicy.parse("com.acme,*")).isSameAs(DeserializationPolicy.TRUST_ALL);
        assertThat(DeserializationPolicy.parse("")).isSameAs(DeserializationPolicy.JDK_ONLY);
    }

    @Test
    void nullObjectIsNoBody() throws JMSException {
        TableMQObjectMessage m = new TableMQObjectMessage();
        m.setObject(null);
        assertThat(m.getObject()).isNull();
        TableMQObjectMessage back = (TableMQObjectMessage) MessageCodec.decode(MessageCodec.encode(m),
                DeserializationPolicy.JDK_ONLY);
        assertThat(back.getObject()).isNull();
    }

    @Test
    void unserializableObjectIsRefusedAtSetTime() {
        class NotSerializableInside implements Serializable {
            private static final long serialVersionUID = 1L;
            @SuppressWarnings("unused")
            final Object inner = new Object();
        }
        assertThatThrownBy(() -> new TableMQObjectMessage().setObject(new NotSerializableInside()))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("serialize");
    }

    private static TableMQObjectMessage decoded(Serializable value, List<String> trusted) throws JMSException {
        byte[] bytes = MessageCodec.encode(new TableMQObjectMessage(value));
        TableMQObjectMessage m = (TableMQObjectMessage) MessageCodec.decode(bytes, new DeserializationPolicy(trusted));
        assertThat(m.getDeserializationPolicy().trustedPackages()).isEqualTo(trusted);
        return m;
    }
}
