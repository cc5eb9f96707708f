package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.tablemq.jms.internal.Log;

/**
 * Runs an application MessageListener for a JMSContext: marks the thread (so the context refuses close/stop
 * from inside), acknowledges in AUTO/DUPS_OK mode once {@code onMessage} returns, and, as the spec says for
 * AUTO mode, has a message whose listener threw delivered again at once.
 */
final class TableMQContextListener implements MessageListener {

    private static final System.Logger LOG = Log.of(TableMQContextListener.class);

    private final TableMQContext context;
    private final MessageListener listener;

    TableMQContextListener(TableMQContext context, MessageListener listener) {
        this.context = context;
        this.listener = listener;
    }

    @Override
    public void onMessage(Message message) {
        TableMQContextCallbacks.inListener(context, () -> deliver(message));
    }

    private void deliver(Message message) {
        context.acks().delivering(message);
        try {
            listener.onMessage(message);
        } catch (RuntimeException e) {
            // a listener that throws is an application error; the spec says what happens to the message
            LOG.log(System.Logger.Level.WARNING, () -> "MessageListener " + listener + " threw on message "
                    + idOf(message) + (context.acks().eachMessage() ? "; it will be delivered again" : ""), e);
            if (context.acks().eachMessage()) {
                context.recoverSession();
            }
            return;
        }
        try {
            context.acks().consumed(message);
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "Cannot acknowledge message " + idOf(message)
                    + " after its MessageListener returned; it may be delivered again", e);
        } catch (JMSRuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "Cannot acknowledge message " + idOf(message)
                    + " after its MessageListener returned; it may be delivered again", e);
        }
    }

    private static String idOf(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(id unavailable)";
        }
    }
}
