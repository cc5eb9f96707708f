package org.tablemq.jms.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the killed children said they did, plus what was left in the queue afterwards, and the verdict: every
 * message whose send returned is consumed by a commit that returned or still in the queue, exactly once; nothing
 * unknown appears; only messages whose consumption was in doubt may have vanished; a message seen again after an
 * interrupted consumption carries JMSRedelivered=true.
 */
final class CrashLedger {

    private final Set<String> sending = new LinkedHashSet<>();
    private final Set<String> sent = new LinkedHashSet<>();
    private final Map<String, Integer> consumed = new HashMap<>();
    private final Map<String, Integer> drained = new HashMap<>();
    /** Ids a child received but whose consumption did not finish before it was killed. */
    private final Set<String> interrupted = new LinkedHashSet<>();
    /** Ids whose commit/acknowledge had started but not returned when the child was killed: may have vanished. */
    private final Set<String> inDoubt = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    /** One child's lines, in order, up to the moment it was killed. */
    void addRound(List<String> lines) {
        Set<String> open = new LinkedHashSet<>();
        Set<String> committing = new LinkedHashSet<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "SENDING" -> sending.add(parts[1]);
                case "SENT" -> sent.add(parts[1]);
                case "RECEIVED" -> {
                    seenAgain(parts[1], Boolean.parseBoolean(parts[2]), "received in a later round");
                    open.add(parts[1]);
                }
                case "CONSUMING" -> committing.add(parts[1]);
                case "CONSUMED" -> {
                    consumed.merge(parts[1], 1, Integer::sum);
                    open.remove(parts[1]);
                    committing.remove(parts[1]);
                }
                default -> {
                    // READY
                }
            }
        }
        interrupted.addAll(open);
        inDoubt.addAll(committing);
    }

    /** A message found in the queue after the last kill. */
    void addDrained(String id, boolean redelivered) {
        drained.merge(id, 1, Integer::sum);
        seenAgain(id, redelivered, "drained");
    }

    private void seenAgain(String id, boolean redelivered, String how) {
        if (interrupted.remove(id) && !redelivered) {
            problems.add(id + " was " + how + " after an interrupted consumption without JMSRedelivered=true");
        }
    }

    int sentCount() {
        return sent.size();
    }

    int consumedCount() {
        return consumed.size();
    }

    int drainedCount() {
        return drained.size();
    }

    /** Counts for the test log: how much the rounds exercised. */
    String summary() {
        return sent.size() + " sends returned (" + (sending.size() - sent.size()) + " in doubt), "
                + consumed.size() + " consumptions committed (" + inDoubt.size() + " in doubt), "
                + drained.size() + " drained afterwards";
    }

    /** Everything that breaks the durability promise; empty when it held. */
    List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        Set<String> ids = new LinkedHashSet<>(sending);
        ids.addAll(consumed.keySet());
        ids.addAll(drained.keySet());
        for (String id : ids) {
            int seen = consumed.getOrDefault(id, 0) + drained.getOrDefault(id, 0);
            if (!sending.contains(id)) {
                all.add(id + " was never sent but appeared " + seen + " time(s)");
            } else if (seen > 1) {
                all.add(id + " was consumed " + consumed.getOrDefault(id, 0) + " time(s) and drained "
                        + drained.getOrDefault(id, 0) + " time(s): a duplicate");
            } else if (seen == 0 && sent.contains(id) && !inDoubt.contains(id)) {
                all.add(id + " was sent (send/commit returned) but is lost: never consumed, not in the queue");
            }
        }
        return all;
    }
}
