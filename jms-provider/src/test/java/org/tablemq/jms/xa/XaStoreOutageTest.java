package org.tablemq.jms.xa;

import static javax.transaction.xa.XAException.XAER_RMFAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Queue;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.time.Duration;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.testing.TestDatabase;

/**
 * XAER_RMFAIL while the database cannot be reached, and the same branch decided once it is back. PostgreSQL only:
 * an embedded H2 database has no network between TableMQ and its files to cut.
 */
class XaStoreOutageTest extends XaTestBase {

    @Test
    void aPreparedBranchAnswersRmfailWhileTheDatabaseIsDownAndCommitsOnceItIsBack() throws Exception {
        TestDatabase.POSTGRESQL.assumeAvailable();
        try (OutageProxy proxy = new OutageProxy("127.0.0.1", 5432)) {
            TableMQConnectionFactory f = new TableMQConnectionFactory("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test");
            f.setUser(TestDatabase.POSTGRESQL.user());
            f.setTablePrefix(factory(TestDatabase.POSTGRESQL).getTablePrefix());
            XAConnection c = closeLater(f.createXAConnection());
            XASession s = c.createXASession();
            Queue q = s.createQueue(unique("outage"));
            XAResource r = s.getXAResource();
            TestXid xid = TestXid.fresh("b");
            r.start(xid, XAResource.TMNOFLAGS);
            send(s, q, "survives");
            r.end(xid, XAResource.TMSUCCESS);
            r.prepare(xid);

            proxy.stop();
            assertXaError(XAER_RMFAIL, () -> r.commit(xid, false));
            assertXaError(XAER_RMFAIL, () -> r.recover(XAResource.TMSTARTRSCAN));
            proxy.start();

            await().atMost(Duration.ofSeconds(60)).ignoreException(XAException.class)
                    .untilAsserted(() -> r.commit(xid, false));
            assertThat(contents(TestDatabase.POSTGRESQL, q)).containsExactly("survives");
        }
    }
}
