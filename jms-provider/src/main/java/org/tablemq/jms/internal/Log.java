package org.tablemq.jms.internal;

/** Where TableMQ's loggers come from: {@link System.Logger}, so the provider needs no logging library. */
public final class Log {

    private Log() {
    }

    public static System.Logger of(Class<?> type) {
        return System.getLogger(type.getName());
    }
}
