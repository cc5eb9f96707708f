package org.tablemq.jms.management.jmx;

import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.management.SubscriptionName;
import org.tablemq.jms.management.TableMQManagement;
import org.tablemq.jms.store.MessageStore;

/**
 * The MBeans of one open store in the platform MBeanServer. Queues and subscriptions come and go while the store is
 * open (created on first use, by any node), so the set is brought up to date every {@link #REFRESH_SECONDS} seconds
 * and on {@link StoreControlMBean#refresh()}, from their names only; figures are read when someone asks for them. Never fails the store: an MBeanServer that refuses is logged.
 */
public final class JmxRegistration implements AutoCloseable {

    static final long REFRESH_SECONDS = 10;

    private static final System.Logger LOG = Log.of(JmxRegistration.class);
    private static final ScheduledThreadPoolExecutor REFRESHER = refresher();

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String node;
    private final TableMQManagement management;
    private final FiguresCache figures;
    private final Set<ObjectName> registered = new HashSet<>();   // guarded by this
    private ScheduledFuture<?> periodic;                          // guarded by this
    private boolean closed;                                       // guarded by this

    private JmxRegistration(MessageStore store) throws JMSException {
        this.node = store.nodeId();
        this.management = TableMQManagement.over(store, () -> { });     // the store's owner closes it, not JMX
        this.figures = new FiguresCache(management);
    }

    /** Registers the MBeans of a store that just opened; null (logged) if the store or the MBeanServer refuses. */
    public static JmxRegistration register(MessageStore store) {
        try {
            JmxRegistration r = new JmxRegistration(store);
            r.start();
            return r;
        } catch (JMSException | JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "TMQ-3010 Cannot register the JMX MBeans of store node {0}: {1}", store.nodeId(),
                    e.toString());
            return null;
        }
    }

    private synchronized void start() throws JMException, JMSException {
        add(JmxNames.store(node), new StandardMBean(new StoreControl(node, management, figures, this),
                StoreControlMBean.class));
        // the first look runs in the background, so that JMX never delays or fails the opening of a store
        periodic = REFRESHER.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Registers MBeans of new queues and named subscriptions and removes those of deleted ones. */
    public synchronized void refresh() throws JMSException {
        if (closed) {
            return;
        }
        Set<ObjectName> wanted = new HashSet<>();
        try {
            wanted.add(JmxNames.store(node));
            for (String queue : management.queueNames()) {
                ObjectName name = JmxNames.queue(node, queue);
                wanted.add(name);
                if (!registered.contains(name)) {
                    add(name, new StandardMBean(new QueueControl(queue, figures, management), QueueControlMBean.class));
                }
            }
            // named ones only: a non-durable unshared subscription lives as long as its one consumer
            for (SubscriptionName s : management.subscriptionNames()) {
                ObjectName name = JmxNames.subscription(node, s);
                wanted.add(name);
                if (!registered.contains(name)) {
                    add(name, new StandardMBean(new SubscriptionControl(s, figures), SubscriptionControlMBean.class));
                }
            }
            for (ObjectName name : Set.copyOf(registered)) {
                if (!wanted.contains(name)) {
                    remove(name);
                }
            }
        } catch (JMException e) {
            throw org.tablemq.jms.internal.JmsErrors.create("Cannot register the JMX MBeans of store node " + node
                    + ": " + e.getMessage(), e);
        }
    }

    /** Removes every MBean of the store; the store is closing. */
    @Override
    public synchronized void close() {
        closed = true;
        if (periodic != null) {
            periodic.cancel(false);
        }
        for (ObjectName name : Set.copyOf(registered)) {
            try {
                remove(name);
            } catch (JMException e) {
                LOG.log(Level.DEBUG, "MBean {0} was already gone: {1}", name, e);
            }
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Refreshing the JMX MBeans of store node {0} failed: {1}", node, e);
        }
    }

    private void add(ObjectName name, Object mbean) throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);        // left by a store of the same node name that did not close
        }
        server.registerMBean(mbean, name);
        registered.add(name);
    }

    private void remove(ObjectName name) throws JMException {
        registered.remove(name);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }

    private static ScheduledThreadPoolExecutor refresher() {
        ScheduledThreadPoolExecutor refresher = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tablemq-jmx-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.setRemoveOnCancelPolicy(true);
        refresher.setKeepAliveTime(REFRESH_SECONDS * 2, TimeUnit.SECONDS);
        refresher.allowCoreThreadTimeOut(true);   // no thread left once every store is closed
        return refresher;
    }
}
