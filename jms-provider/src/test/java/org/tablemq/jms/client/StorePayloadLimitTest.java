package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import java.util.Collections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQOptions;
import org.tablemq.jms.store.PayloadLimit;
import org.tablemq.jms.store.jdbc.JdbcMessageStore;
import org.tablemq.jms.testing.TestDatabase;

/** The facade's one size check also applies the limit the store states for itself, before anything is written. */
class StorePayloadLimitTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessageAboveTheStoresLimitIsRefusedNamingTheLimitAndNothingIsWritten(TestDatabase db) throws Exception {
        TableMQOptions options = factory(db).getOptions();   // maxMessageSize stays at its 10 MB default
        FlakyStore store = new FlakyStore(JdbcMessageStore.open(options.storeConfig()));
        store.limitPayloads(new PayloadLimit(4096, "a limit for this test"));
        try (TableMQConnection c = new TableMQConnection(store, store::close, options)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(unique("limited"));
            MessageProducer p = s.createProducer(q);
            p.send(bytes(s, 1000));

            assertThatThrownBy(() -> p.send(bytes(s, 8000))).isInstanceOf(ResourceAllocationException.class)
                    .hasMessageContaining(q.getQueueName()).hasMessageContaining("4096 bytes")
                    .hasMessageContaining("a limit for this test");

            QueueBrowser browser = s.createBrowser(q);
            assertThat(Collections.list(browser.getEnumeration())).hasSize(1);
        }
    }

    private static BytesMessage bytes(Session s, int size) throws JMSException {
        BytesMessage m = s.createBytesMessage();
        m.writeBytes(new byte[size]);
        return m;
    }
}
