package org.tablemq.ra.admin;

import javax.naming.NamingException;
import javax.naming.Reference;
import org.tablemq.jms.TableMQTopic;

/**
 * A topic as an administered object of the adapter ({@code java:/jms/topic/...} in ironjacamar.xml, or an
 * application's {@code @AdministeredObjectDefinition}): the provider's {@link TableMQTopic} (JavaBean property
 * {@code name}), plus the {@code jakarta.resource.Referenceable} contract the server uses to bind it (JCA 2.1 §13.4.2.3).
 */
public class TableMQAdminTopic extends TableMQTopic implements jakarta.resource.Referenceable {

    private static final long serialVersionUID = 1L;

    private Reference reference;

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    /** The server's reference once bound (lookups then go through the server); the provider's own before. */
    @Override
    public Reference getReference() throws NamingException {
        return reference != null ? reference : super.getReference();
    }
}
