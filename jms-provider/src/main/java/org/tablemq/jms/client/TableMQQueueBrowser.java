package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.message.TableMQMessage;
import org.tablemq.jms.selector.Selector;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.StoredMessage;

/**
 * A QueueBrowser: an Enumeration that reads the queue page by page with {@code MessageStore.browse}, claiming
 * nothing, and shows the messages its selector matches.
 */
public class TableMQQueueBrowser implements QueueBrowser {

    private static final System.Logger LOG = Log.of(TableMQQueueBrowser.class);
    private static final int PAGE = 100;

    private final TableMQSession session;
    private final Queue queue;
    private final String selectorText;
    private final Selector selector;
    private final Endpoint endpoint;
    private final ClosedState closed;

    TableMQQueueBrowser(TableMQSession session, String description, Queue queue, String selectorText, Selector selector,
                        Endpoint endpoint) {
        this.session = session;
        this.queue = queue;
        this.selectorText = selectorText;
        this.selector = selector;
        this.endpoint = endpoint;
        this.closed = new ClosedState(description);
    }

    @Override
    public Queue getQueue() throws JMSException {
        closed.check();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        closed.check();
        return selectorText;
    }

    @Override
    public Enumeration<?> getEnumeration() throws JMSException {
        closed.check();
        session.checkOpen();
        return new Pages();
    }

    @Override
    public void close() throws JMSException {
        if (closed.close()) {
            session.browserClosed(this);
        }
    }

    /** Reads the next page only when the current one is used up. */
    private final class Pages implements Enumeration<Message> {
        private final Deque<Message> page = new ArrayDeque<>();
        private long afterId;
        private boolean exhausted;

        @Override
        public boolean hasMoreElements() {
            while (page.isEmpty() && !exhausted && !closed.isClosed()) {
                fetch();
            }
            return !page.isEmpty();
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("No more messages on " + endpoint + " for " + closed.description());
            }
            return page.removeFirst();
        }

        private void fetch() {
            List<StoredMessage> got;
            try {
                got = session.storeGateway().call("browse " + endpoint, s -> s.browse(endpoint, afterId, PAGE));
            } catch (JMSException e) {
                // Enumeration cannot throw checked exceptions: end the enumeration and say why.
                LOG.log(System.Logger.Level.WARNING, () -> "Browsing " + endpoint + " ended early: " + e.getMessage());
                exhausted = true;
                return;
            }
            exhausted = got.size() < PAGE;
            for (StoredMessage m : got) {
                afterId = Math.max(afterId, m.id());
                try {
                    TableMQMessage msg = IncomingMessages.decode(m, session.connection().deserializationPolicy(), endpoint.description());
                    msg.setReadOnly();
                    if (selector == null || selector.matches(msg)) {
                        page.add(msg);
                    }
                } catch (JMSException e) {
                    LOG.log(System.Logger.Level.WARNING, () -> "Browser skips undecodable message " + m.id() + " on " + endpoint + ": " + e.getMessage());
                }
            }
        }
    }
}
