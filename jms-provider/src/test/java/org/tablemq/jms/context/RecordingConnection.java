package org.tablemq.jms.context;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A classic-API connection that only records what is called on it and on the sessions, consumers and producers
 * it hands out ("Connection.start", "Session.commit", ...), so the context's own rules are tested without a store.
 * Like a real connection it refuses setClientID once used, and everything once closed.
 */
final class RecordingConnection {

    final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean used;
    private volatile boolean closed;

    Connection connection() {
        return proxy(Connection.class, (p, m, args) -> {
            String name = m.getName();
            if (closed && !name.equals("close")) {
                throw new IllegalStateException("connection closed");
            }
            calls.add("Connection." + name);
            switch (name) {
                case "setClientID" -> {
                    if (used) {
                        throw new IllegalStateException("connection already used");
                    }
                }
                case "close" -> closed = true;
                case "createSession" -> {
                    used = true;
                    return session();
                }
                case "start", "stop" -> used = true;
                default -> {
                    return defaultValue(m.getReturnType());
                }
            }
            return null;
        });
    }

    boolean closed() {
        return closed;
    }

    long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    private Session session() {
        return proxy(Session.class, (p, m, args) -> {
            calls.add("Session." + m.getName());
            Class<?> r = m.getReturnType();
            if (r == MessageConsumer.class) {
                return proxy(MessageConsumer.class, recordAs("MessageConsumer"));
            } else if (r == MessageProducer.class) {
                return proxy(MessageProducer.class, recordAs("MessageProducer"));
            } else if (r == QueueBrowser.class) {
                return proxy(QueueBrowser.class, recordAs("QueueBrowser"));
            }
            return defaultValue(r);
        });
    }

    private InvocationHandler recordAs(String type) {
        return (p, m, args) -> {
            calls.add(type + "." + m.getName());
            return defaultValue(m.getReturnType());
        };
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        InvocationHandler withObjectMethods = (p, m, args) -> switch (m.getName()) {
            case "toString" -> type.getSimpleName() + "@recording";
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == args[0];
            default -> handler.invoke(p, m, args);
        };
        return (T) Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(), new Class<?>[] {type},
                withObjectMethods);
    }
}
