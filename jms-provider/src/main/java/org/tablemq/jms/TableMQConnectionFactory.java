package org.tablemq.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import java.io.Serial;
import java.io.Serializable;
import java.util.Enumeration;
import java.util.Map;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import org.tablemq.jms.client.TableMQConnection;
import org.tablemq.jms.client.TableMQContext;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.internal.Log;

/**
 * The entry point: a connection factory for a store given by a JDBC URL ({@code jdbc:h2:file:./data/tablemq} by
 * default, {@code jdbc:postgresql://host/db} for several nodes). Its JavaBean properties are thin views over
 * {@link TableMQOptions}; connections made with the same store options share one open store.
 * <pre>{@code
 * ConnectionFactory cf = new TableMQConnectionFactory("jdbc:h2:file:./data/tablemq");
 * try (JMSContext ctx = cf.createContext()) {
 *     ctx.createProducer().send(ctx.createQueue("orders"), "hello");
 * }
 * }</pre>
 */
public class TableMQConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        jakarta.jms.XAConnectionFactory, jakarta.jms.XAQueueConnectionFactory, jakarta.jms.XATopicConnectionFactory,
        Referenceable, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = Log.of(TableMQConnectionFactory.class);
    /** The JNDI object factory that turns {@link #getReference()} back into a factory. */
    public static final String OBJECT_FACTORY = "org.tablemq.jms.TableMQObjectFactory";

    private final TableMQOptions options;
    private transient volatile boolean described;

    public TableMQConnectionFactory() {
        this(TableMQOptions.URL.defaultValue());
    }

    public TableMQConnectionFactory(String url) {
        this.options = new TableMQOptions();
        setUrl(url);
    }

    /** A factory with these options (copied). */
    public TableMQConnectionFactory(TableMQOptions options) {
        this.options = options.copy();
    }

    /** The options as they are now (a copy; change them with the setters). */
    public TableMQOptions getOptions() {
        return options.copy();
    }

    // ---- connections

    @Override
    public Connection createConnection() throws JMSException {
        return connect(options.copy());
    }

    @Override
    public Connection createConnection(String user, String password) throws JMSException {
        return connect(options.copy().set(TableMQOptions.USER, user).set(TableMQOptions.PASSWORD, password));
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return connect(options.copy()).asQueueConnection();
    }

    @Override
    public QueueConnection createQueueConnection(String user, String password) throws JMSException {
        return connect(options.copy().set(TableMQOptions.USER, user).set(TableMQOptions.PASSWORD, password))
                .asQueueConnection();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return connect(options.copy());
    }

    @Override
    public TopicConnection createTopicConnection(String user, String password) throws JMSException {
        return (TopicConnection) createConnection(user, password);
    }

    /** Opens (or shares) the store and creates a connection on it; an XA factory overrides it. */
    protected TableMQConnection connect(TableMQOptions snapshot) throws JMSException {
        if (!described) {
            described = true;
            LOG.log(System.Logger.Level.DEBUG, snapshot::describe);
        }
        StoreRegistry.Handle handle = StoreRegistry.acquire(snapshot);
        try {
            return new TableMQConnection(handle.store(), handle::release, snapshot);
        } catch (JMSException | RuntimeException e) {
            handle.release();
            throw e;
        }
    }

    // ---- simplified API

    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return context(options.copy(), sessionMode);
    }

    @Override
    public JMSContext createContext(String user, String password) {
        return createContext(user, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String user, String password, int sessionMode) {
        return context(options.copy().set(TableMQOptions.USER, user).set(TableMQOptions.PASSWORD, password), sessionMode);
    }

    private JMSContext context(TableMQOptions snapshot, int sessionMode) {
        Connection connection;
        try {
            connection = connect(snapshot);
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        }
        try {
            return new TableMQContext(connection, sessionMode);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (JMSException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof JMSRuntimeException ? e : new JMSRuntimeException("Cannot create a JMSContext: " + e, null, e);
        }
    }

    // ---- XA (see XAConnections)

    @Override
    public jakarta.jms.XAConnection createXAConnection() throws JMSException {
        return XAConnections.connect(options.copy());
    }

    @Override
    public jakarta.jms.XAConnection createXAConnection(String user, String password) throws JMSException {
        return XAConnections.connect(options.copy(), user, password);
    }

    @Override
    public jakarta.jms.XAQueueConnection createXAQueueConnection() throws JMSException {
        return XAConnections.connect(options.copy()).asQueueConnection();
    }

    @Override
    public jakarta.jms.XAQueueConnection createXAQueueConnection(String user, String password) throws JMSException {
        return XAConnections.connect(options.copy(), user, password).asQueueConnection();
    }

    @Override
    public jakarta.jms.XATopicConnection createXATopicConnection() throws JMSException {
        return XAConnections.connect(options.copy());
    }

    @Override
    public jakarta.jms.XATopicConnection createXATopicConnection(String user, String password) throws JMSException {
        return XAConnections.connect(options.copy(), user, password);
    }

    @Override
    public jakarta.jms.XAJMSContext createXAContext() {
        return XAConnections.context(options.copy());
    }

    @Override
    public jakarta.jms.XAJMSContext createXAContext(String user, String password) {
        return XAConnections.context(options.copy(), user, password);
    }

    // ---- JNDI

    @Override
    public Reference getReference() {
        Reference ref = new Reference(TableMQConnectionFactory.class.getName(), OBJECT_FACTORY, null);
        for (Map.Entry<String, String> e : options.explicitValues().entrySet()) {
            ref.add(new StringRefAddr(e.getKey(), e.getValue()));
        }
        return ref;
    }

    /** The factory a {@link #getReference()} describes (what the JNDI object factory calls). */
    public static TableMQConnectionFactory fromReference(Reference ref) {
        TableMQOptions o = new TableMQOptions();
        Enumeration<RefAddr> all = ref.getAll();
        while (all.hasMoreElements()) {
            RefAddr a = all.nextElement();
            o.setText(a.getType(), (String) a.getContent());
        }
        return new TableMQConnectionFactory(o);
    }

    // ---- operations

    /**
     * The operator's view of this factory's store (opened, or shared with this JVM's connections to it), for
     * figures, browsing and corrective operations. Close it when done: it holds the store open like a connection.
     */
    public org.tablemq.jms.management.TableMQManagement management() throws JMSException {
        StoreRegistry.Handle handle = StoreRegistry.acquire(options.copy());
        try {
            return org.tablemq.jms.management.TableMQManagement.over(handle.store(), handle::release);
        } catch (JMSException | RuntimeException e) {
            handle.release();
            throw e;
        }
    }

    // ---- store lifetime

    /**
     * Closes at once every store of this JVM that has no open connection left. Stores otherwise stay open for a few
     * seconds after their last connection closes (so that connecting again is cheap) and close at JVM exit; a
     * container that stops (a resource adapter's {@code stop}, an undeployment) calls this so that nothing of it
     * stays open, and an H2 file is free for the next deployment.
     */
    public static void closeIdleStores() {
        StoreRegistry.closeIdle();
    }

    // ---- JavaBean properties: one per option of TableMQOptions (a test keeps them in step)

    public String getUrl() {
        return options.get(TableMQOptions.URL);
    }

    public void setUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Option 'url' must be a non-empty JDBC URL, was " + (url == null ? "null" : "'" + url + "'"));
        }
        options.set(TableMQOptions.URL, url);
    }

    public String getUser() {
        return options.get(TableMQOptions.USER);
    }

    public void setUser(String user) {
        options.set(TableMQOptions.USER, user);
    }

    public String getPassword() {
        return options.get(TableMQOptions.PASSWORD);
    }

    public void setPassword(String password) {
        options.set(TableMQOptions.PASSWORD, password);
    }

    public String getClientId() {
        return options.get(TableMQOptions.CLIENT_ID);
    }

    public void setClientId(String clientId) {
        options.set(TableMQOptions.CLIENT_ID, clientId);
    }

    public String getTablePrefix() {
        return options.get(TableMQOptions.TABLE_PREFIX);
    }

    public void setTablePrefix(String tablePrefix) {
        options.set(TableMQOptions.TABLE_PREFIX, tablePrefix);
    }

    public int getMaxPoolSize() {
        return options.get(TableMQOptions.MAX_POOL_SIZE);
    }

    public void setMaxPoolSize(int maxPoolSize) {
        options.set(TableMQOptions.MAX_POOL_SIZE, maxPoolSize);
    }

    public long getLeaseMillis() {
        return options.get(TableMQOptions.LEASE_MILLIS);
    }

    public void setLeaseMillis(long leaseMillis) {
        options.set(TableMQOptions.LEASE_MILLIS, leaseMillis);
    }

    public long getMaxPollMillis() {
        return options.get(TableMQOptions.MAX_POLL_MILLIS);
    }

    public void setMaxPollMillis(long maxPollMillis) {
        options.set(TableMQOptions.MAX_POLL_MILLIS, maxPollMillis);
    }

    public boolean isH2Sync() {
        return options.get(TableMQOptions.H2_SYNC);
    }

    public void setH2Sync(boolean h2Sync) {
        options.set(TableMQOptions.H2_SYNC, h2Sync);
    }

    public String getNodeName() {
        return options.get(TableMQOptions.NODE_NAME);
    }

    public void setNodeName(String nodeName) {
        options.set(TableMQOptions.NODE_NAME, nodeName);
    }

    public int getPrefetch() {
        return options.get(TableMQOptions.PREFETCH);
    }

    public void setPrefetch(int prefetch) {
        options.set(TableMQOptions.PREFETCH, prefetch);
    }

    public int getMaxMessageSize() {
        return options.get(TableMQOptions.MAX_MESSAGE_SIZE);
    }

    public void setMaxMessageSize(int maxMessageSize) {
        options.set(TableMQOptions.MAX_MESSAGE_SIZE, maxMessageSize);
    }

    public String getTrustedPackages() {
        return options.get(TableMQOptions.TRUSTED_PACKAGES);
    }

    public void setTrustedPackages(String trustedPackages) {
        options.set(TableMQOptions.TRUSTED_PACKAGES, trustedPackages);
    }

    public int getObjectMaxDepth() {
        return options.get(TableMQOptions.OBJECT_MAX_DEPTH);
    }

    public void setObjectMaxDepth(int objectMaxDepth) {
        options.set(TableMQOptions.OBJECT_MAX_DEPTH, objectMaxDepth);
    }

    public int getObjectMaxReferences() {
        return options.get(TableMQOptions.OBJECT_MAX_REFERENCES);
    }

    public void setObjectMaxReferences(int objectMaxReferences) {
        options.set(TableMQOptions.OBJECT_MAX_REFERENCES, objectMaxReferences);
    }

    public int getObjectMaxArrayLength() {
        return options.get(TableMQOptions.OBJECT_MAX_ARRAY_LENGTH);
    }

    public void setObjectMaxArrayLength(int objectMaxArrayLength) {
        options.set(TableMQOptions.OBJECT_MAX_ARRAY_LENGTH, objectMaxArrayLength);
    }

    public int getObjectMaxBytes() {
        return options.get(TableMQOptions.OBJECT_MAX_BYTES);
    }

    public void setObjectMaxBytes(int objectMaxBytes) {
        options.set(TableMQOptions.OBJECT_MAX_BYTES, objectMaxBytes);
    }

    public long getRedeliveryDelay() {
        return options.get(TableMQOptions.REDELIVERY_DELAY);
    }

    public void setRedeliveryDelay(long redeliveryDelay) {
        options.set(TableMQOptions.REDELIVERY_DELAY, redeliveryDelay);
    }

    public double getRedeliveryBackoff() {
        return options.get(TableMQOptions.REDELIVERY_BACKOFF);
    }

    public void setRedeliveryBackoff(double redeliveryBackoff) {
        options.set(TableMQOptions.REDELIVERY_BACKOFF, redeliveryBackoff);
    }

    public long getMaxRedeliveryDelay() {
        return options.get(TableMQOptions.MAX_REDELIVERY_DELAY);
    }

    public void setMaxRedeliveryDelay(long maxRedeliveryDelay) {
        options.set(TableMQOptions.MAX_REDELIVERY_DELAY, maxRedeliveryDelay);
    }

    public int getMaxDeliveryAttempts() {
        return options.get(TableMQOptions.MAX_DELIVERY_ATTEMPTS);
    }

    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
        options.set(TableMQOptions.MAX_DELIVERY_ATTEMPTS, maxDeliveryAttempts);
    }

    public String getDeadLetterQueuePrefix() {
        return options.get(TableMQOptions.DEAD_LETTER_QUEUE_PREFIX);
    }

    public void setDeadLetterQueuePrefix(String deadLetterQueuePrefix) {
        options.set(TableMQOptions.DEAD_LETTER_QUEUE_PREFIX, deadLetterQueuePrefix);
    }

    @Override
    public String toString() {
        return "TableMQConnectionFactory[" + TableMQOptions.maskUrl(getUrl()) + "]";
    }
}
