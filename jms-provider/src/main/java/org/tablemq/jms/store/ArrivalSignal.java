package org.tablemq.jms.store;

/**
 * Lets a consumer that found nothing wait for news instead of polling. Each endpoint has a version that the
 * store bumps when a message may have become deliverable there: a local commit that sent or released
 * messages, a notification from another node (LISTEN/NOTIFY or the store's adaptive poll), or a delayed
 * message whose time came.
 * <pre>{@code
 * long seen = signal.version(endpoint);   // first: news or a wakeAll after this line end the wait below
 * if (closed) return;                     // the caller's own reasons to stop, which it signals with wakeAll
 * List<StoredMessage> got = store.claim(request);
 * if (got.isEmpty()) signal.await(endpoint, seen, timeoutNanos);
 * }</pre>
 */
public interface ArrivalSignal {

    /** The endpoint's current version; read it before claiming so no news is missed. */
    long version(long endpointId);

    /**
     * Waits until the endpoint's version differs from {@code seenVersion} or the time is up. A new message wakes
     * one waiter, not all: a waiter that was woken and then does not claim (it stopped, was closed or failed) must
     * pass the news on with {@link #wakeAll}. A {@code selective} waiter (one with a selector, which may refuse the
     * new message) makes every news wake every waiter of the endpoint.
     *
     * @return true if the version changed
     */
    boolean await(long endpointId, long seenVersion, long timeoutNanos, boolean selective) throws InterruptedException;

    /** {@link #await(long, long, long, boolean)} for a waiter that takes any message. */
    default boolean await(long endpointId, long seenVersion, long timeoutNanos) throws InterruptedException {
        return await(endpointId, seenVersion, timeoutNanos, false);
    }

    /** Wakes every waiter on the endpoint (e.g. a consumer being closed). */
    void wakeAll(long endpointId);
}
