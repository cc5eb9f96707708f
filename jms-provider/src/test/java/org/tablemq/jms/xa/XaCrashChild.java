package org.tablemq.jms.xa;

import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.tablemq.jms.TableMQConnectionFactory;

/**
 * The child JVM of the crash tests: prepares XA branches that send and consume, prints what it did, and then
 * waits to be killed with SIGKILL before any decision.
 * <p>
 * Arguments: {@code mode url user prefix queue [narayanaDir nodeName]}. Modes:
 * <ul>
 *   <li>{@code manual}: prepares two branches by hand (each consumes one message and sends {@code <branch>-sent}),
 *       prints {@code PREPARED <branch> <formatId> <gtrid hex> <bqual hex>} for each, then {@code READY};</li>
 *   <li>{@code decided}: one Narayana transaction over a {@link HaltingResource} and TableMQ that halts in the
 *       commit phase, after Narayana logged its decision to commit;</li>
 *   <li>{@code undecided}: the same, halting in the prepare phase after TableMQ prepared: no decision is logged.</li>
 * </ul>
 */
public final class XaCrashChild {

    private XaCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        TableMQConnectionFactory f = new TableMQConnectionFactory(args[1]);
        f.setUser(args[2]);
        f.setTablePrefix(args[3]);
        XAConnection connection = f.createXAConnection();
        connection.start();
        XASession s = connection.createXASession();
        Queue q = s.createQueue(args[4]);
        MessageConsumer consumer = s.createConsumer(q);
        XAResource r = s.getXAResource();
        if (mode.equals("manual")) {
            for (String branch : new String[] {"commit-me", "roll-me-back"}) {
                Xid xid = TestXid.fresh(branch);
                r.start(xid, XAResource.TMNOFLAGS);
                String consumed = ((TextMessage) consumer.receive(10_000)).getText();
                s.createProducer(q).send(s.createTextMessage(branch + "-sent"));
                r.end(xid, XAResource.TMSUCCESS);
                r.prepare(xid);
                HexFormat hex = HexFormat.of();
                System.out.println("PREPARED " + branch + " " + xid.getFormatId() + " " + hex.formatHex(xid.getGlobalTransactionId())
                        + " " + hex.formatHex(xid.getBranchQualifier()) + " consumed " + consumed);
            }
        } else {
            TransactionManager tm = Narayana.transactionManager(Path.of(args[5]), args[6]);
            tm.begin();
            if (mode.equals("decided")) {
                tm.getTransaction().enlistResource(new HaltingResource("commit"));
                tm.getTransaction().enlistResource(r);
            } else {
                tm.getTransaction().enlistResource(r);
                tm.getTransaction().enlistResource(new HaltingResource("prepare"));
            }
            String consumed = ((TextMessage) consumer.receive(10_000)).getText();
            s.createProducer(q).send(s.createTextMessage(mode + "-sent"));
            System.out.println("CONSUMED " + consumed);
            System.out.flush();
            tm.commit(); // halts inside, never returns
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Parses the Xid part of a {@code PREPARED} line. */
    static Xid xidOf(String line) {
        String[] p = line.split(" ");
        HexFormat hex = HexFormat.of();
        return new TestXid(Integer.parseInt(p[2]), hex.parseHex(p[3]), hex.parseHex(p[4]));
    }
}
