package org.tablemq.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.internal.Log;
import org.tablemq.ra.inbound.Activation;
import org.tablemq.ra.inbound.TableMQActivationSpec;

/**
 * The TableMQ resource adapter: a store configuration (JDBC URL, credentials, provider options) shared by its
 * connection factories and activations, the activations of message-driven beans, and the XA resources the server's
 * recovery scans. With nothing configured it keeps an H2 store under the server's data directory ({@link DefaultStore}).
 * <p>
 * Config properties (ra.xml): {@code url}, {@code user}, {@code password}, {@code options} (provider options as
 * {@code name=value;...}, see {@link OptionList}).
 */
public class TableMQResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = Log.of(TableMQResourceAdapter.class);

    private String url;
    private String user;
    private String password;
    private String options;

    private transient volatile Running running;

    /** What exists between start and stop. */
    private record Running(BootstrapContext bootstrap, StoreConfig store, Map<ActivationKey, Activation> activations,
                           RecoveryResources recovery) {
    }

    private record ActivationKey(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
    }

    @Override
    public void start(BootstrapContext bootstrap) throws ResourceAdapterInternalException {
        StoreConfig store;
        try {
            store = new StoreConfig(DefaultStore.url(url), user, password, OptionList.parse(options, "options"));
            ProviderFactory.create(store, "resource adapter");   // validates every option now, not at first use
        } catch (ResourceException e) {
            throw new ResourceAdapterInternalException("TableMQ resource adapter cannot start: " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.DEBUG, Problems.RA_CONFIG, store.describe());
        running = new Running(bootstrap, store, new ConcurrentHashMap<>(), new RecoveryResources());
        LOG.log(System.Logger.Level.INFO, Problems.RA_STARTED, Masking.maskUrl(store.url()));
    }

    /**
     * Stops every activation (in-flight deliveries get a bounded time to finish), closes the recovery sessions and
     * then the provider's stores that no connection uses any more.
     */
    @Override
    public void stop() {
        Running r = running;
        if (r == null) {
            return;
        }
        running = null;
        int count = r.activations().size();
        r.activations().values().forEach(Activation::stop);
        r.activations().clear();
        r.recovery().close();
        // stores outlive their last connection by a few seconds; an adapter that stops leaves none open
        org.tablemq.jms.TableMQConnectionFactory.closeIdleStores();
        LOG.log(System.Logger.Level.INFO, Problems.RA_STOPPED, count);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        Running r = requireRunning();
        if (!(spec instanceof TableMQActivationSpec tableSpec)) {
            throw new jakarta.resource.NotSupportedException("TableMQ activates only " + TableMQActivationSpec.class.getName()
                    + ", not " + (spec == null ? "null" : spec.getClass().getName()));
        }
        tableSpec.validate();
        Activation activation = new Activation(tableSpec, endpointFactory, r.bootstrap().getWorkManager(), r.store());
        activation.start();
        r.activations().put(new ActivationKey(endpointFactory, spec), activation);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        Running r = running;
        if (r == null) {
            return;
        }
        Activation activation = r.activations().remove(new ActivationKey(endpointFactory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /** One XA resource per distinct store of the given activations; any of them can recover the whole store. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
        Running r = requireRunning();
        java.util.Set<StoreConfig> stores = new java.util.LinkedHashSet<>();
        for (ActivationSpec spec : specs) {
            if (spec instanceof TableMQActivationSpec tableSpec) {
                stores.add(tableSpec.storeConfig(r.store()));
            }
        }
        XAResource[] resources = new XAResource[stores.size()];
        int i = 0;
        for (StoreConfig store : stores) {
            resources[i++] = r.recovery().resourceFor(store);
        }
        return resources;
    }

    /** The store configuration as resolved at start, for the connection factories of this adapter. */
    public StoreConfig storeConfig() throws ResourceException {
        return requireRunning().store();
    }

    private Running requireRunning() throws ResourceAdapterInternalException {
        Running r = running;
        if (r == null) {
            throw new ResourceAdapterInternalException("The TableMQ resource adapter is not started");
        }
        return r;
    }

    public String getUrl() {
        return url;
    }

    /** JDBC URL of the store; empty means H2 under the server's data directory (see {@link DefaultStore}). */
    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getOptions() {
        return options;
    }

    /** Provider options as {@code name=value;name=value} (TableMQOptions names), e.g. {@code maxPoolSize=20}. */
    public void setOptions(String options) {
        this.options = options;
    }

    /** IronJacamar keys adapters by equality of their configuration (JCA 2.1 §5.3.1). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TableMQResourceAdapter other && Objects.equals(url, other.url)
                && Objects.equals(user, other.user) && Objects.equals(password, other.password)
                && Objects.equals(options, other.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user, password, options);
    }
}
