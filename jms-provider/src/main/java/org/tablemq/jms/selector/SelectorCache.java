package org.tablemq.jms.selector;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed selectors by text. Failures are kept too (as their message), so an application that retries a bad
 * selector in a loop does not make us parse it again and again.
 *
 * <p>Lookups are lock-free: the store's {@code SubscriberMatcher} hands the facade a subscription's selector as
 * text for every published message, so a hit must cost no more than a hash lookup. The bound is enforced on
 * insertion by evicting arbitrary entries (not least recently used): a selector is parsed again only after more
 * than {@code capacity} distinct selectors were seen, which is rare and costs one parse.
 */
final class SelectorCache {

    private final int capacity;
    private final ConcurrentHashMap<String, Object> entries = new ConcurrentHashMap<>();

    SelectorCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Selector cache capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** The cached {@link Selector}, a cached failure message (a String), or null when the text is not cached. */
    Object get(String text) {
        return entries.get(text);
    }

    void putSelector(String text, Selector selector) {
        put(text, selector);
    }

    void putFailure(String text, String message) {
        put(text, message);
    }

    int size() {
        return entries.size();
    }

    private void put(String text, Object entry) {
        entries.put(text, entry);
        if (entries.size() > capacity) {
            Iterator<String> keys = entries.keySet().iterator();
            while (entries.size() > capacity && keys.hasNext()) {
                String victim = keys.next();
                if (!victim.equals(text)) {
                    keys.remove();
                }
            }
        }
    }
}
