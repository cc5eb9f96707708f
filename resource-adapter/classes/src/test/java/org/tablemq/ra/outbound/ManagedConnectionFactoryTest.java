package org.tablemq.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import org.junit.jupiter.api.Test;
import org.tablemq.ra.TableMQResourceAdapter;

class ManagedConnectionFactoryTest {

    @Test
    void factoriesWithTheSameConfigurationAreEqual() {
        TableMQManagedConnectionFactory a = new TableMQManagedConnectionFactory();
        TableMQManagedConnectionFactory b = new TableMQManagedConnectionFactory();
        a.setOptions("clientId=orders");
        b.setOptions("clientId=orders");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        b.setUrl("jdbc:postgresql://db/x");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void adaptersWithTheSameConfigurationAreEqual() {
        TableMQResourceAdapter a = new TableMQResourceAdapter();
        TableMQResourceAdapter b = new TableMQResourceAdapter();
        a.setUrl("jdbc:h2:mem:x");
        b.setUrl("jdbc:h2:mem:x");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        b.setPassword("secret");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void supportsXaTransactions() {
        assertThat(new TableMQManagedConnectionFactory().getTransactionSupport())
                .isEqualTo(TransactionSupport.TransactionSupportLevel.XATransaction);
    }

    @Test
    void withoutAStartedAdapterTheStoreIsUnknownAndSaysWhy() {
        TableMQManagedConnectionFactory mcf = new TableMQManagedConnectionFactory();
        assertThatThrownBy(mcf::storeConfig).isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageContaining("not associated");
        mcf.setResourceAdapter(new TableMQResourceAdapter());
        assertThatThrownBy(mcf::storeConfig).isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageContaining("not started");
    }

    @Test
    void everyForbiddenCallCitesTheSpecSection() {
        for (ContainerRestrictions.Forbidden call : ContainerRestrictions.Forbidden.values()) {
            assertThat(ContainerRestrictions.refuse(call)).isInstanceOf(jakarta.jms.IllegalStateException.class)
                    .hasMessageContaining("Jakarta Messaging 3.1 §12.");
        }
    }
}
