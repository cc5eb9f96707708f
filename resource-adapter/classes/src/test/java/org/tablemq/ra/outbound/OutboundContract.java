package org.tablemq.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.transaction.TransactionManager;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.testing.TestDatabase;
import org.tablemq.ra.testing.EnlistingConnectionManager;
import org.tablemq.ra.testing.Narayana;
import org.tablemq.ra.testing.TestAdapter;

/**
 * The outbound side against a real store, with Narayana as the transaction manager and a small pooling, enlisting
 * connection manager in the server's place. One subclass per database.
 */
abstract class OutboundContract {

    private static final String PREFIX = TestDatabase.uniquePrefix();

    private final TransactionManager tm = Narayana.transactionManager();
    private TestAdapter adapter;
    private TableMQManagedConnectionFactory mcf;
    private EnlistingConnectionManager server;
    private ConnectionFactory cf;
    private String queue;

    abstract TestDatabase database();

    @BeforeEach
    void start() throws Exception {
        adapter = new TestAdapter(database(), PREFIX, "");
        mcf = adapter.managedConnectionFactory();
        server = new EnlistingConnectionManager(tm);
        cf = (ConnectionFactory) mcf.createConnectionFactory(server);
        queue = "out-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
        if (server != null) {
            server.destroyAll();
        }
        if (adapter != null) {
            adapter.close();
        }
    }

    private void sendThroughHandle(String text) throws Exception {
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
    }

    @Test
    void aSendInsideACommittedTransactionIsDelivered() throws Exception {
        tm.begin();
        sendThroughHandle("paid");
        tm.commit();

        assertThat(TestAdapter.texts(adapter.drain(queue))).containsExactly("paid");
    }

    @Test
    void aSendInsideARolledBackTransactionIsDiscarded() throws Exception {
        tm.begin();
        sendThroughHandle("never");
        tm.rollback();

        assertThat(adapter.drain(queue)).isEmpty();
    }

    @Test
    void aSendIsInvisibleUntilTheTransactionCommits() throws Exception {
        tm.begin();
        sendThroughHandle("later");
        jakarta.transaction.Transaction tx = tm.suspend();
        assertThat(adapter.drain(queue)).isEmpty();
        tm.resume(tx);
        tm.commit();

        assertThat(TestAdapter.texts(adapter.drain(queue))).containsExactly("later");
    }

    @Test
    void aReceiveInsideARolledBackTransactionLeavesTheMessageForRedelivery() throws Exception {
        adapter.send(queue, "again");
        tm.begin();
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession();
            Message m = session.createConsumer(session.createQueue(queue)).receive(5000);
            assertThat(((TextMessage) m).getText()).isEqualTo("again");
        }
        tm.rollback();

        Message back = adapter.drain(queue).get(0);
        assertThat(back.getJMSRedelivered()).isTrue();
        assertThat(back.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void aReceiveInsideACommittedTransactionConsumesTheMessage() throws Exception {
        adapter.send(queue, "once");
        tm.begin();
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession();
            assertThat(session.createConsumer(session.createQueue(queue)).receive(5000)).isNotNull();
        }
        tm.commit();

        assertThat(adapter.drain(queue)).isEmpty();
    }

    @Test
    void outsideATransactionTheSessionIsNonTransactedAndSendsAtOnce() throws Exception {
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            assertThat(session.getTransacted()).isFalse();
            assertThat(session.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage("now"));
            assertThat(TestAdapter.texts(adapter.drain(queue))).containsExactly("now");
        }
    }

    @Test
    void insideATransactionTheSessionReportsItselfTransactedAndRefusesCommit() throws Exception {
        tm.begin();
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession();
            assertThat(session.getTransacted()).isTrue();
            assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class)
                    .hasMessageContaining("§12.3");
        }
        tm.rollback();
    }

    @Test
    void aJmsContextSendsInsideTheTransaction() throws Exception {
        tm.begin();
        try (JMSContext context = cf.createContext()) {
            context.createProducer().send(context.createQueue(queue), "ctx");
        }
        tm.rollback();
        tm.begin();
        try (JMSContext context = cf.createContext(JMSContext.SESSION_TRANSACTED)) {
            context.createProducer().send(context.createQueue(queue), "ctx2");
        }
        tm.commit();

        assertThat(TestAdapter.texts(adapter.drain(queue))).containsExactly("ctx2");
    }

    @Test
    void closingTheHandleTellsTheServerAndTheConnectionIsPooledAfterTheTransaction() throws Exception {
        tm.begin();
        sendThroughHandle("a");
        assertThat(server.events()).contains("CONNECTION_CLOSED");
        assertThat(server.pooled()).isEmpty();
        tm.commit();
        server.returnIdle();
        assertThat(server.pooled()).hasSize(1);

        tm.begin();
        sendThroughHandle("b");
        tm.commit();
        assertThat(server.all()).as("the pooled connection was reused").hasSize(1);
        assertThat(TestAdapter.texts(adapter.drain(queue))).containsExactly("a", "b");
    }

    @Test
    void aLocalTransactionCommitsAndRollsBackTheSessionsWork() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            Session session = (Session) mc.getConnection(null, null);
            LocalTransaction local = mc.getLocalTransaction();
            MessageProducer producer = session.createProducer(session.createQueue(queue));

            local.begin();
            assertThat(session.getTransacted()).isTrue();
            producer.send(session.createTextMessage("dropped"));
            local.rollback();
            local.begin();
            producer.send(session.createTextMessage("kept"));
            assertThat(adapter.drain(queue)).isEmpty();
            local.commit();

            assertThat(TestAdapter.texts(adapter.drain(queue))).containsExactly("kept");
        } finally {
            mc.destroy();
        }
    }

    @Test
    void matchingPicksAConnectionWithTheSameCredentialsOnly() throws Exception {
        ManagedConnection plain = mcf.createManagedConnection(null, null);
        try {
            Set<ManagedConnection> pool = Set.of(plain);
            assertThat(mcf.matchManagedConnections(pool, null, null)).isSameAs(plain);
            assertThat(mcf.matchManagedConnections(pool, null, ConnectionRequest.DEFAULT)).isSameAs(plain);
            assertThat(mcf.matchManagedConnections(pool, null, new ConnectionRequest("other", "pw"))).isNull();
        } finally {
            plain.destroy();
        }
    }

    @Test
    void cleanupInvalidatesHandlesAndClosesTheirConsumers() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            Session session = (Session) mc.getConnection(null, null);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            mc.cleanup();
            assertThatThrownBy(() -> consumer.receiveNoWait()).isInstanceOf(jakarta.jms.IllegalStateException.class);
            assertThatThrownBy(() -> session.createTextMessage()).isInstanceOf(jakarta.jms.IllegalStateException.class);

            adapter.send(queue, "for the next user");
            Session next = (Session) mc.getConnection(null, null);
            Message m = next.createConsumer(next.createQueue(queue)).receive(5000);
            assertThat(((TextMessage) m).getText()).isEqualTo("for the next user");
        } finally {
            mc.destroy();
        }
    }

    @Test
    void containerRestrictionsAreRefusedCitingTheRule() throws Exception {
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession();
            assertThatThrownBy(connection::createSession).isInstanceOf(jakarta.jms.IllegalStateException.class)
                    .hasMessageContaining("one active session per connection").hasMessageContaining("§12.2");
            assertThatThrownBy(() -> connection.setClientID("x")).hasMessageContaining("setClientID").hasMessageContaining("§12.2");
            assertThatThrownBy(connection::stop).hasMessageContaining("§12.2");
            assertThatThrownBy(() -> connection.setExceptionListener(e -> { })).hasMessageContaining("§12.2");
            assertThatThrownBy(() -> session.setMessageListener(m -> { })).hasMessageContaining("§12.2");
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            assertThatThrownBy(() -> consumer.setMessageListener(m -> { }))
                    .isInstanceOf(jakarta.jms.IllegalStateException.class).hasMessageContaining("§12.2");
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            assertThatThrownBy(() -> producer.send(session.createTextMessage("x"), new NoCompletion()))
                    .hasMessageContaining("asynchronous").hasMessageContaining("§12.2");
        }
        try (JMSContext context = cf.createContext()) {
            assertThatThrownBy(() -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                    .isInstanceOf(IllegalStateRuntimeException.class).hasMessageContaining("§12.2");
            assertThatThrownBy(() -> context.setClientID("x")).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(context::stop).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void aJmsContextOutsideATransactionSendsAtOnceAndReceives() throws Exception {
        try (JMSContext context = cf.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(context.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
            context.createProducer().send(context.createQueue(queue), "via context");
            assertThat(context.createConsumer(context.createQueue(queue)).receiveBody(String.class, 5000))
                    .isEqualTo("via context");
        }
        assertThat(adapter.drain(queue)).isEmpty();
    }

    @Test
    void aBrokenStoreTellsThePoolToDiscardTheConnection() throws Exception {
        TableMQManagedConnection mc = (TableMQManagedConnection) mcf.createManagedConnection(null, null);
        java.util.List<jakarta.resource.spi.ConnectionEvent> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        mc.addConnectionEventListener(new ErrorRecorder(errors));
        try {
            jakarta.jms.JMSException down = new jakarta.jms.JMSException("database unavailable",
                    org.tablemq.jms.store.StoreUnavailableException.ERROR_CODE);
            assertThatThrownBy(() -> mc.call(() -> {
                throw down;
            })).isSameAs(down);

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getId()).isEqualTo(jakarta.resource.spi.ConnectionEvent.CONNECTION_ERROR_OCCURRED);
                assertThat(e.getException()).isSameAs(down);
            });
            assertThat(mcf.matchManagedConnections(Set.of(mc), null, null)).isNull();
        } finally {
            mc.destroy();
        }
    }

    @Test
    void anOrdinaryFailureLeavesTheConnectionInThePool() throws Exception {
        TableMQManagedConnection mc = (TableMQManagedConnection) mcf.createManagedConnection(null, null);
        java.util.List<jakarta.resource.spi.ConnectionEvent> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        mc.addConnectionEventListener(new ErrorRecorder(errors));
        try {
            Session session = (Session) mc.getConnection(null, null);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue), "price >"))
                    .isInstanceOf(jakarta.jms.InvalidSelectorException.class);
            assertThat(errors).isEmpty();
            assertThat(mcf.matchManagedConnections(Set.of(mc), null, null)).isSameAs(mc);
        } finally {
            mc.destroy();
        }
    }

    @Test
    void afterClosingItsSessionAConnectionMayCreateAnother() throws Exception {
        try (Connection connection = cf.createConnection()) {
            connection.createSession().close();
            Session second = connection.createSession();
            second.createProducer(second.createQueue(queue)).send(second.createTextMessage("second"));
        }
        assertThat(TestAdapter.texts(adapter.drain(queue))).containsExactly("second");
    }

    private record ErrorRecorder(java.util.List<jakarta.resource.spi.ConnectionEvent> errors)
            implements jakarta.resource.spi.ConnectionEventListener {
        @Override
        public void connectionClosed(jakarta.resource.spi.ConnectionEvent event) {
        }

        @Override
        public void localTransactionStarted(jakarta.resource.spi.ConnectionEvent event) {
        }

        @Override
        public void localTransactionCommitted(jakarta.resource.spi.ConnectionEvent event) {
        }

        @Override
        public void localTransactionRolledback(jakarta.resource.spi.ConnectionEvent event) {
        }

        @Override
        public void connectionErrorOccurred(jakarta.resource.spi.ConnectionEvent event) {
            errors.add(event);
        }
    }

    private static final class NoCompletion implements jakarta.jms.CompletionListener {
        @Override
        public void onCompletion(Message message) {
        }

        @Override
        public void onException(Message message, Exception exception) {
        }
    }
}
