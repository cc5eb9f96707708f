package org.tablemq.arquillian.container;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Delivery attempts recorded outside any transaction (a plain in-memory list), so attempts whose transaction
 * rolled back remain visible to the test, which runs in the same deployment.
 */
public final class Attempts {

    private static final ConcurrentLinkedQueue<Attempt> SEEN = new ConcurrentLinkedQueue<>();

    private Attempts() {
    }

    static void record(String listener, Message message) throws JMSException {
        SEEN.add(new Attempt(listener, message.getStringProperty(ItResources.KEY), message.getJMSRedelivered(),
                message.getIntProperty("JMSXDeliveryCount")));
    }

    public static List<Attempt> of(String key) {
        return SEEN.stream().filter(a -> key.equals(a.key())).toList();
    }
}
