package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.client.TableMQMessageConsumer;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.testing.TestDatabase;

/**
 * In AUTO_ACKNOWLEDGE mode receive() acknowledges a message before the application sees it. If that acknowledgement
 * finds the claim lost (another consumer took the message), the message is someone else's: receive() goes on to the
 * next message instead of throwing for one the application never had.
 */
class AutoAcknowledgeClaimLostTest {

    private StoreFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void receiveSkipsAMessageWhoseClaimWasLostBeforeItsAcknowledgement(TestDatabase db) throws Exception {
        db.assumeAvailable();
        fixture = new StoreFixture(db);
        TableMQConnectionFactory factory = TestFactories.create(db, fixture.url, fixture.prefix);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("auto");
            MessageProducer producer = session.createProducer(queue);
            TextMessage lost = session.createTextMessage("lost");
            producer.send(lost);
            producer.send(session.createTextMessage("next"));
            TableMQMessageConsumer consumer = (TableMQMessageConsumer) session.createConsumer(queue);
            assertThat(consumer.awaitMessage(5_000)).as("both claimed into the window").isTrue();
            // another node took the first message while it sat in the window (its lease still looks valid here)
            assertThat(fixture.execute("UPDATE {p}messages SET owner = 'other', owner_node = 'other-node'"
                    + " WHERE message_id = ?", lost.getJMSMessageID())).isEqualTo(1);

            Message received = consumer.receive(5_000);

            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("next");
            assertThat(consumer.receiveNoWait()).isNull();
        }
        assertThat(fixture.count("SELECT COUNT(*) FROM {p}messages WHERE owner_node = 'other-node'"))
                .as("the lost message stays with the consumer that took it").isEqualTo(1);
    }
}
