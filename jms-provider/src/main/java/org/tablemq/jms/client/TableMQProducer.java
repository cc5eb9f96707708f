package org.tablemq.jms.client;

import static org.tablemq.jms.client.TableMQContextCalls.run;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The simplified API's JMSProducer: a light bag of per-send settings (delivery mode, priority, time to live,
 * delivery delay, message id/timestamp hints, async listener, three headers and message properties) applied
 * to every message it sends through its context's one anonymous MessageProducer.
 */
public final class TableMQProducer implements JMSProducer {

    private final TableMQContext context;
    private final TableMQContextProperties properties = new TableMQContextProperties();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private CompletionListener async;
    private String correlationID;
    private byte[] correlationIDBytes;
    private String type;
    private Destination replyTo;

    TableMQProducer(TableMQContext context) {
        this.context = context;
    }

    // ---- sending

    @Override
    public JMSProducer send(Destination destination, Message message) {
        if (message == null) {
            throw new MessageFormatRuntimeException("Cannot send a null message to " + destination);
        }
        return send(destination, () -> message);
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        return send(destination, () -> context.session("send").createTextMessage(body));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        return send(destination, () -> {
            MapMessage m = context.session("send").createMapMessage();
            if (body != null) {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    m.setObject(e.getKey(), e.getValue());
                }
            }
            return m;
        });
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        return send(destination, () -> {
            BytesMessage m = context.session("send").createBytesMessage();
            if (body != null) {
                m.writeBytes(body);
            }
            return m;
        });
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        return send(destination, () -> context.session("send").createObjectMessage(body));
    }

    private JMSProducer send(Destination destination, TableMQContextCalls.JmsSupplier<Message> messageFactory) {
        context.checkOpen("send");
        if (destination == null) {
            throw new InvalidDestinationRuntimeException("Cannot send: the destination is null");
        }
        MessageProducer producer = context.producer();
        run(() -> {
            Message message = messageFactory.get();
            applyHeadersAndProperties(message);
            // one classic producer serves all JMSProducers of the context: set this one's options each time
            producer.setDisableMessageID(disableMessageID);
            producer.setDisableMessageTimestamp(disableMessageTimestamp);
            producer.setDeliveryDelay(deliveryDelay);
            CompletionListener listener = async;
            if (listener == null) {
                producer.send(destination, message, deliveryMode, priority, timeToLive);
            } else {
                producer.send(destination, message, deliveryMode, priority, timeToLive, new Completion(listener));
            }
        });
        return this;
    }

    private void applyHeadersAndProperties(Message message) throws JMSException {
        if (correlationIDBytes != null) {
            message.setJMSCorrelationIDAsBytes(correlationIDBytes.clone());
        } else if (correlationID != null) {
            message.setJMSCorrelationID(correlationID);
        }
        if (type != null) {
            message.setJMSType(type);
        }
        if (replyTo != null) {
            message.setJMSReplyTo(replyTo);
        }
        properties.applyTo(message);
    }

    /** Marks the callback thread, so the context refuses close/commit/rollback from inside it. */
    private final class Completion implements CompletionListener {
        private final CompletionListener listener;

        Completion(CompletionListener listener) {
            this.listener = listener;
        }

        @Override
        public void onCompletion(Message message) {
            TableMQContextCallbacks.inCompletion(context, () -> listener.onCompletion(message));
        }

        @Override
        public void onException(Message message, Exception exception) {
            TableMQContextCallbacks.inCompletion(context, () -> listener.onException(message, exception));
        }
    }

    // ---- per-send options

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        disableMessageID = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageID;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        disableMessageTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(int deliveryMode) {
        run(() -> DeliveryRules.checkDeliveryMode(deliveryMode, "a JMSProducer"));
        this.deliveryMode = deliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int priority) {
        run(() -> DeliveryRules.checkPriority(priority, "a JMSProducer"));
        this.priority = priority;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long deliveryDelay) {
        this.deliveryDelay = deliveryDelay;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    @Override
    public JMSProducer setAsync(CompletionListener completionListener) {
        this.async = completionListener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return async;
    }

    // ---- message properties

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer clearProperties() {
        properties.clear();
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return properties.getBoolean(name);
    }

    @Override
    public byte getByteProperty(String name) {
        return properties.getByte(name);
    }

    @Override
    public short getShortProperty(String name) {
        return properties.getShort(name);
    }

    @Override
    public int getIntProperty(String name) {
        return properties.getInt(name);
    }

    @Override
    public long getLongProperty(String name) {
        return properties.getLong(name);
    }

    @Override
    public float getFloatProperty(String name) {
        return properties.getFloat(name);
    }

    @Override
    public double getDoubleProperty(String name) {
        return properties.getDouble(name);
    }

    @Override
    public String getStringProperty(String name) {
        return properties.getString(name);
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.getObject(name);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.names();
    }

    // ---- headers

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIDBytes = correlationID == null ? null : correlationID.clone();
        this.correlationID = null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIDBytes != null) {
            return correlationIDBytes.clone();
        }
        return correlationID == null ? null : correlationID.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationID) {
        this.correlationID = correlationID;
        this.correlationIDBytes = null;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        if (correlationID != null) {
            return correlationID;
        }
        return correlationIDBytes == null ? null : new String(correlationIDBytes, StandardCharsets.UTF_8);
    }

    @Override
    public JMSProducer setJMSType(String type) {
        this.type = type;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
