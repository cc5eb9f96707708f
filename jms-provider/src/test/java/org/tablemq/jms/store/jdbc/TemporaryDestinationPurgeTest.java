package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.store.DestinationNotFoundException;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.SubscriptionSpec;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Temporary destinations leave no rows behind, whether deleted by the application, by the close of their connection
 * or by the death of their node; and a send to one that is gone, or a consumer on it, still fails instead of creating
 * a queue of its name.
 */
class TemporaryDestinationPurgeTest {

    private static final int EACH = 20;
    private StoreFixture fixture;

    private StoreFixture fixture(TestDatabase db) {
        db.assumeAvailable();
        fixture = new StoreFixture(db);
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void temporaryDestinationsDeletedOrClosedWithTheirConnectionLeaveNoRows(TestDatabase db) throws Exception {
        StoreFixture f = fixture(db);
        TableMQConnectionFactory factory = TestFactories.create(db, f.url, f.prefix);
        List<TemporaryQueue> queues = new ArrayList<>();
        try (Connection owner = factory.createConnection(); Connection other = factory.createConnection()) {
            Session session = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<TemporaryTopic> topics = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                TemporaryQueue queue = session.createTemporaryQueue();
                session.createProducer(queue).send(session.createTextMessage("reply " + i));
                queues.add(queue);
                TemporaryTopic topic = session.createTemporaryTopic();
                MessageConsumer subscriber = session.createConsumer(topic);
                session.createProducer(topic).send(session.createTextMessage("event " + i));
                subscriber.close();
                topics.add(topic);
            }
            assertThat(temporaryRows(f)).as("rows while they exist").isEqualTo(2 * EACH);
            for (int i = 0; i < EACH / 2; i++) {
                queues.get(i).delete();
                topics.get(i).delete();
            }
            owner.close();              // deletes the other half

            assertThat(temporaryRows(f)).as("destination rows of deleted temporary destinations").isZero();
            assertThat(f.count("SELECT COUNT(*) FROM {p}endpoints")).as("their endpoints").isZero();
            assertThat(f.count("SELECT COUNT(*) FROM {p}messages")).as("their messages").isZero();

            Session late = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (TemporaryQueue gone : List.of(queues.get(0), queues.get(EACH - 1))) {
                assertThatThrownBy(() -> late.createProducer(gone).send(late.createTextMessage("too late")))
                        .isInstanceOf(InvalidDestinationException.class).hasMessageContaining(gone.getQueueName());
            }
            assertThat(temporaryRows(f)).as("rows after sends to deleted temporary queues").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void temporaryDestinationsOfADeadNodeLeaveNoRowsAndRefuseSends(TestDatabase db) throws Exception {
        StoreFixture f = fixture(db);
        JdbcMessageStore survivor = f.open(f.config().withLeaseMillis(1000));
        JdbcMessageStore doomed = f.open(f.config().withNodeName("doomed-" + f.prefix));
        DestinationRef queue = new DestinationRef("TMP.Q.doomed", DestinationRef.Kind.QUEUE, true);
        DestinationRef topic = new DestinationRef("TMP.T.doomed", DestinationRef.Kind.TOPIC, true);
        doomed.createTemporary(queue, "connection-9");
        doomed.createTemporary(topic, "connection-9");
        doomed.attach(new SubscriptionSpec(topic.name(), null, null, false, false, null, false, "connection-9"));
        doomed.send(List.of(message(queue, "reply"), message(topic, "event")));
        // the doomed node stops for good without saying so: its rows now name a node whose heartbeat is long past
        f.execute("INSERT INTO {p}nodes (node_id, heartbeat, alive_until) VALUES ('long-gone', 0, 0)");
        f.execute("UPDATE {p}destinations SET temp_node = 'long-gone' WHERE temp_node = ?", doomed.nodeId());
        f.execute("UPDATE {p}attachments SET node_id = 'long-gone' WHERE node_id = ?", doomed.nodeId());
        f.execute("UPDATE {p}endpoints SET owner_node = 'long-gone' WHERE owner_node = ?", doomed.nodeId());

        await("the dead node's temporary destinations to be removed").atMost(Duration.ofSeconds(10))
                .until(() -> temporaryRows(f) == 0);
        assertThat(f.count("SELECT COUNT(*) FROM {p}endpoints")).as("their endpoints").isZero();
        assertThat(f.count("SELECT COUNT(*) FROM {p}messages")).as("their messages").isZero();

        assertThatThrownBy(() -> survivor.send(List.of(message(queue, "too late"))))
                .isInstanceOf(DestinationNotFoundException.class).hasMessageContaining(queue.name());
        assertThatThrownBy(() -> survivor.queueEndpoint(queue)).as("a consumer on it")
                .isInstanceOf(DestinationNotFoundException.class).hasMessageContaining(queue.name());
        assertThatThrownBy(() -> survivor.ensureDestination(topic)).as("what a subscriber checks first")
                .isInstanceOf(DestinationNotFoundException.class).hasMessageContaining(topic.name());
        assertThat(survivor.exists(queue)).isFalse();
        assertThat(temporaryRows(f)).as("rows after a send to, and consumers on, the deleted temporary destinations")
                .isZero();
    }

    private static long temporaryRows(StoreFixture f) throws Exception {
        return f.count("SELECT COUNT(*) FROM {p}destinations WHERE name LIKE 'TMP.%'");
    }
}
