package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoreLimits;
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

    @Test
    void deadLetterQueueOfAShortNameIsThePrefixAndTheName() {
        assertThat(policy.deadLetterQueue("x".repeat(1996))).isEqualTo("DLQ." + "x".repeat(1996));
    }

    @Test
    void deadLetterQueueOfANameAtTheLimitFitsAndStaysDistinct() {
        String start = "y".repeat(1999);
        String a = policy.deadLetterQueue(start + "a");
        String b = policy.deadLetterQueue(start + "b");
        assertThat(a.length()).isEqualTo(StoreLimits.MAX_DESTINATION_NAME);
        assertThat(b.length()).isEqualTo(StoreLimits.MAX_DESTINATION_NAME);
        assertThat(a).startsWith("DLQ.yyy").isNotEqualTo(b);
        assertThat(policy.deadLetterQueue(start + "a")).isEqualTo(a);
        assertThat(StoreLimits.fits(a, StoreLimits.MAX_DESTINATION_NAME)).isTrue();
    }

    @Test
    void deadLetterQueueNeverCutsASurrogatePair() {
        String name = "z".repeat(1978) + "\uD83D\uDE00" + "z".repeat(20);
        assertThat(StoreLimits.fits(policy.deadLetterQueue(name), StoreLimits.MAX_DESTINATION_NAME)).isTrue();
    }

    @Test
    void deadLetterReasonOfAVeryLongSourceFitsTheStoreAndKeepsWhy() {
        String source = "subscription '" + "s".repeat(1000) + "' of client '" + "c".repeat(1000) + "' on topic '"
                + "t".repeat(2000) + "'";
        Release r = policy.onFailure(new Delivery(7, 4, "t".repeat(2000), source, false), 1_000);
        assertThat(r.deadLetter().reason().length()).isLessThanOrEqualTo(StoreLimits.MAX_DEAD_LETTER_REASON);
        assertThat(r.deadLetter().reason()).startsWith("Message from subscription 'sss")
                .endsWith("delivery failed 4 times, maxDeliveryAttempts is 4");
    }
}
