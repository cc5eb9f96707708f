package org.tablemq.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.naming.Reference;
import org.junit.jupiter.api.Test;

class TableMQOptionsTest {

    private static Map<String, PropertyDescriptor> beanProperties() throws IntrospectionException {
        return Arrays.stream(Introspector.getBeanInfo(TableMQConnectionFactory.class).getPropertyDescriptors())
                .collect(Collectors.toMap(PropertyDescriptor::getName, Function.identity()));
    }

    @Test
    void everyOptionHasAFactoryGetterAndSetterOfItsType() throws IntrospectionException {
        Map<String, PropertyDescriptor> props = beanProperties();
        for (TableMQOptions.Option<?> o : TableMQOptions.ALL) {
            PropertyDescriptor p = props.get(o.name());
            assertThat(p).as("JavaBean property for option '%s'", o.name()).isNotNull();
            assertThat(p.getReadMethod()).as("getter of '%s'", o.name()).isNotNull();
            assertThat(p.getWriteMethod()).as("setter of '%s'", o.name()).isNotNull();
            Class<?> type = p.getPropertyType().isPrimitive() ? boxed(p.getPropertyType()) : p.getPropertyType();
            assertThat(type).as("type of '%s'", o.name()).isEqualTo(o.type());
        }
    }

    @Test
    void factorySettersAreViewsOverTheOptionTable() throws Exception {
        TableMQConnectionFactory f = new TableMQConnectionFactory("jdbc:h2:mem:x");
        f.setPrefetch(33);
        f.setRedeliveryBackoff(2.5);
        assertThat(f.getOptions().get(TableMQOptions.PREFETCH)).isEqualTo(33);
        assertThat(f.getOptions().get(TableMQOptions.REDELIVERY_BACKOFF)).isEqualTo(2.5);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        TableMQConnectionFactory f = new TableMQConnectionFactory();
        assertThat(f.getUrl()).isEqualTo("jdbc:h2:file:./data/tablemq");
        assertThat(f.getMaxMessageSize()).isEqualTo(10 * 1024 * 1024);
        assertThat(f.getMaxDeliveryAttempts()).isEqualTo(10);
        assertThat(f.getDeadLetterQueuePrefix()).isEqualTo("DLQ.");
    }

    @Test
    void outOfRangeValueIsRefusedWithTheOptionNameAndRange() {
        TableMQConnectionFactory f = new TableMQConnectionFactory();
        assertThatThrownBy(() -> f.setPrefetch(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefetch").hasMessageContaining("between 1 and 10000");
        assertThat(f.getPrefetch()).isEqualTo(100);
    }

    @Test
    void objectLimitsReachTheDeserializationPolicy() {
        TableMQConnectionFactory f = new TableMQConnectionFactory();
        assertThat(f.getObjectMaxDepth()).isEqualTo(20);
        f.setObjectMaxDepth(7);
        f.setObjectMaxReferences(1_000);
        f.setObjectMaxArrayLength(100);
        f.setObjectMaxBytes(4_096);
        assertThat(f.getOptions().deserializationPolicy().limits())
                .isEqualTo(new org.tablemq.jms.message.DeserializationLimits(7, 1_000, 100, 4_096));
        assertThatThrownBy(() -> f.setObjectMaxDepth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("objectMaxDepth").hasMessageContaining("between 1 and 10000");
    }

    @Test
    void tablePrefixMustBeAnIdentifier() {
        TableMQConnectionFactory f = new TableMQConnectionFactory();
        assertThatThrownBy(() -> f.setTablePrefix("x; drop table y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tablePrefix");
    }

    @Test
    void describeMasksThePasswordAlsoInsideTheUrl() {
        TableMQConnectionFactory f = new TableMQConnectionFactory("jdbc:postgresql://db/test?user=u&password=secret1");
        f.setPassword("secret2");
        String line = f.getOptions().describe();
        assertThat(line).doesNotContain("secret1").doesNotContain("secret2").contains("prefetch=100");
    }

    @Test
    void jndiReferenceRecreatesAnEqualFactory() {
        TableMQConnectionFactory f = new TableMQConnectionFactory("jdbc:h2:mem:ref");
        f.setMaxDeliveryAttempts(3);
        f.setH2Sync(false);
        Reference ref = f.getReference();
        TableMQConnectionFactory back = TableMQConnectionFactory.fromReference(ref);
        assertThat(back.getOptions()).isEqualTo(f.getOptions());
        assertThat(ref.getFactoryClassName()).isEqualTo("org.tablemq.jms.TableMQObjectFactory");
    }

    @Test
    void jndiObjectFactoryRebuildsTheConnectionFactory() throws Exception {
        TableMQConnectionFactory f = new TableMQConnectionFactory("jdbc:h2:mem:jndi");
        f.setPrefetch(7);
        Object back = new TableMQObjectFactory().getObjectInstance(f.getReference(), null, null, null);
        assertThat(back).isInstanceOf(TableMQConnectionFactory.class);
        assertThat(((TableMQConnectionFactory) back).getPrefetch()).isEqualTo(7);
    }

    @Test
    void factorySurvivesSerialization() throws Exception {
        TableMQConnectionFactory f = new TableMQConnectionFactory("jdbc:h2:mem:ser");
        f.setPrefetch(5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            TableMQConnectionFactory back = (TableMQConnectionFactory) in.readObject();
            assertThat(back.getPrefetch()).isEqualTo(5);
            assertThat(back.getUrl()).isEqualTo("jdbc:h2:mem:ser");
        }
    }

    @Test
    void everyOptionIsDocumentedWithADefaultOrAReasonForNone() {
        for (TableMQOptions.Option<?> o : TableMQOptions.ALL) {
            assertThat(o.doc()).as("doc of %s", o.name()).isNotBlank();
            assertThat(o.range()).as("range of %s", o.name()).isNotBlank();
        }
    }

    private static Class<?> boxed(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> primitive;
        };
    }
}
