package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Times to live and delivery delays too long to add to the send time: they saturate at {@code Long.MAX_VALUE}
 * ("never"), the same way for both, instead of overflowing into the past.
 */
class SendTimeLimitsTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeliveryDelayBeyondTheEndOfTimeMeansNeverDelivered(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("delay-max"));
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(Long.MAX_VALUE);
        Message never = s.createTextMessage("never");
        p.send(never);
        p.setDeliveryDelay(0);
        p.send(s.createTextMessage("now"));

        assertThat(never.getJMSDeliveryTime()).isEqualTo(Long.MAX_VALUE);
        MessageConsumer c = s.createConsumer(q);
        assertThat(text(c.receive(5000))).isEqualTo("now");
        assertThat(c.receiveNoWait()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTimeToLiveBeyondTheEndOfTimeMeansNeverExpiring(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("ttl-max"));
        MessageProducer p = s.createProducer(q);
        p.setTimeToLive(Long.MAX_VALUE - 1);
        Message sent = s.createTextMessage("lasting");
        p.send(sent);

        assertThat(sent.getJMSExpiration()).isEqualTo(Long.MAX_VALUE);
        Message got = s.createConsumer(q).receive(5000);
        assertThat(text(got)).isEqualTo("lasting");
        assertThat(got.getJMSExpiration()).isEqualTo(Long.MAX_VALUE);
    }
}
