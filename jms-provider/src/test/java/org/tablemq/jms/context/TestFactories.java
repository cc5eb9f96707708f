package org.tablemq.jms.context;

import jakarta.jms.ConnectionFactory;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Creates TableMQ connection factories for the whole-stack tests through the factory's public contract: the
 * {@code (String url)} constructor and its JavaBean option setters (tablePrefix, nodeName, leaseMillis, ...).
 * Looked up by name so these tests compile on their own; they run once the factory is on the classpath.
 */
public final class TestFactories {

    public static final String FACTORY_CLASS = "org.tablemq.jms.TableMQConnectionFactory";

    private TestFactories() {
    }

    /** A factory on {@code url} as user of {@code database}, with the given options set through their setters. */
    public static ConnectionFactory create(TestDatabase database, String url, Map<String, ?> options) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("user", database.user());
        all.put("password", database.password());
        all.putAll(options);
        return create(url, all);
    }

    /** A factory on {@code url} with the given options (user and password included) set through their setters. */
    public static ConnectionFactory create(String url, Map<String, ?> options) {
        try {
            Object factory = Class.forName(FACTORY_CLASS).getConstructor(String.class).newInstance(url);
            for (Map.Entry<String, ?> option : options.entrySet()) {
                set(factory, option.getKey(), option.getValue());
            }
            return (ConnectionFactory) factory;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + FACTORY_CLASS + " for " + url, e);
        }
    }

    private static void set(Object factory, String option, Object value) throws ReflectiveOperationException {
        String setter = "set" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
        for (Method m : factory.getClass().getMethods()) {
            if (m.getName().equals(setter) && m.getParameterCount() == 1) {
                Class<?> type = m.getParameterTypes()[0];
                m.invoke(factory, convert(value, type));
                return;
            }
        }
        throw new NoSuchMethodException(FACTORY_CLASS + " has no setter " + setter + " for option '" + option + "'");
    }

    private static Object convert(Object value, Class<?> type) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        String text = value.toString();
        if (type == long.class || type == Long.class) {
            return Long.valueOf(text);
        } else if (type == int.class || type == Integer.class) {
            return Integer.valueOf(text);
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.valueOf(text);
        } else if (type == double.class || type == Double.class) {
            return Double.valueOf(text);
        }
        return text;
    }
}
