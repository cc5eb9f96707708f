package org.tablemq.jms.management.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.testing.TestDatabase;

/**
 * The MBeans of a store in the platform MBeanServer, run once per database by a tiny subclass: there while the store
 * is open, with the figures of its queues and subscriptions, gone once it closes.
 */
abstract class JmxContract {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    protected abstract TestDatabase database();

    @Test
    void storeQueueAndSubscriptionMBeansShowTheirFiguresWhileTheStoreIsOpenAndGoWhenItCloses() throws Exception {
        database().assumeAvailable();
        String prefix = TestDatabase.uniquePrefix();
        String node = "jmx-" + prefix;
        TableMQConnectionFactory factory = TestFactories.create(database(), database().url(), prefix);
        factory.setNodeName(node);
        ObjectName store = new ObjectName("org.tablemq:type=Store,store=" + ObjectName.quote(node));
        ObjectName queue = new ObjectName("org.tablemq:type=Queue,store=" + ObjectName.quote(node) + ",name=\"orders\"");
        ObjectName subscription = new ObjectName("org.tablemq:type=Subscription,store=" + ObjectName.quote(node)
                + ",topic=\"payments\",name=\"billing\",clientId=\"shop\",durable=true");

        try (Connection connection = factory.createConnection()) {
            connection.setClientID("shop");
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("orders"));
            producer.send(session.createTextMessage("one"));
            producer.send(session.createTextMessage("two"));
            session.createDurableSubscriber(session.createTopic("payments"), "billing");
            session.createProducer(session.createTopic("payments")).send(session.createTextMessage("paid"));

            server.invoke(store, "refresh", null, null);

            assertThat(server.getAttribute(store, "NodeId")).isEqualTo(node);
            assertThat(server.getAttribute(queue, "Ready")).isEqualTo(2L);
            assertThat(server.getAttribute(subscription, "Ready")).isEqualTo(1L);
            assertThat(server.getAttribute(subscription, "Consumers")).isEqualTo(1L);
            assertThat(server.invoke(queue, "purge", null, null)).isEqualTo(2L);
            assertThat(server.getAttribute(queue, "Ready")).isEqualTo(0L);
        }
        TableMQConnectionFactory.closeIdleStores();

        assertThat(server.queryNames(new ObjectName("org.tablemq:store=" + ObjectName.quote(node) + ",*"), null))
                .isEmpty();
    }
}
