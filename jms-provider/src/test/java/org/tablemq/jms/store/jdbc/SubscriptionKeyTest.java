package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tablemq.jms.store.SubscriptionSpec;

class SubscriptionKeyTest {

    private static Topology.KeyParts roundTrip(String clientId, String name, boolean durable) {
        return Topology.parseSubscriptionKey(Topology.subscriptionKey(
                new SubscriptionSpec("t", name, clientId, durable, !durable, null, false, null)));
    }

    @Test
    void clientIdAndNameAreReadBackEvenWhenTheyContainTheSeparator() {
        assertThat(roundTrip("a|b", "c|d", true)).isEqualTo(new Topology.KeyParts("a|b", "c|d"));
        assertThat(roundTrip(null, "-|x", false)).isEqualTo(new Topology.KeyParts(null, "-|x"));
        assertThat(roundTrip("-", "n", true)).isEqualTo(new Topology.KeyParts("-", "n"));
    }

    @Test
    void aQueueKeyOrNoKeyIsNoSubscription() {
        assertThat(Topology.parseSubscriptionKey("Q:17")).isNull();
        assertThat(Topology.parseSubscriptionKey(null)).isNull();
    }
}
