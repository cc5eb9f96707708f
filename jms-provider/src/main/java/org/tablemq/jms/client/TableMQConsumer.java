package org.tablemq.jms.client;

import static org.tablemq.jms.client.TableMQContextCalls.call;
import static org.tablemq.jms.client.TableMQContextCalls.run;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageListener;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;
import org.tablemq.jms.internal.JmsErrors;

/**
 * The simplified API's JMSConsumer over a classic MessageConsumer of its context's session.
 * <p>
 * {@code receiveBody} follows the spec's three cases when the body cannot be returned: in AUTO/DUPS_OK mode the
 * message is held back unacknowledged and is the next one any receive of this consumer returns (not a
 * redelivery); in CLIENT and transacted mode it counts as consumed, to be acknowledged, recovered or rolled back.
 */
public final class TableMQConsumer implements JMSConsumer {

    private final TableMQContext context;
    private final MessageConsumer consumer;
    private volatile MessageListener listener;
    /** AUTO/DUPS_OK: a message receiveBody could not convert, still unacknowledged, delivered again next. */
    private volatile Message heldBack;

    TableMQConsumer(TableMQContext context, MessageConsumer consumer) {
        this.context = context;
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        call(consumer::getMessageListener); // the classic consumer checks the closed state
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        giveUpHeldBack();
        run(() -> consumer.setMessageListener(listener == null ? null : new TableMQContextListener(context, listener)));
        this.listener = listener;
    }

    @Override
    public Message receive() {
        return handOut(takeHeldBackOr(consumer::receive));
    }

    @Override
    public Message receive(long timeout) {
        return handOut(takeHeldBackOr(() -> consumer.receive(timeout)));
    }

    @Override
    public Message receiveNoWait() {
        return handOut(takeHeldBackOr(consumer::receiveNoWait));
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return body(takeHeldBackOr(consumer::receive), c);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return body(takeHeldBackOr(() -> consumer.receive(timeout)), c);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return body(takeHeldBackOr(consumer::receiveNoWait), c);
    }

    @Override
    public void close() {
        try {
            run(consumer::close);
        } finally {
            context.consumerClosed(this);
            giveUpHeldBack();
        }
    }

    /** The context recovered its session: a held-back message comes back from the provider as a redelivery. */
    void forgetHeldBack() {
        heldBack = null;
    }

    /** Nobody will receive a held-back message here any more: let the session redeliver it. */
    private void giveUpHeldBack() {
        if (heldBack != null) {
            heldBack = null;
            context.heldBackGivenUp();
        }
    }

    private Message takeHeldBackOr(TableMQContextCalls.JmsSupplier<Message> receive) {
        context.checkOpen("receive");
        Message m = heldBack;
        if (m != null) {
            heldBack = null;
            context.acks().heldBackReleased();
            return m;
        }
        return call(receive);
    }

    private Message handOut(Message m) {
        if (m != null) {
            run(() -> context.acks().consumed(m));
        }
        return m;
    }

    private <T> T body(Message m, Class<T> type) {
        if (m == null) {
            return null;
        }
        T body;
        try {
            body = extract(m, type);
        } catch (MessageFormatRuntimeException e) {
            if (context.acks().eachMessage()) {
                heldBack = m; // as if this call had not happened: unacknowledged, next in line, not redelivered
                context.acks().holdingBack();
            } else {
                run(() -> context.acks().consumed(m)); // CLIENT/transacted: consumed; ack, recover or rollback decide
            }
            throw e;
        }
        run(() -> context.acks().consumed(m));
        return body;
    }

    private static <T> T extract(Message m, Class<T> type) {
        if (!(m instanceof TextMessage || m instanceof BytesMessage || m instanceof MapMessage || m instanceof ObjectMessage)) {
            throw new MessageFormatRuntimeException("Cannot receive the body of message " + id(m) + " as "
                    + type.getName() + ": receiveBody supports Text, Bytes, Map and Object messages only, not "
                    + kind(m));
        }
        try {
            // getBody, not isBodyAssignableTo first: that one answers a bare false for an ObjectMessage body it may
            // not deserialize, where getBody says why (the class refused, the trustedPackages option, a limit)
            T body = m.getBody(type);
            if (body == null) {
                throw new MessageFormatRuntimeException("Cannot receive the body of " + kind(m) + " " + id(m)
                        + ": it has no body");
            }
            return body;
        } catch (MessageFormatException e) {
            throw new MessageFormatRuntimeException("Cannot receive the body of " + kind(m) + " " + id(m) + " as "
                    + type.getName() + ": " + e.getMessage(), e.getErrorCode(), e);
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        }
    }

    private static String kind(Message m) {
        if (m instanceof TextMessage) {
            return "TextMessage";
        } else if (m instanceof BytesMessage) {
            return "BytesMessage";
        } else if (m instanceof MapMessage) {
            return "MapMessage";
        } else if (m instanceof ObjectMessage) {
            return "ObjectMessage";
        }
        return m instanceof jakarta.jms.StreamMessage ? "StreamMessage" : "Message";
    }

    private static String id(Message m) {
        try {
            return String.valueOf(m.getJMSMessageID());
        } catch (JMSException e) {
            return "(id unavailable)";
        }
    }

    @Override
    public String toString() {
        return "TableMQConsumer[" + consumer + "]";
    }
}
