package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.TableMQOptions;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.jdbc.JdbcMessageStore;
import org.tablemq.jms.testing.TestDatabase;

class DatabaseDownTest extends FacadeTestBase {

    @Test
    void connectingToAnUnreachableDatabaseFailsWithTheStoresCause() {
        TableMQConnectionFactory f = new TableMQConnectionFactory("jdbc:postgresql://127.0.0.1:1/down");
        f.setUser("postgres");
        assertThatThrownBy(f::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("127.0.0.1:1").hasCauseInstanceOf(Exception.class);
    }

    /** A connection on the test database's store, whose database the test can take away. */
    private TableMQConnection connectFlaky(TestDatabase db, FlakyStore[] holder) throws JMSException, StoreException {
        TableMQOptions options = factory(db).getOptions();
        FlakyStore store = new FlakyStore(JdbcMessageStore.open(options.storeConfig()));
        holder[0] = store;
        TableMQConnection c = new TableMQConnection(store, store::close, options);
        c.start();
        return c;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendFailsWithTheStoresCauseAndTheExceptionListenerIsTold(TestDatabase db) throws Exception {
        FlakyStore[] store = new FlakyStore[1];
        TableMQConnection c = connectFlaky(db, store);
        try {
            List<JMSException> told = new CopyOnWriteArrayList<>();
            c.setExceptionListener(told::add);
            Session s = c.createSession();
            Queue q = s.createQueue(unique("down"));
            send(s, q, "before");
            store[0].goDown();
            assertThatThrownBy(() -> send(s, q, "during")).isInstanceOf(JMSException.class)
                    .hasMessageContaining(q.getQueueName())
                    .hasCauseInstanceOf(StoreUnavailableException.class)
                    .satisfies(e -> assertThat(((JMSException) e).getErrorCode()).isEqualTo(StoreUnavailableException.ERROR_CODE));
            await().untilAsserted(() -> assertThat(told).isNotEmpty());
        } finally {
            store[0].comeBack();
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameConnectionWorksAgainWhenTheDatabaseIsBack(TestDatabase db) throws Exception {
        FlakyStore[] store = new FlakyStore[1];
        TableMQConnection c = connectFlaky(db, store);
        try {
            Session s = c.createSession(Session.SESSION_TRANSACTED);
            Queue q = s.createQueue(unique("back"));
            send(s, q, "lost with its transaction");
            store[0].goDown();
            // nothing was applied, and the transaction ends: committing again must not send what was refused
            assertThatThrownBy(s::commit).isInstanceOf(TransactionRolledBackException.class)
                    .satisfies(e -> assertThat(((JMSException) e).getErrorCode())
                            .isEqualTo(StoreUnavailableException.ERROR_CODE));
            store[0].comeBack();
            s.commit();
            send(s, q, "sent again");
            s.commit();
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(text(consumer.receive(5000))).isEqualTo("sent again");
            assertThat(consumer.receive(200)).isNull();
            s.commit();
        } finally {
            c.close();
        }
    }
}
