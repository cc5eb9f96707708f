package org.tablemq.jms.xa;

import static javax.transaction.xa.XAException.XA_RBTIMEOUT;
import static javax.transaction.xa.XAResource.TMJOIN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMRESUME;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.TMSUSPEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/** What an XA session's sends and receives do inside, across and outside branches. */
class XASessionTest extends XaTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendsOfABranchAreInvisibleUntilItsOnePhaseCommit(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("q"));
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b");
        r.start(xid, TMNOFLAGS);
        send(s, q, "one", "two");
        r.end(xid, TMSUCCESS);
        MessageConsumer other = connection(db).createSession().createConsumer(q);
        assertThat(other.receive(300)).isNull();
        r.commit(xid, true);
        assertThat(drain(other)).containsExactly("one", "two");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void preparedSendsStayInvisibleAndPreparedAcksAreNotRedeliveredUntilTheCommit(TestDatabase db) throws Exception {
        Queue q = xaSession(db).createQueue(unique("q"));
        Session plain = connection(db).createSession();
        send(plain, q, "consumed");
        XASession s = xaSession(db);
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b");
        r.start(xid, TMNOFLAGS);
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("consumed");
        send(s, q, "sent");
        r.end(xid, TMSUCCESS);
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        s.close();

        MessageConsumer other = plain.createConsumer(q);
        assertThat(other.receive(500)).as("nothing of a prepared branch is deliverable").isNull();
        r.commit(xid, false);
        Message m = other.receive(5000);
        assertThat(text(m)).isEqualTo("sent");
        assertThat(other.receive(300)).as("the consumed message is gone").isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rollbackOfAPreparedBranchDropsItsSendsAndRedeliversWhatItConsumed(TestDatabase db) throws Exception {
        Queue q = xaSession(db).createQueue(unique("q"));
        send(connection(db).createSession(), q, "consumed");
        XASession s = xaSession(db);
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b");
        r.start(xid, TMNOFLAGS);
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("consumed");
        send(s, q, "dropped");
        r.end(xid, TMSUCCESS);
        r.prepare(xid);
        r.rollback(xid);
        Message again = connection(db).createSession().createConsumer(q).receive(5000);
        assertThat(text(again)).isEqualTo("consumed");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rollbackOfAnEndedBranchRedeliversWhatItConsumed(TestDatabase db) throws Exception {
        Queue q = xaSession(db).createQueue(unique("q"));
        send(connection(db).createSession(), q, "consumed");
        XASession s = xaSession(db);
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b");
        r.start(xid, TMNOFLAGS);
        MessageConsumer c = s.createConsumer(q);
        assertThat(text(c.receive(5000))).isEqualTo("consumed");
        r.end(xid, TMSUCCESS);
        r.rollback(xid);
        Message again = c.receive(5000);
        assertThat(text(again)).isEqualTo("consumed");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void outsideABranchSendsAndAcknowledgementsApplyAtOnce(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("q"));
        send(s, q, "at once");
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("at once");
        s.close();
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void commitAndRollbackOfAnXASessionAreRefusedWithTransactionInProgress(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        assertThat(s.getTransacted()).isTrue();
        assertThatThrownBy(s::commit).isInstanceOf(TransactionInProgressException.class);
        TestXid xid = TestXid.fresh("b");
        s.getXAResource().start(xid, TMNOFLAGS);
        assertThatThrownBy(s::commit).isInstanceOf(TransactionInProgressException.class).hasMessageContaining("Xid[");
        assertThatThrownBy(s::rollback).isInstanceOf(TransactionInProgressException.class);
        assertThatThrownBy(() -> s.getSession().commit()).isInstanceOf(TransactionInProgressException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sessionsJoinedToOneBranchCommitTogether(TestDatabase db) throws Exception {
        XASession a = xaSession(db);
        XASession b = xaSession(db);
        Queue q = a.createQueue(unique("q"));
        TestXid xid = TestXid.fresh("b");
        assertThat(a.getXAResource().isSameRM(b.getXAResource())).isTrue();
        a.getXAResource().start(xid, TMNOFLAGS);
        b.getXAResource().start(xid, TMJOIN);
        send(a, q, "from a");
        send(b, q, "from b");
        a.getXAResource().end(xid, TMSUCCESS);
        b.getXAResource().end(xid, TMSUCCESS);
        assertThat(a.getXAResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(contents(db, q)).isEmpty();
        b.getXAResource().commit(xid, false);
        assertThat(contents(db, q)).containsExactlyInAnyOrder("from a", "from b");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void workAfterResumeJoinsTheSuspendedBranchAndWorkWhileSuspendedDoesNot(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("q"));
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b");
        r.start(xid, TMNOFLAGS);
        send(s, q, "before suspend");
        r.end(xid, TMSUSPEND);
        send(s, q, "while suspended");
        assertThat(contents(db, q)).containsExactly("while suspended");
        r.start(xid, TMRESUME);
        send(s, q, "after resume");
        r.end(xid, TMSUCCESS);
        r.commit(xid, true);
        assertThat(contents(db, q)).containsExactly("before suspend", "after resume");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void asynchronousSendsMadeInABranchJoinItEvenWhenEndComesFirst(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("q"));
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b");
        java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
        jakarta.jms.CompletionListener listener = new jakarta.jms.CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                completed.incrementAndGet();
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };
        r.start(xid, TMNOFLAGS);
        var producer = s.createProducer(q);
        for (int i = 0; i < 20; i++) {
            producer.send(s.createTextMessage("async " + i), listener);
        }
        r.end(xid, TMSUCCESS);
        assertThat(completed).hasValue(20);
        r.rollback(xid);
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closingTheSessionLeavesItsBranchToTheTransactionManager(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("q"));
        XAResource r = s.getXAResource();
        TestXid xid = TestXid.fresh("b");
        r.start(xid, TMNOFLAGS);
        send(s, q, "kept");
        s.close();
        r.end(xid, TMSUCCESS);
        r.prepare(xid);
        r.commit(xid, false);
        assertThat(contents(db, q)).containsExactly("kept");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAbandonedBranchIsRolledBackWhenItsTimeoutExpires(TestDatabase db) throws Exception {
        Queue q = xaSession(db).createQueue(unique("q"));
        send(connection(db).createSession(), q, "held");
        XASession s = xaSession(db);
        XAResource r = s.getXAResource();
        r.setTransactionTimeout(1);
        TestXid xid = TestXid.fresh("b");
        r.start(xid, TMNOFLAGS);
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("held");
        send(s, q, "dropped");
        r.end(xid, TMSUCCESS);

        MessageConsumer other = connection(db).createSession().createConsumer(q);
        AtomicReference<Message> back = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            back.set(other.receive(200));
            return back.get() != null;
        });
        assertThat(text(back.get())).isEqualTo("held");
        assertThat(back.get().getJMSRedelivered()).isTrue();
        assertXaError(XA_RBTIMEOUT, () -> r.prepare(xid));
        assertThat(other.receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSessionStillInATimedOutBranchCannotSendIntoIt(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("q"));
        XAResource r = s.getXAResource();
        r.setTransactionTimeout(1);
        TestXid xid = TestXid.fresh("b");
        r.start(xid, TMNOFLAGS);
        var producer = s.createProducer(q);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(e -> false).until(() -> {
            try {
                producer.send(s.createTextMessage("late"));
                return false;
            } catch (TransactionRolledBackException e) {
                return true;
            }
        });
        assertXaError(XA_RBTIMEOUT, () -> r.end(xid, TMSUCCESS));
        assertThat(s.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anXAContextIsTransactedRefusesCommitAndWorksInABranch(TestDatabase db) throws Exception {
        XAJMSContext ctx = closeLater(factory(db).createXAContext());
        assertThat(ctx.getTransacted()).isTrue();
        assertThat(ctx.getContext()).isSameAs(ctx);
        assertThatThrownBy(ctx::commit).isInstanceOf(TransactionInProgressRuntimeException.class);
        assertThatThrownBy(ctx::rollback).isInstanceOf(TransactionInProgressRuntimeException.class);
        Queue q = ctx.createQueue(unique("q"));
        TestXid xid = TestXid.fresh("b");
        XAResource r = ctx.getXAResource();
        r.start(xid, TMNOFLAGS);
        ctx.createProducer().send(q, "via context");
        r.end(xid, TMSUCCESS);
        assertThat(contents(db, q)).isEmpty();
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        r.commit(xid, false);
        assertThat(contents(db, q)).containsExactly("via context");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueAndTopicXAConnectionsCreateTheirXASessions(TestDatabase db) throws Exception {
        XAQueueConnection qc = closeLater(factory(db).createXAQueueConnection());
        XATopicConnection tc = closeLater(factory(db).createXATopicConnection());
        var qs = qc.createXAQueueSession();
        var ts = tc.createXATopicSession();
        assertThat(qs.getQueueSession().getTransacted()).isTrue();
        assertThat(ts.getTopicSession().getTransacted()).isTrue();
        assertThat(qs.getXAResource().isSameRM(ts.getXAResource())).isTrue();
        assertThat(qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE).getTransacted())
                .as("an ordinary session of an XA connection").isFalse();
    }
}
