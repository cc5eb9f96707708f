package org.tablemq.jms;

import java.io.Serializable;

import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;

import jakarta.jms.Destination;

import org.tablemq.jms.store.DestinationRef;

/**
 * A TableMQ queue or topic: a kind and a name, nothing else. Two destinations are equal when kind and name are,
 * whichever object or subclass carries them. JNDI binds them by {@link Reference} through
 * {@link TableMQObjectFactory}.
 */
public abstract class TableMQDestination implements Destination, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    /** The address of the destination's name in its JNDI {@link Reference}. */
    public static final String NAME_REF_ADDR = "name";

    private String name;

    protected TableMQDestination() {
    }

    protected TableMQDestination(String name) {
        setName(name);
    }

    /** The destination's name; null only on a bean whose {@code setName} has not been called yet. */
    public String getName() {
        return name;
    }

    /** Sets the name (JavaBean property, so a resource adapter can declare the destination as an admin object). */
    public void setName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A " + kind().name().toLowerCase() + " name must not be null or empty");
        }
        this.name = name;
    }

    /** Queue or topic. */
    public abstract DestinationRef.Kind kind();

    /** Whether this is a temporary queue or topic (the codec records it so a reply-to keeps its nature). */
    public boolean isTemporary() {
        return false;
    }

    /** The store's view of this destination. */
    public DestinationRef toRef() {
        if (name == null) {
            throw new IllegalStateException("The " + kind().name().toLowerCase() + " has no name: call setName first");
        }
        return new DestinationRef(name, kind(), isTemporary());
    }

    /**
     * A reference naming {@link TableMQQueue} or {@link TableMQTopic} (not a subclass, such as a resource adapter's
     * admin-object class), so that {@link TableMQObjectFactory} can always rebuild it: a destination is its kind and
     * name, nothing more.
     */
    @Override
    public Reference getReference() throws NamingException {
        String className = (kind() == DestinationRef.Kind.QUEUE ? TableMQQueue.class : TableMQTopic.class).getName();
        Reference ref = new Reference(className, TableMQObjectFactory.class.getName(), null);
        ref.add(new StringRefAddr(NAME_REF_ADDR, name));
        return ref;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableMQDestination d && kind() == d.kind() && java.util.Objects.equals(name, d.name);
    }

    @Override
    public int hashCode() {
        return kind().hashCode() * 31 + java.util.Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return (isTemporary() ? "temporary " : "") + kind().name().toLowerCase() + " '" + name + "'";
    }
}
