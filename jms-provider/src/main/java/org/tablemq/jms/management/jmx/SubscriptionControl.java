package org.tablemq.jms.management.jmx;

import jakarta.jms.JMSException;
import org.tablemq.jms.management.SubscriptionInfo;
import org.tablemq.jms.management.SubscriptionName;

final class SubscriptionControl implements SubscriptionControlMBean {

    private final SubscriptionName key;
    private final FiguresCache figures;

    SubscriptionControl(SubscriptionName key, FiguresCache figures) {
        this.key = key;
        this.figures = figures;
    }

    private SubscriptionInfo info() {
        try {
            return figures.subscription(key);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read the figures of subscription '" + key.name() + "' on topic '"
                    + key.topic() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String getTopic() {
        return key.topic();
    }

    @Override
    public String getName() {
        return key.name();
    }

    @Override
    public String getClientId() {
        return key.clientId();
    }

    @Override
    public boolean isDurable() {
        return key.durable();
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
    public long getConsumers() {
        return info().consumers();
    }
}
