package org.tablemq.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.ra.OptionList;
import org.tablemq.ra.ProviderFactory;
import org.tablemq.ra.StoreConfig;
import org.tablemq.ra.TableMQResourceAdapter;

/**
 * The outbound connection definition: what the server pools. Its connection factory handle is a plain
 * {@code jakarta.jms.ConnectionFactory}; each managed connection is one provider connection with one session.
 * <p>
 * Config properties: {@code options} (provider options over the adapter's, e.g. {@code clientId=orders}), and
 * {@code url}/{@code user}/{@code password} when this factory's store differs from the adapter's.
 */
public class TableMQManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        TransactionSupport {

    private static final long serialVersionUID = 1L;

    private String url;
    private String user;
    private String password;
    private String options;
    private ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient volatile TableMQConnectionFactory providerFactory;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new ConnectionFactoryHandle(this, connectionManager);
    }

    /** Outside a server: the handle opens a connection per session itself, without pooling or enlistment. */
    @Override
    public Object createConnectionFactory() {
        return new ConnectionFactoryHandle(this, new UnmanagedConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        return new TableMQManagedConnection(this, ConnectionRequest.resolve(this, subject, info));
    }

    /** A pooled connection fits if it is healthy and was opened with the same credentials. */
    @Override
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        ConnectionRequest wanted = ConnectionRequest.resolve(this, subject, info);
        for (Object candidate : candidates) {
            if (candidate instanceof TableMQManagedConnection mc && mc.factory().equals(this)
                    && mc.request().equals(wanted) && mc.usable()) {
                return mc;
            }
        }
        return null;
    }

    @Override
    public TransactionSupport.TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.XATransaction;
    }

    /** The adapter's store with this definition's overrides: the one merge of adapter and definition settings. */
    public StoreConfig storeConfig() throws ResourceException {
        if (!(resourceAdapter instanceof TableMQResourceAdapter ra)) {
            throw new ResourceAdapterInternalException("This TableMQ connection factory is not associated with the "
                    + "TableMQ resource adapter (setResourceAdapter was not called)");
        }
        StoreConfig base = ra.storeConfig();
        StoreConfig own = new StoreConfig(url == null || url.isBlank() ? base.url() : org.tablemq.ra.DefaultStore.url(url),
                user == null ? base.user() : user, password == null ? base.password() : password, base.options());
        return own.withOptions(OptionList.parse(options, "options"));
    }

    /** The provider's factory for this definition, built once. */
    TableMQConnectionFactory providerFactory() throws ResourceException {
        TableMQConnectionFactory f = providerFactory;
        if (f == null) {
            synchronized (this) {
                f = providerFactory;
                if (f == null) {
                    f = ProviderFactory.create(storeConfig(), "connection definition");
                    providerFactory = f;
                }
            }
        }
        return f;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    public String getUrl() {
        return url;
    }

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

    /** Provider options as {@code name=value;...} over the adapter's, e.g. {@code clientId=orders}. */
    public void setOptions(String options) {
        this.options = options;
    }

    /** IronJacamar pools per factory and relies on equality of the configuration (JCA 2.1 §6.5.3.2). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TableMQManagedConnectionFactory other && Objects.equals(url, other.url)
                && Objects.equals(user, other.user) && Objects.equals(password, other.password)
                && Objects.equals(options, other.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user, password, options);
    }
}
