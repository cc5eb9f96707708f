package org.tablemq.ra;

import jakarta.resource.spi.InvalidPropertyException;
import java.util.Map;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.TableMQOptions;

/**
 * Builds the provider's connection factory for a {@link StoreConfig}. Every value goes through the provider's one
 * option table ({@link TableMQOptions#setText}), which knows the names, parses the text and checks the range, so the
 * adapter holds no copy of it; a refusal becomes an {@link InvalidPropertyException} that names the option and where
 * it was configured. Equal configurations give factories that share one store (the provider's store registry).
 */
public final class ProviderFactory {

    private static final String PASSWORD = "password";

    private ProviderFactory() {
    }

    /**
     * @param where names the configuration for error messages, e.g. "resource adapter" or "activation of 'orders'"
     */
    public static TableMQConnectionFactory create(StoreConfig config, String where) throws InvalidPropertyException {
        TableMQOptions options = new TableMQOptions();
        set(options, "url", config.url(), where);
        if (config.user() != null) {
            set(options, "user", config.user(), where);
        }
        String password = config.password();
        for (Map.Entry<String, String> option : config.options().entrySet()) {
            if (option.getKey().equals(PASSWORD)) {
                password = option.getValue();
            } else {
                set(options, option.getKey(), option.getValue(), where);
            }
        }
        try {
            options.storeConfig();   // the store's checks of option combinations, now rather than at first connect
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("TableMQ options in the " + where + ": " + e.getMessage(), e);
        }
        TableMQConnectionFactory factory = new TableMQConnectionFactory(options);
        if (password != null) {
            // the password is a factory property but not in the option table's by-name lookup
            factory.setPassword(password);
        }
        return factory;
    }

    private static void set(TableMQOptions options, String name, String value, String where)
            throws InvalidPropertyException {
        try {
            options.setText(name, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("TableMQ option '" + name + "' in the " + where + ": " + e.getMessage(), e);
        }
    }
}
