package org.tablemq.jms.store;

import java.util.List;

/**
 * Everything one JMS transaction did, applied by the store in one database transaction.
 *
 * @param sends    messages to make visible
 * @param acks     claimed messages to remove
 * @param releases claimed messages to give back (e.g. refused by a dead-letter decision inside the transaction)
 */
public record UnitOfWork(List<OutgoingMessage> sends, List<Long> acks, List<Release> releases) {

    public UnitOfWork {
        sends = List.copyOf(sends);
        acks = List.copyOf(acks);
        releases = List.copyOf(releases);
    }

    public boolean isEmpty() {
        return sends.isEmpty() && acks.isEmpty() && releases.isEmpty();
    }
}
