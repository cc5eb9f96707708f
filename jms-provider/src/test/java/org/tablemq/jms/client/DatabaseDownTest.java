package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQConnectionFactory;

class DatabaseDownTest {

    @Test
    void connectingToAnUnreachableDatabaseFailsWithTheStoresCause() {
        TableMQConnectionFactory f = new TableMQConnectionFactory("jdbc:postgresql://127.0.0.1:1/down");
        f.setUser("postgres");
        f.setMaxPollMillis(50);
        assertThatThrownBy(f::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("127.0.0.1:1").hasCauseInstanceOf(Exception.class);
    }
}
