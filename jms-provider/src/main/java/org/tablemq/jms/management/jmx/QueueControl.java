package org.tablemq.jms.management.jmx;

import jakarta.jms.JMSException;
import org.tablemq.jms.management.QueueInfo;
import org.tablemq.jms.management.TableMQManagement;

final class QueueControl implements QueueControlMBean {

    private final String name;
    private final FiguresCache figures;
    private final TableMQManagement management;

    QueueControl(String name, FiguresCache figures, TableMQManagement management) {
        this.name = name;
        this.figures = figures;
        this.management = management;
    }

    private QueueInfo info() {
        try {
            return figures.queue(name);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read the figures of queue '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getReady() {
        return info().ready();
    }

    @Override
    public long getInFlight() {
        return info().inFlight();
    }

    @Override
    public long getScheduled() {
        return info().scheduled();
    }

    @Override
    public long getHeldByPreparedBranches() {
        return info().heldByPreparedBranches();
    }

    @Override
    public long getDeadLetters() {
        return info().deadLetters();
    }

    @Override
    public long getOldestAgeMillis() {
        return info().oldestAgeMillis();
    }

    @Override
    public long purge() throws JMSException {
        long purged = management.purgeQueue(name);
        figures.fresh();
        return purged;
    }

    @Override
    public int retryDeadLetters(int max) throws JMSException {
        int retried = management.retryDeadLetters(name, max).retried();
        figures.fresh();
        return retried;
    }
}
