package org.tablemq.jms.management.jmx;

/** A queue as JMX shows it; see {@link org.tablemq.jms.management.QueueInfo} for what each figure counts. */
public interface QueueControlMBean {

    String getName();

    long getReady();

    long getInFlight();

    long getScheduled();

    long getHeldByPreparedBranches();

    long getDeadLetters();

    /** -1 when unknown or empty. */
    long getOldestAgeMillis();

    /** Deletes the messages nobody is working on; returns how many. */
    long purge() throws Exception;

    /** For a dead letter queue: moves up to {@code max} dead letters back to where they failed; returns how many. */
    int retryDeadLetters(int max) throws Exception;
}
