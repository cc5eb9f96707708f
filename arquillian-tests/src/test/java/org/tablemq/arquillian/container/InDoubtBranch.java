package org.tablemq.arquillian.container;

import java.nio.file.Path;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;

import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.jta.xa.XidImple;

/**
 * Leaves a prepared branch in the adapter's store, as a server crash between prepare and commit would: a message
 * sent under an Xid in the format of this server's transaction manager (its node name inside), prepared and never
 * decided. Only the recovery test uses TableMQ's own factory class (by name, from the deployed RAR), pointed at the
 * store the adapter uses.
 */
final class InDoubtBranch implements AutoCloseable {

    private final XAJMSContext context;
    private final Xid xid = new XidImple(new Uid(), true, null);

    InDoubtBranch() throws ReflectiveOperationException {
        XAConnectionFactory factory = (XAConnectionFactory) Class.forName("org.tablemq.jms.TableMQConnectionFactory")
                .getConstructor(String.class).newInstance(adapterStoreUrl());
        this.context = factory.createXAContext();
    }

    /** The adapter's store as its DefaultStore resolves it: the tablemq.ra.url system property or H2 under data/. */
    static String adapterStoreUrl() {
        String configured = System.getProperty("tablemq.ra.url");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return "jdbc:h2:file:" + Path.of(System.getProperty("jboss.server.data.dir"), "tablemq").toAbsolutePath().resolve("tablemq");
    }

    int prepareSend(String queue, String key) throws XAException {
        XAResource xa = context.getXAResource();
        xa.start(xid, XAResource.TMNOFLAGS);
        context.createProducer().setProperty(ItResources.KEY, key).send(context.createQueue(queue), "in doubt " + key);
        xa.end(xid, XAResource.TMSUCCESS);
        return xa.prepare(xid);
    }

    /** Whether the store still lists the branch as prepared. */
    boolean stillInDoubt() throws XAException {
        Xid[] prepared = context.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        for (Xid candidate : prepared) {
            if (new XidImple(candidate).equals(new XidImple(xid))) {
                return true;
            }
        }
        return false;
    }

    Xid xid() {
        return xid;
    }

    @Override
    public void close() {
        context.close();
    }
}
