package org.tablemq.ra.testing;

import jakarta.jms.XAConnectionFactory;
import org.junit.jupiter.api.Assumptions;
import org.tablemq.jms.TableMQConnectionFactory;

/** XA needs the provider's XAConnectionFactory; tests of XA behaviour are skipped, saying so, until it exists. */
public final class XaSupport {

    private XaSupport() {
    }

    public static boolean available() {
        return XAConnectionFactory.class.isAssignableFrom(TableMQConnectionFactory.class);
    }

    public static void assumeXa() {
        Assumptions.assumeTrue(available(),
                "the TableMQ provider on the class path has no XAConnectionFactory yet; XA behaviour cannot be tested");
    }
}
