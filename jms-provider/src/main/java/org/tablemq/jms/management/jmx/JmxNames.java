package org.tablemq.jms.management.jmx;

import java.util.HexFormat;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.tablemq.jms.management.SubscriptionName;
import org.tablemq.jms.store.XidKey;

/** The object names of TableMQ's MBeans, and the text form of a Xid that JMX operations take. */
final class JmxNames {

    static final String DOMAIN = "org.tablemq";

    private JmxNames() {
    }

    static ObjectName store(String node) throws MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=Store,store=" + ObjectName.quote(node));
    }

    static ObjectName queue(String node, String queue) throws MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=Queue,store=" + ObjectName.quote(node) + ",name=" + ObjectName.quote(queue));
    }

    static ObjectName subscription(String node, SubscriptionName s) throws MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=Subscription,store=" + ObjectName.quote(node)
                + ",topic=" + ObjectName.quote(s.topic()) + ",name=" + ObjectName.quote(s.name())
                + ",clientId=" + ObjectName.quote(String.valueOf(s.clientId())) + ",durable=" + s.durable());
    }

    /** {@code formatId:gtridHex:bqualHex}. */
    static String xid(javax.transaction.xa.Xid xid) {
        HexFormat hex = HexFormat.of();
        return xid.getFormatId() + ":" + hex.formatHex(xid.getGlobalTransactionId()) + ":"
                + hex.formatHex(xid.getBranchQualifier());
    }

    static XidKey parseXid(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A Xid is written formatId:gtridHex:bqualHex, not '" + text + "'");
        }
        HexFormat hex = HexFormat.of();
        return new XidKey(Integer.parseInt(parts[0]), hex.parseHex(parts[1]), hex.parseHex(parts[2]));
    }
}
