package org.tablemq.ra.outbound;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

/**
 * Every use of the Messaging API that a Jakarta EE web or Enterprise Beans container forbids, refused in one place.
 * The rules are Jakarta Messaging 3.1 §12.2 "Restrictions on the use of Jakarta Messaging API in the Jakarta EE web
 * container or Enterprise Beans container" and §12.3 "Behaviour of Jakarta Messaging sessions in the Jakarta EE web
 * container or Enterprise Beans container"; each message cites the section so a developer can look it up.
 * <p>
 * The objects the adapter hands to applications (connection, session, producer, consumer, JMSContext) call these
 * methods; the provider underneath stays unrestricted for Java SE and for the adapter's own inbound consumers.
 */
public final class ContainerRestrictions {

    static final String RULES = "Jakarta Messaging 3.1 §12.2 (restrictions on the use of the Messaging API in the "
            + "Jakarta EE web or Enterprise Beans container)";
    static final String SESSION_RULES = "Jakarta Messaging 3.1 §12.3 (behaviour of sessions in the Jakarta EE web "
            + "or Enterprise Beans container)";

    /** The forbidden calls, each with the reason the rule gives. */
    public enum Forbidden {
        SECOND_SESSION("Connection.createSession while the connection has an open session",
                "an application may have only one active session per connection"),
        CONTEXT_CREATE_CONTEXT("JMSContext.createContext",
                "the first JMSContext already holds the connection's one session"),
        SESSION_SET_MESSAGE_LISTENER("Session.setMessageListener", "asynchronous receipt is for message-driven beans only"),
        SESSION_GET_MESSAGE_LISTENER("Session.getMessageListener", "asynchronous receipt is for message-driven beans only"),
        SESSION_RUN("Session.run", "it is meant for the application server, which manages the threads"),
        CONNECTION_CONSUMER("Connection.create*ConnectionConsumer", "it is meant for the application server, which manages the threads"),
        CONSUMER_SET_MESSAGE_LISTENER("MessageConsumer.setMessageListener", "asynchronous receipt is for message-driven beans only"),
        CONSUMER_GET_MESSAGE_LISTENER("MessageConsumer.getMessageListener", "asynchronous receipt is for message-driven beans only"),
        JMS_CONSUMER_SET_MESSAGE_LISTENER("JMSConsumer.setMessageListener", "asynchronous receipt is for message-driven beans only"),
        JMS_CONSUMER_GET_MESSAGE_LISTENER("JMSConsumer.getMessageListener", "asynchronous receipt is for message-driven beans only"),
        SET_CLIENT_ID("setClientID", "the container manages connections; set the client id on the connection factory "
                + "(option clientId) instead"),
        STOP("stop", "the container manages connections"),
        SET_EXCEPTION_LISTENER("setExceptionListener", "the container manages connections"),
        ASYNC_SEND("an asynchronous send (with a CompletionListener)", "asynchronous sends are not permitted"),
        LOCAL_TRANSACTION("commit/rollback of a session", "sessions are non-transacted outside a Jakarta transaction "
                + "and are committed with it inside one (" + SESSION_RULES + ")");

        private final String call;
        private final String reason;

        Forbidden(String call, String reason) {
            this.call = call;
            this.reason = reason;
        }

        /** The message every refusal of this call carries. */
        public String message() {
            return call + " is not allowed in a Jakarta EE web or Enterprise Beans container: " + reason + " ("
                    + (this == LOCAL_TRANSACTION ? SESSION_RULES : RULES) + ")";
        }
    }

    private ContainerRestrictions() {
    }

    /** The refusal for a method that may throw JMSException. */
    public static JMSException refuse(Forbidden call) {
        return new IllegalStateException(call.message(), "TMQ_CONTAINER_RESTRICTION");
    }

    /** The refusal for a method of the simplified API, which throws unchecked exceptions. */
    public static JMSRuntimeException refuseRuntime(Forbidden call) {
        return new IllegalStateRuntimeException(call.message(), "TMQ_CONTAINER_RESTRICTION");
    }
}
