package org.tablemq.jms;

import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * Turns the JNDI {@link Reference}s that TableMQ's administered objects produce back into objects. One case per
 * class name; a reference this factory does not know yields null, as {@link ObjectFactory} asks.
 */
public class TableMQObjectFactory implements ObjectFactory {

    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment) {
        if (!(obj instanceof Reference ref)) {
            return null;
        }
        String className = ref.getClassName();
        if (className == null) {
            return null;
        }
        switch (className) {
            case "org.tablemq.jms.TableMQQueue":
                return new TableMQQueue(nameOf(ref));
            case "org.tablemq.jms.TableMQTopic":
                return new TableMQTopic(nameOf(ref));
            case "org.tablemq.jms.TableMQConnectionFactory":
                return TableMQConnectionFactory.fromReference(ref);
            default:
                return null;
        }
    }

    private static String nameOf(Reference ref) {
        RefAddr addr = ref.get(TableMQDestination.NAME_REF_ADDR);
        if (addr == null || !(addr.getContent() instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("The JNDI reference to a " + ref.getClassName()
                    + " has no '" + TableMQDestination.NAME_REF_ADDR + "' address");
        }
        return s;
    }
}
