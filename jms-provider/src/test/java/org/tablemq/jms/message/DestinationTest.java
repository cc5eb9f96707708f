package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.naming.Reference;
import javax.naming.StringRefAddr;

import jakarta.jms.JMSException;

import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.TableMQObjectFactory;
import org.tablemq.jms.TableMQQueue;
import org.tablemq.jms.TableMQTemporaryQueue;
import org.tablemq.jms.TableMQTemporaryTopic;
import org.tablemq.jms.TableMQTopic;
import org.tablemq.jms.store.DestinationRef;

class DestinationTest {

    @Test
    void equalityIsKindAndName() {
        assertThat(new TableMQQueue("orders")).isEqualTo(new TableMQQueue("orders"))
                .hasSameHashCodeAs(new TableMQQueue("orders"))
                .isNotEqualTo(new TableMQTopic("orders"))
                .isNotEqualTo(new TableMQQueue("Orders"));
        assertThat(new TableMQTemporaryQueue("t1", null)).isEqualTo(new TableMQQueue("t1"));
    }

    @Test
    void toStringNamesKindAndName() {
        assertThat(new TableMQQueue("orders")).hasToString("queue 'orders'");
        assertThat(new TableMQTopic("payments")).hasToString("topic 'payments'");
        assertThat(new TableMQTemporaryTopic("t", null)).hasToString("temporary topic 't'");
    }

    @Test
    void namesAndRefsMatch() throws JMSException {
        TableMQQueue q = new TableMQQueue("orders");
        TableMQTopic t = new TableMQTopic("payments");
        assertThat(q.getQueueName()).isEqualTo("orders");
        assertThat(t.getTopicName()).isEqualTo("payments");
        assertThat(q.toRef()).isEqualTo(DestinationRef.queue("orders"));
        assertThat(t.toRef()).isEqualTo(DestinationRef.topic("payments"));
    }

    @Test
    void javaBeanQueueNeedsANameBeforeUse() {
        TableMQQueue q = new TableMQQueue();
        assertThatThrownBy(q::toRef).isInstanceOf(IllegalStateException.class).hasMessageContaining("setName");
        q.setName("beans");
        assertThat(q.toRef()).isEqualTo(DestinationRef.queue("beans"));
        assertThatThrownBy(() -> q.setName("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jndiReferenceRoundTripsThroughTheObjectFactory() throws Exception {
        TableMQObjectFactory factory = new TableMQObjectFactory();
        for (TableMQDestination d : List.of(new TableMQQueue("orders"), new TableMQTopic("pay'ments"))) {
            Reference ref = d.getReference();
            assertThat(ref.getClassName()).isEqualTo(d.getClass().getName());
            assertThat(ref.getFactoryClassName()).isEqualTo("org.tablemq.jms.TableMQObjectFactory");
            assertThat(ref.get("name").getContent()).isEqualTo(d.getName());
            Object back = factory.getObjectInstance(ref, null, null, null);
            assertThat(back).isExactlyInstanceOf(d.getClass()).isEqualTo(d);
        }
    }

    @Test
    void subclassReferenceRebuildsItsBaseKind() throws Exception {
        TableMQQueue adminObject = new TableMQQueue() {
            private static final long serialVersionUID = 1L;
        };
        adminObject.setName("admin");
        Reference ref = adminObject.getReference();
        assertThat(ref.getClassName()).isEqualTo(TableMQQueue.class.getName());
        assertThat(new TableMQObjectFactory().getObjectInstance(ref, null, null, null)).isEqualTo(new TableMQQueue("admin"));
    }

    @Test
    void objectFactoryIgnoresWhatItDoesNotKnow() throws Exception {
        TableMQObjectFactory factory = new TableMQObjectFactory();
        assertThat(factory.getObjectInstance("not a reference", null, null, null)).isNull();
        assertThat(factory.getObjectInstance(new Reference("com.other.Thing"), null, null, null)).isNull();
        Reference nameless = new Reference(TableMQQueue.class.getName());
        assertThatThrownBy(() -> factory.getObjectInstance(nameless, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'name'");
        Reference named = new Reference(TableMQQueue.class.getName(), new StringRefAddr("name", "q"));
        assertThat(factory.getObjectInstance(named, null, null, null)).isEqualTo(new TableMQQueue("q"));
    }

    @Test
    void temporaryDestinationIsDeletedByItsOwner() throws JMSException {
        List<TableMQDestination> deleted = new ArrayList<>();
        TableMQTemporaryQueue q = new TableMQTemporaryQueue("tmp-1", deleted::add);
        TableMQTemporaryTopic t = new TableMQTemporaryTopic("tmp-2", deleted::add);
        q.delete();
        t.delete();
        assertThat(deleted).containsExactly(q, t);
        assertThat(q.isTemporary()).isTrue();
    }

    @Test
    void temporaryDestinationWithoutOwnerCannotBeDeleted() {
        TableMQTemporaryTopic t = new TableMQTemporaryTopic("tmp-3", null);
        assertThatThrownBy(t::delete).isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessageContaining("temporary topic 'tmp-3'")
                .hasMessageContaining("only the connection that created it");
    }

    @Test
    void destinationsAreSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new TableMQTopic("payments"));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(new TableMQTopic("payments"));
        }
    }
}
