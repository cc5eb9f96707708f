package org.tablemq.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.JTAEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import org.jboss.narayana.jta.jms.JmsXAResourceRecoveryHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Crash recovery by Narayana's own recovery manager: a child JVM runs a Narayana transaction over TableMQ and a
 * second resource and is killed with SIGKILL between TableMQ's prepare and the decision. Then the XA recovery
 * module of this JVM, given a recovery helper that returns TableMQ's XAResource, completes the transaction with
 * no manual step: committed when Narayana had logged the commit decision, rolled back (presumed abort) when not.
 */
class NarayanaRecoveryIT extends XaTestBase {

    private static final String NODE = "tablemq-recovery-it";
    private static Path log;
    private static RecoveryManager recovery;
    /** What the recovery module scans now: Narayana's JMS helper over the current test's TableMQ factory. */
    private static final List<XAResourceRecoveryHelper> HELPERS = new ArrayList<>();

    @BeforeAll
    static void recoveryManager() throws Exception {
        log = Files.createTempDirectory("narayana-recovery");
        Narayana.configure(log, NODE);
        RecoveryEnvironmentBean env = BeanPopulator.getDefaultInstance(RecoveryEnvironmentBean.class);
        env.setRecoveryModuleClassNames(List.of(
                "com.arjuna.ats.internal.arjuna.recovery.AtomicActionRecoveryModule",
                "com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule"));
        env.setExpiryScannerClassNames(List.of());
        env.setRecoveryBackoffPeriod(1);
        env.setRecoveryListener(false);
        JTAEnvironmentBean jta = BeanPopulator.getDefaultInstance(JTAEnvironmentBean.class);
        jta.setOrphanSafetyInterval(0);
        jta.setXaResourceOrphanFilterClassNames(List.of(
                "com.arjuna.ats.internal.jta.recovery.arjunacore.JTATransactionLogXAResourceOrphanFilter",
                "com.arjuna.ats.internal.jta.recovery.arjunacore.JTANodeNameXAResourceOrphanFilter"));
        recovery = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        XARecoveryModule module = recovery.getModules().stream().filter(XARecoveryModule.class::isInstance)
                .map(XARecoveryModule.class::cast).findFirst().orElseThrow();
        module.addXAResourceRecoveryHelper(new XAResourceRecoveryHelper() {
            @Override
            public boolean initialise(String p) {
                return true;
            }

            @Override
            public XAResource[] getXAResources() {
                List<XAResource> all = new ArrayList<>();
                synchronized (HELPERS) {
                    for (XAResourceRecoveryHelper h : HELPERS) {
                        try {
                            all.addAll(List.of(h.getXAResources()));
                        } catch (Exception e) {
                            throw new IllegalStateException("recovery helper " + h + " failed", e);
                        }
                    }
                }
                return all.toArray(new XAResource[0]);
            }
        });
    }

    @AfterAll
    static void stop() {
        if (recovery != null) {
            recovery.terminate();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTransactionWhoseCommitWasLoggedIsCommittedByRecovery(TestDatabase db) throws Exception {
        String queue = crashInside(db, "decided", "HALTED commit");
        List<String> after = recoverAndDrain(db, queue, "decided-sent");
        assertThat(after).containsExactly("decided-sent");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTransactionThatDiedBeforeItsDecisionIsRolledBackByRecovery(TestDatabase db) throws Exception {
        String queue = crashInside(db, "undecided", "HALTED prepare");
        List<String> after = recoverAndDrain(db, queue, "payload");
        assertThat(after).containsExactly("payload");
    }

    /** Puts one message on a fresh queue, runs the child until it halts in the given phase, and kills it. */
    private String crashInside(TestDatabase db, String mode, String haltLine) throws Exception {
        TableMQConnectionFactory f = factory(db);
        String queue = unique(mode);
        try (Connection c = f.createConnection(); Session s = c.createSession()) {
            send(s, s.createQueue(queue), "payload");
        }
        // the child opens the same H2 file; this JVM's store would stay open a few seconds after its last connection
        TableMQConnectionFactory.closeIdleStores();
        try (ChildProcess child = ChildProcess.start(List.of("-D" + HaltingResource.HALT_PROPERTY + "=true"),
                XaCrashChild.class, mode, f.getUrl(), db.user(), f.getTablePrefix(), queue, log.toString(), NODE)) {
            await("the child to halt (" + haltLine + ")").atMost(Duration.ofSeconds(60)).failFast(child::checkAlive)
                    .until(() -> child.printed(haltLine));
            child.kill();
        }
        return queue;
    }

    /**
     * Makes TableMQ's XAResource available to the recovery module, runs recovery scans until {@code expected}
     * can be received, and returns everything then on the queue (the consumer's deliveries included).
     */
    private List<String> recoverAndDrain(TestDatabase db, String queue, String expected) throws Exception {
        TableMQConnectionFactory fresh = factory(db);
        XAConnection xa = closeLater(fresh.createXAConnection());
        XAResource resource = xa.createXASession().getXAResource();
        assertThat(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).as("the prepared branch").isNotEmpty();
        synchronized (HELPERS) {
            HELPERS.clear();
            // what an application registers: Narayana's helper for any jakarta.jms.XAConnectionFactory
            HELPERS.add(new JmsXAResourceRecoveryHelper(fresh, db.user(), db.password()));
        }
        Connection plain = connection(db);
        MessageConsumer consumer = plain.createSession().createConsumer(plain.createSession().createQueue(queue));
        List<String> seen = new ArrayList<>();
        await("recovery to complete the transaction").atMost(Duration.ofSeconds(60)).until(() -> {
            recovery.scan();
            Message m = consumer.receive(200);
            if (m != null) {
                seen.add(text(m));
                if (text(m).equals("payload")) {
                    assertThat(m.getJMSRedelivered()).as("a rolled back consumed message is redelivered").isTrue();
                }
            }
            return seen.contains(expected);
        });
        assertThat(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).as("nothing left prepared").isEmpty();
        seen.addAll(drain(consumer));
        return seen;
    }
}
