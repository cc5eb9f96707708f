package org.tablemq.jms.store;

/**
 * The largest encoded message a store can take without risk, and why, for the facade's one size check (which also
 * applies the {@code maxMessageSize} option, whichever is smaller): a message above it is refused before anything is
 * written.
 *
 * @param bytes the largest payload accepted
 * @param why   where the limit comes from, for the refusal's message (e.g. "1/32 of the maximum heap on H2")
 */
public record PayloadLimit(long bytes, String why) {

    /** No limit of the store's own. */
    public static final PayloadLimit NONE = new PayloadLimit(Long.MAX_VALUE, "no limit of the store");

    public PayloadLimit {
        if (bytes < 1) {
            throw new IllegalArgumentException("A payload limit must be at least 1 byte, was " + bytes);
        }
    }
}
