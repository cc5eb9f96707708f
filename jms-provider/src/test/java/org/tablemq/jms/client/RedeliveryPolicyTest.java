package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.tx.Delivery;
import org.tablemq.jms.tx.RedeliveryPolicy;

class RedeliveryPolicyTest {

    private final RedeliveryPolicy policy = new RedeliveryPolicy(100, 2.0, 350, 4, "DLQ.");

    private static Delivery delivery(int count) {
        return new Delivery(7, count, "orders", "queue 'orders'", false);
    }

    @Test
    void delayGrowsByTheBackoffPerFailedDelivery() {
        assertThat(policy.delayFor(1)).isEqualTo(100);
        assertThat(policy.delayFor(2)).isEqualTo(200);
    }

    @Test
    void delayIsCappedByMaxRedeliveryDelay() {
        assertThat(policy.delayFor(3)).isEqualTo(350);
    }

    @Test
    void failedDeliveryBelowTheMaximumIsRedeliveredLater() {
        Release r = policy.onFailure(delivery(2), 1_000);
        assertThat(r.deadLetter()).isNull();
        assertThat(r.delivered()).isTrue();
        assertThat(r.redeliverAt()).isEqualTo(1_200);
    }

    @Test
    void failedDeliveryAtTheMaximumIsDeadLetteredWithAReason() {
        Release r = policy.onFailure(delivery(4), 1_000);
        assertThat(r.deadLetter().queue()).isEqualTo("DLQ.orders");
        assertThat(r.deadLetter().reason()).contains("queue 'orders'").contains("4");
    }

    @Test
    void claimBeyondTheMaximumCountsAsExhausted() {
        assertThat(policy.exhausted(4, false)).isFalse();
        assertThat(policy.exhausted(5, false)).isTrue();
        assertThat(policy.deadLetterExhausted(delivery(5)).deadLetter().queue()).isEqualTo("DLQ.orders");
    }

    @Test
    void messageOnADeadLetterQueueIsNeverDeadLetteredAgain() {
        Delivery onDlq = new Delivery(7, 9, "DLQ.orders", "queue 'DLQ.orders'", true);
        assertThat(policy.exhausted(9, true)).isFalse();
        assertThat(policy.onFailure(onDlq, 1_000).deadLetter()).isNull();
    }

    @Test
    void zeroDelayRedeliversAtOnce() {
        RedeliveryPolicy immediate = new RedeliveryPolicy(0, 1.0, 0, 10, "DLQ.");
        assertThat(immediate.onFailure(delivery(1), 5_000).redeliverAt()).isZero();
    }
}
