package org.tablemq.jms.selector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed selectors by text, least recently used evicted first. Failures are kept too (as their message), so an
 * application that retries a bad selector in a loop does not make us parse it again and again. Parsing happens
 * when a consumer or subscription is created, never per message, so one lock is contention enough.
 */
final class SelectorCache {

    private final int capacity;
    private final Map<String, Object> entries;

    SelectorCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > SelectorCache.this.capacity;
            }
        };
    }

    /** The cached {@link Selector}, a cached failure message (a String), or null when the text is not cached. */
    synchronized Object get(String text) {
        return entries.get(text);
    }

    synchronized void putSelector(String text, Selector selector) {
        entries.put(text, selector);
    }

    synchronized void putFailure(String text, String message) {
        entries.put(text, message);
    }

    synchronized int size() {
        return entries.size();
    }
}
