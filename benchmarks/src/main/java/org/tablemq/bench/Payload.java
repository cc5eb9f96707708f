package org.tablemq.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The 1 KiB message body. Its first eight bytes carry {@link System#nanoTime()} at the start of the send, so a
 * consumer in the same JVM measures send→receive latency without relying on a provider's timestamp resolution.
 */
final class Payload {

    private final byte[] body;

    Payload(int size) {
        body = new byte[Math.max(size, Long.BYTES)];
        Arrays.fill(body, (byte) 'x');
    }

    BytesMessage stamped(Session session) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        ByteBuffer.wrap(body).putLong(0, System.nanoTime());
        message.writeBytes(body);
        return message;
    }

    /** The send instant stamped into a received message. */
    static long sentAt(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        return bytes.readLong();
    }

    byte[] raw() {
        return body;
    }
}
