package org.tablemq.jms.management.jmx;

import jakarta.jms.JMSException;
import org.tablemq.jms.management.TableMQManagement;

final class StoreControl implements StoreControlMBean {

    private final String nodeId;
    private final TableMQManagement management;
    private final FiguresCache figures;
    private final JmxRegistration registration;

    StoreControl(String nodeId, TableMQManagement management, FiguresCache figures, JmxRegistration registration) {
        this.nodeId = nodeId;
        this.management = management;
        this.figures = figures;
        this.registration = registration;
    }

    @Override
    public String getNodeId() {
        return nodeId;
    }

    @Override
    public int getQueueCount() {
        return read(() -> figures.get().queues().size());
    }

    @Override
    public int getSubscriptionCount() {
        return read(() -> figures.get().subscriptions().size());
    }

    @Override
    public String[] getNodes() {
        return read(() -> management.nodes().stream()
                .map(n -> n.nodeId() + " " + (n.alive() ? "alive" : "dead") + " " + n.lastHeartbeat())
                .toArray(String[]::new));
    }

    @Override
    public String[] getPreparedBranches() {
        return read(() -> management.preparedBranches().stream()
                .map(b -> JmxNames.xid(b.xid()) + " " + b.nodeId() + " " + b.preparedAt() + " " + b.messages())
                .toArray(String[]::new));
    }

    @Override
    public void commitPrepared(String xid) throws JMSException {
        management.commitPrepared(JmxNames.parseXid(xid));
    }

    @Override
    public void rollbackPrepared(String xid) throws JMSException {
        management.rollbackPrepared(JmxNames.parseXid(xid));
    }

    @Override
    public void refresh() throws JMSException {
        registration.refresh();
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws JMSException;
    }

    /** An attribute cannot throw a checked exception: a store that cannot answer says so at once. */
    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (JMSException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
