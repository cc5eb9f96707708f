package org.tablemq.ra.testing;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.nio.file.Files;

/** Narayana as the transaction manager of out-of-container tests: one per test JVM, its object store in a temp folder. */
public final class Narayana {

    private static TransactionManager tm;

    private Narayana() {
    }

    public static synchronized TransactionManager transactionManager() {
        if (tm == null) {
            try {
                String dir = Files.createTempDirectory("tablemq-ra-narayana").toString();
                BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(dir);
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore").setObjectStoreDir(dir);
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(dir);
                BeanPopulator.getDefaultInstance(CoreEnvironmentBean.class).setNodeIdentifier("tablemq-ra-test");
            } catch (IOException | CoreEnvironmentBeanException e) {
                throw new IllegalStateException("Cannot set up Narayana for the tests", e);
            }
            tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        }
        return tm;
    }
}
