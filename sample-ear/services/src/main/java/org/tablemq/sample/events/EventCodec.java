package org.tablemq.sample.events;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** JSON-B encoding of the events carried in TextMessages. Jsonb instances are thread-safe and costly, so one is kept. */
public final class EventCodec {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private EventCodec() {
    }

    public static String toJson(Object event) {
        return JSONB.toJson(event);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
