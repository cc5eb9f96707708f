package org.tablemq.jms.message;

import java.util.Locale;
import java.util.Set;

/**
 * Which property names an application may set (Jakarta Messaging 3.1 sections 3.5.1, 3.5.9, 3.8.1.1): a
 * selector identifier (Java identifier rules) that is not a selector keyword, not a header field name, and not
 * a JMSX or provider-reserved name other than the JMSX names applications set themselves (JMSXGroupID,
 * JMSXGroupSeq).
 */
final class PropertyNames {

    static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    static final String GROUP_ID = "JMSXGroupID";
    static final String GROUP_SEQ = "JMSXGroupSeq";
    /** Prefix of the properties TableMQ itself sets (dead-letter reason and origin). */
    static final String PROVIDER_PREFIX = "JMS_TableMQ";

    private static final Set<String> KEYWORDS = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private static final Set<String> HEADERS = Set.of("JMSDestination", "JMSDeliveryMode", "JMSMessageID",
            "JMSTimestamp", "JMSCorrelationID", "JMSReplyTo", "JMSRedelivered", "JMSType", "JMSExpiration",
            "JMSPriority", "JMSDeliveryTime");

    private PropertyNames() {
    }

    /** Refuses a name no property may have, whoever sets it. */
    static void checkIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A property name must not be null or empty");
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            throw new IllegalArgumentException("Property name '" + name
                    + "' is not a valid identifier: it must start with a Java identifier start character");
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                throw new IllegalArgumentException("Property name '" + name + "' is not a valid identifier: '"
                        + name.charAt(i) + "' at index " + i + " is not a Java identifier character");
            }
        }
        if (KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Property name '" + name
                    + "' is a message selector keyword and cannot name a property");
        }
    }

    /** Refuses, besides invalid identifiers, the names the spec reserves for headers and the provider. */
    static void checkApplicationName(String name) {
        checkIdentifier(name);
        if (HEADERS.contains(name)) {
            throw new IllegalArgumentException("Property name '" + name
                    + "' is a message header field: use its setJMS... method");
        }
        if (name.startsWith("JMSX") && !name.equals(GROUP_ID) && !name.equals(GROUP_SEQ)) {
            throw new IllegalArgumentException("Property name '" + name
                    + "' is reserved: applications may set only JMSXGroupID and JMSXGroupSeq among the JMSX properties");
        }
        if (name.startsWith(PROVIDER_PREFIX)) {
            throw new IllegalArgumentException("Property name '" + name + "' is reserved for TableMQ itself");
        }
    }
}
