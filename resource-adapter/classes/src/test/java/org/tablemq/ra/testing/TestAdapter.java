package org.tablemq.ra.testing;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import java.util.ArrayList;
import java.util.List;
import org.tablemq.jms.testing.TestDatabase;
import org.tablemq.ra.ProviderFactory;
import org.tablemq.ra.TableMQResourceAdapter;
import org.tablemq.ra.outbound.TableMQManagedConnectionFactory;

/**
 * A started resource adapter on a test database with its own table prefix, plus a plain provider factory on the same
 * store to put messages in and check what is left, as an application outside the server would.
 */
public final class TestAdapter implements AutoCloseable {

    private final FakeBootstrapContext bootstrap = new FakeBootstrapContext();
    private final TableMQResourceAdapter ra = new TableMQResourceAdapter();
    private final ConnectionFactory provider;
    private final Connection connection;

    public TestAdapter(TestDatabase database, String tablePrefix, String moreOptions) throws Exception {
        database.assumeAvailable();
        ra.setUrl(database.url());
        ra.setUser(database.user());
        ra.setPassword(database.password());
        ra.setOptions("tablePrefix=" + tablePrefix + (moreOptions.isEmpty() ? "" : ";" + moreOptions));
        ra.start(bootstrap);
        provider = ProviderFactory.create(ra.storeConfig(), "test");
        connection = provider.createConnection();
        connection.start();
    }

    public TableMQResourceAdapter ra() {
        return ra;
    }

    public FakeBootstrapContext bootstrap() {
        return bootstrap;
    }

    /** A connection definition of this adapter, as the server creates it from ironjacamar.xml. */
    public TableMQManagedConnectionFactory managedConnectionFactory() {
        TableMQManagedConnectionFactory mcf = new TableMQManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        return mcf;
    }

    public void send(String queue, String... texts) throws JMSException {
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    public void publish(String topic, String... texts) throws JMSException {
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createTopic(topic))) {
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** Consumes everything on the queue now, acknowledging it. */
    public List<Message> drain(String queue) throws JMSException {
        List<Message> got = new ArrayList<>();
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            for (Message m = consumer.receive(500); m != null; m = consumer.receive(200)) {
                got.add(m);
            }
        }
        return got;
    }

    public static List<String> texts(List<Message> messages) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Message m : messages) {
            texts.add(((jakarta.jms.TextMessage) m).getText());
        }
        return texts;
    }

    @Override
    public void close() throws JMSException, ResourceException {
        try {
            ra.stop();
            connection.close();
        } finally {
            bootstrap.close();
        }
    }
}
