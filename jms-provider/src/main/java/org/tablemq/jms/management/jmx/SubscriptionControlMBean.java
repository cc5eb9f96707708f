package org.tablemq.jms.management.jmx;

/** A named topic subscription as JMX shows it; see {@link org.tablemq.jms.management.SubscriptionInfo}. */
public interface SubscriptionControlMBean {

    String getTopic();

    String getName();

    String getClientId();

    boolean isDurable();

    long getReady();

    long getInFlight();

    long getScheduled();

    long getHeldByPreparedBranches();

    long getDeadLetters();

    long getOldestAgeMillis();

    long getConsumers();
}
