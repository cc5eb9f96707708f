package org.tablemq.jms.xa;

import static javax.transaction.xa.XAException.XAER_DUPID;
import static javax.transaction.xa.XAException.XAER_INVAL;
import static javax.transaction.xa.XAException.XAER_NOTA;
import static javax.transaction.xa.XAException.XAER_PROTO;
import static javax.transaction.xa.XAException.XA_RBROLLBACK;
import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMFAIL;
import static javax.transaction.xa.XAResource.TMJOIN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMRESUME;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.TMSUSPEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Queue;
import jakarta.jms.XASession;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/** Every state transition of the XAResource and the error code of every wrong call. */
class XAResourceStateTest extends XaTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void startWithNoFlagsOfAnExistingBranchIsDuplicate(TestDatabase db) throws Exception {
        XAResource a = xaSession(db).getXAResource();
        XAResource b = xaSession(db).getXAResource();
        TestXid xid = TestXid.fresh("b1");
        a.start(xid, TMNOFLAGS);
        assertXaError(XAER_DUPID, () -> b.start(xid, TMNOFLAGS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void startWhileAssociatedWithAnotherBranchIsProtocolError(TestDatabase db) throws Exception {
        XAResource r = xaSession(db).getXAResource();
        r.start(TestXid.fresh("b1"), TMNOFLAGS);
        assertXaError(XAER_PROTO, () -> r.start(TestXid.fresh("b2"), TMNOFLAGS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void joinOrResumeOfAnUnknownBranchIsNota(TestDatabase db) throws Exception {
        XAResource r = xaSession(db).getXAResource();
        assertXaError(XAER_NOTA, () -> r.start(TestXid.fresh("b1"), TMJOIN));
        assertXaError(XAER_NOTA, () -> r.start(TestXid.fresh("b1"), TMRESUME));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void resumeOfABranchThisSessionDidNotSuspendIsProtocolError(TestDatabase db) throws Exception {
        XAResource a = xaSession(db).getXAResource();
        XAResource b = xaSession(db).getXAResource();
        TestXid xid = TestXid.fresh("b1");
        a.start(xid, TMNOFLAGS);
        a.end(xid, TMSUSPEND);
        assertXaError(XAER_PROTO, () -> b.start(xid, TMRESUME));
        assertXaError(XAER_PROTO, () -> a.end(xid, TMSUSPEND));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void invalidFlagsAndNullXidsAreInvalid(TestDatabase db) throws Exception {
        XAResource r = xaSession(db).getXAResource();
        TestXid xid = TestXid.fresh("b1");
        assertXaError(XAER_INVAL, () -> r.start(xid, TMSUCCESS));
        assertXaError(XAER_INVAL, () -> r.start(null, TMNOFLAGS));
        r.start(xid, TMNOFLAGS);
        assertXaError(XAER_INVAL, () -> r.end(xid, TMJOIN));
        assertXaError(XAER_INVAL, () -> r.recover(TMJOIN));
        assertXaError(XAER_INVAL, () -> r.setTransactionTimeout(-1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void endOfAnUnknownBranchIsNotaAndOfAnUnassociatedOneIsProtocolError(TestDatabase db) throws Exception {
        XAResource a = xaSession(db).getXAResource();
        XAResource b = xaSession(db).getXAResource();
        TestXid xid = TestXid.fresh("b1");
        assertXaError(XAER_NOTA, () -> a.end(xid, TMSUCCESS));
        a.start(xid, TMNOFLAGS);
        assertXaError(XAER_PROTO, () -> b.end(xid, TMSUCCESS));
        a.end(xid, TMSUCCESS);
        assertXaError(XAER_PROTO, () -> a.end(xid, TMSUCCESS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void prepareOrCommitOfAnAssociatedBranchIsProtocolError(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b1");
        r.start(xid, TMNOFLAGS);
        send(s, s.createQueue(unique("q")), "x");
        assertXaError(XAER_PROTO, () -> r.prepare(xid));
        assertXaError(XAER_PROTO, () -> r.commit(xid, true));
        assertXaError(XAER_PROTO, () -> r.rollback(xid));
        r.end(xid, TMSUSPEND);
        assertXaError(XAER_PROTO, () -> r.prepare(xid));
        r.start(xid, TMRESUME);
        r.end(xid, TMSUCCESS);
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        r.rollback(xid);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void prepareOfABranchThatDidNothingIsReadOnlyAndForgetsIt(TestDatabase db) throws Exception {
        XAResource r = xaSession(db).getXAResource();
        TestXid xid = TestXid.fresh("b1");
        r.start(xid, TMNOFLAGS);
        r.end(xid, TMSUCCESS);
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_RDONLY);
        assertXaError(XAER_NOTA, () -> r.commit(xid, false));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onePhaseCommitOfAPreparedBranchAndTwoPhaseCommitOfAnUnpreparedOneAreProtocolErrors(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        XAResource r = s.getXAResource();
        Queue q = s.createQueue(unique("q"));
        TestXid prepared = TestXid.fresh("p");
        r.start(prepared, TMNOFLAGS);
        send(s, q, "prepared");
        r.end(prepared, TMSUCCESS);
        r.prepare(prepared);
        assertXaError(XAER_PROTO, () -> r.commit(prepared, true));
        assertXaError(XAER_PROTO, () -> r.prepare(prepared));

        TestXid ended = TestXid.fresh("e");
        r.start(ended, TMNOFLAGS);
        send(s, q, "ended");
        r.end(ended, TMSUCCESS);
        assertXaError(XAER_PROTO, () -> r.commit(ended, false));

        r.commit(prepared, false);
        r.commit(ended, true);
        assertThat(contents(db, q)).containsExactlyInAnyOrder("prepared", "ended");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void decisionsOnAnUnknownXidAreNota(TestDatabase db) throws Exception {
        XAResource r = xaSession(db).getXAResource();
        assertXaError(XAER_NOTA, () -> r.prepare(TestXid.fresh("x")));
        assertXaError(XAER_NOTA, () -> r.commit(TestXid.fresh("x"), true));
        assertXaError(XAER_NOTA, () -> r.commit(TestXid.fresh("x"), false));
        assertXaError(XAER_NOTA, () -> r.rollback(TestXid.fresh("x")));
        assertXaError(XAER_NOTA, () -> r.forget(TestXid.fresh("x")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void forgetOfABranchThatWasNotHeuristicallyCompletedIsProtocolError(TestDatabase db) throws Exception {
        XAResource r = xaSession(db).getXAResource();
        TestXid xid = TestXid.fresh("b1");
        r.start(xid, TMNOFLAGS);
        r.end(xid, TMSUCCESS);
        assertXaError(XAER_PROTO, () -> r.forget(xid));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void endWithFailMakesThePrepareRollBackAndRedeliversTheConsumedMessage(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("q"));
        send(connection(db).createSession(), q, "m");
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b1");
        r.start(xid, TMNOFLAGS);
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("m");
        send(s, q, "never");
        r.end(xid, TMFAIL);
        assertXaError(XA_RBROLLBACK, () -> r.prepare(xid));
        var again = connection(db).createSession().createConsumer(q).receive(5000);
        assertThat(text(again)).isEqualTo("m");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void joiningABranchThatAnotherSessionEndedWithFailIsRefusedWithItsRollbackCode(TestDatabase db) throws Exception {
        XAResource a = xaSession(db).getXAResource();
        XAResource b = xaSession(db).getXAResource();
        TestXid xid = TestXid.fresh("b1");
        a.start(xid, TMNOFLAGS);
        a.end(xid, TMFAIL);
        assertXaError(XA_RBROLLBACK, () -> b.start(xid, TMJOIN));
        assertXaError(XA_RBROLLBACK, () -> b.commit(xid, true));
        assertXaError(XAER_NOTA, () -> b.rollback(xid));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recoverScanNeedsStartAndListsPreparedBranchesOnce(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b1");
        r.start(xid, TMNOFLAGS);
        send(s, s.createQueue(unique("q")), "x");
        r.end(xid, TMSUCCESS);
        r.prepare(xid);
        assertXaError(XAER_INVAL, () -> r.recover(TMNOFLAGS));
        assertXaError(XAER_INVAL, () -> r.recover(TMENDRSCAN));
        assertThat(r.recover(TMSTARTRSCAN)).anySatisfy(x -> assertSameXid(x, xid));
        assertThat(r.recover(TMNOFLAGS)).isEmpty();
        assertThat(r.recover(TMENDRSCAN)).isEmpty();
        assertThat(r.recover(TMSTARTRSCAN | TMENDRSCAN)).anySatisfy(x -> assertSameXid(x, xid));
        r.rollback(xid);
        assertThat(r.recover(TMSTARTRSCAN | TMENDRSCAN)).noneSatisfy(x -> assertSameXid(x, xid));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void isSameRMIsTrueForTheSameStoreOnly(TestDatabase db) throws Exception {
        XAResource a = xaSession(db).getXAResource();
        XAResource b = xaSession(db).getXAResource();
        var other = new org.tablemq.jms.TableMQConnectionFactory(TestDatabase.H2.url());
        other.setTablePrefix(TestDatabase.uniquePrefix());
        XAResource c = closeLater(other.createXAConnection()).createXASession().getXAResource();
        assertThat(a.isSameRM(b)).isTrue();
        assertThat(a.isSameRM(c)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void transactionTimeoutIsSetResetAndValidated(TestDatabase db) throws Exception {
        XAResource r = xaSession(db).getXAResource();
        int standard = r.getTransactionTimeout();
        assertThat(standard).isPositive();
        assertThat(r.setTransactionTimeout(7)).isTrue();
        assertThat(r.getTransactionTimeout()).isEqualTo(7);
        assertThat(r.setTransactionTimeout(0)).isTrue();
        assertThat(r.getTransactionTimeout()).isEqualTo(standard);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void errorsNameTheXid(TestDatabase db) throws Exception {
        XAResource r = xaSession(db).getXAResource();
        TestXid xid = TestXid.fresh("named");
        assertThatThrownBy(() -> r.commit(xid, false)).isInstanceOf(XAException.class)
                .hasMessageContaining(org.tablemq.jms.store.XidKey.of(xid).toString()).hasMessageContaining("XAER_NOTA");
    }

    static void assertSameXid(javax.transaction.xa.Xid actual, javax.transaction.xa.Xid expected) {
        assertThat(org.tablemq.jms.store.XidKey.of(actual)).isEqualTo(org.tablemq.jms.store.XidKey.of(expected));
    }
}
