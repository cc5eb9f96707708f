package org.tablemq.jms.selector;

import java.util.HashMap;
import java.util.Map;

/** A message for selector tests: identifiers resolve from a map, anything not in it is NULL. */
final class MapContext implements SelectorContext {

    private final Map<String, Object> values = new HashMap<>();

    static MapContext empty() {
        return new MapContext();
    }

    MapContext with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    @Override
    public Object valueOf(String identifier) {
        return values.get(identifier);
    }
}
