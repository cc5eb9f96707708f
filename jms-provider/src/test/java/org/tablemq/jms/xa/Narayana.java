package org.tablemq.jms.xa;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.jta.common.JTAEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;

/**
 * Narayana as a plain Java SE transaction manager, configured once per JVM before any other Narayana class is
 * touched: its object store (the transaction log) in {@code dir}, a node name that recovery filters on, and no
 * XAResource timeout of its own, so each test decides its resources' timeouts.
 */
final class Narayana {

    private static TransactionManager tm;

    private Narayana() {
    }

    static synchronized TransactionManager transactionManager(Path dir, String nodeName) throws Exception {
        if (tm == null) {
            configure(dir, nodeName);
            tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        }
        return tm;
    }

    static void configure(Path dir, String nodeName) throws Exception {
        String store = dir.toString();
        BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(store);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore").setObjectStoreDir(store);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(store);
        BeanPopulator.getDefaultInstance(CoreEnvironmentBean.class).setNodeIdentifier(nodeName);
        JTAEnvironmentBean jta = BeanPopulator.getDefaultInstance(JTAEnvironmentBean.class);
        jta.setXaTransactionTimeoutEnabled(false);
        jta.setXaRecoveryNodes(java.util.List.of(nodeName));
    }
}
