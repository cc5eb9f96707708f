package org.tablemq.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.store.XidKey;
import org.tablemq.jms.testing.TestDatabase;

/**
 * A child JVM prepares two branches (each consumes a message and sends one) and is killed with SIGKILL before
 * the decision; a brand-new factory in this JVM finds both with {@code recover()}, commits one and rolls back
 * the other, and each decision has exactly its effect.
 */
class XaCrashRecoveryIT extends XaTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void branchesPreparedByAKilledJvmAreRecoveredAndDecidedByANewFactory(TestDatabase db) throws Exception {
        TableMQConnectionFactory before = factory(db);
        String queue = unique("crash");
        try (Connection c = before.createConnection(); Session s = c.createSession()) {
            send(s, s.createQueue(queue), "first", "second");
        }
        // the child opens the same store, and an embedded H2 file admits one process: close ours now rather than
        // after the idle grace period
        TableMQConnectionFactory.closeIdleStores();

        List<String> prepared = new ArrayList<>();
        try (ChildProcess child = ChildProcess.start(List.of(), XaCrashChild.class, "manual", before.getUrl(), db.user(),
                before.getTablePrefix(), queue)) {
            await("the child to prepare two branches").atMost(Duration.ofSeconds(60)).failFast(child::checkAlive)
                    .until(() -> child.printed("READY"));
            child.kill();
            child.lines().stream().filter(l -> l.startsWith("PREPARED ")).forEach(prepared::add);
        }
        assertThat(prepared).hasSize(2);
        Xid toCommit = XaCrashChild.xidOf(prepared.get(0));
        Xid toRollBack = XaCrashChild.xidOf(prepared.get(1));
        String committedConsumed = prepared.get(0).substring(prepared.get(0).lastIndexOf(' ') + 1);
        String rolledBackConsumed = prepared.get(1).substring(prepared.get(1).lastIndexOf(' ') + 1);

        TableMQConnectionFactory after = factory(db); // a brand-new factory, as after a restart
        XAConnection xa = closeLater(after.createXAConnection());
        XAResource r = xa.createXASession().getXAResource();
        List<XidKey> recovered = new ArrayList<>();
        for (Xid x : r.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
            recovered.add(XidKey.of(x));
        }
        assertThat(recovered).contains(XidKey.of(toCommit), XidKey.of(toRollBack));

        Queue q = xa.createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue(queue);
        Connection plain = connection(db);
        MessageConsumer consumer = plain.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(q);
        assertThat(consumer.receive(1000)).as("prepared sends and prepared acks are not deliverable").isNull();

        r.commit(toCommit, false);
        r.rollback(toRollBack);
        assertThat(r.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();

        List<String> seen = new ArrayList<>();
        Message redelivered = null;
        for (Message m = consumer.receive(5000); m != null; m = consumer.receive(1000)) {
            seen.add(text(m));
            if (text(m).equals(rolledBackConsumed)) {
                redelivered = m;
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("commit-me-sent", rolledBackConsumed);
        assertThat(seen).doesNotContain(committedConsumed, "roll-me-back-sent");
        assertThat(redelivered).isNotNull();
        assertThat(redelivered.getJMSRedelivered()).isTrue();
        assertThat(redelivered.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertXaError(javax.transaction.xa.XAException.XAER_NOTA, () -> r.commit(toCommit, false));
    }
}
