package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

class BrowserAndTemporaryDestinationTest extends FacadeTestBase {

    private static List<String> browse(QueueBrowser b) throws JMSException {
        List<String> out = new ArrayList<>();
        for (Enumeration<?> e = b.getEnumeration(); e.hasMoreElements(); ) {
            out.add(text((Message) e.nextElement()));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void browserShowsMessagesWithoutConsumingThem(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("browsed"));
        send(s, q, "1", "2");
        assertThat(browse(s.createBrowser(q))).containsExactly("1", "2");
        assertThat(drain(s.createConsumer(q))).containsExactly("1", "2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void browserSelectorShowsOnlyMatchingMessages(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("browsed-sel"));
        MessageProducer p = s.createProducer(q);
        for (int i = 1; i <= 4; i++) {
            Message m = s.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            p.send(m);
        }
        assertThat(browse(s.createBrowser(q, "n > 2"))).containsExactly("m3", "m4");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void requestReplyThroughATemporaryQueue(TestDatabase db) throws JMSException {
        Connection client = connect(db);
        Connection server = connect(db);
        Session cs = client.createSession();
        Session ss = server.createSession();
        Queue requests = cs.createQueue(unique("requests"));
        TemporaryQueue replies = cs.createTemporaryQueue();
        Message request = cs.createTextMessage("ping");
        request.setJMSReplyTo(replies);
        cs.createProducer(requests).send(request);

        Message received = ss.createConsumer(requests).receive(5000);
        Message reply = ss.createTextMessage("pong");
        reply.setJMSCorrelationID(received.getJMSMessageID());
        ss.createProducer(received.getJMSReplyTo()).send(reply);

        Message answer = cs.createConsumer(replies).receive(5000);
        assertThat(text(answer)).isEqualTo("pong");
        assertThat(answer.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyTheCreatingConnectionMayConsumeATemporaryQueue(TestDatabase db) throws JMSException {
        TemporaryQueue tq = connect(db).createSession().createTemporaryQueue();
        Session other = connect(db).createSession();
        assertThatThrownBy(() -> other.createConsumer(tq)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining(tq.getQueueName());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void temporaryQueueIsDeletedWithItsConnection(TestDatabase db) throws JMSException {
        Connection owner = factory(db).createConnection();
        TemporaryQueue tq = owner.createSession().createTemporaryQueue();
        owner.close();
        Session other = connect(db).createSession();
        assertThatThrownBy(() -> send(other, tq, "too late")).isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletingATemporaryQueueWithAConsumerFails(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        TemporaryQueue tq = s.createTemporaryQueue();
        MessageConsumer c = s.createConsumer(tq);
        assertThatThrownBy(tq::delete).isInstanceOf(JMSException.class).hasMessageContaining("consumer");
        c.close();
        tq.delete();
        assertThatThrownBy(() -> s.createConsumer(tq)).isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void temporaryTopicDeliversToItsSubscriber(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        TemporaryTopic tt = s.createTemporaryTopic();
        MessageConsumer c = s.createConsumer(tt);
        s.createProducer(tt).send(s.createTextMessage("temp news"));
        assertThat(text(c.receive(5000))).isEqualTo("temp news");
    }
}
