package org.tablemq.arquillian.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.UUID;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import javax.transaction.xa.XAResource;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tablemq.arquillian.Deployments;

/**
 * Runs inside WildFly, in a deployment of its own beside the RAR: XA on the consuming side (a failing MDB's writes
 * roll back with the consumption, redelivery headers, dead-lettering), XA on the sending side when the publish
 * fails, the outbound API and its container restrictions, and recovery of a branch left in doubt.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerXaIT {

    private static final String APP = "container-xa-it";
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(60);

    @EJB
    private OutboundClient outbound;
    @EJB
    private PaymentWithFailingPublish paymentWithFailingPublish;

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = APP, order = 2)
    static WebArchive app() throws URISyntaxException {
        return ShrinkWrap.create(WebArchive.class, "container-xa-it.war")
                .addPackage(ContainerXaIT.class.getPackage())
                .addClass(Deployments.class)
                .addAsWebInfResource(new StringAsset(DATASOURCE_XML), "container-xa-it-ds.xml")
                .addAsLibraries(jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(org.hamcrest.Matcher.class))
                .setManifest(new StringAsset("Manifest-Version: 1.0\n"
                        + "Dependencies: jakarta.jms.api, org.jboss.jts, deployment." + Deployments.RAR + "\n"));
    }

    @Test
    @OperateOnDeployment(APP)
    @Tag("store")
    void throwingHandlerRollsBackItsWritesIsRedeliveredAndDeadLettered() throws Exception {
        assertRetriedThenDeadLetteredWithoutWrites(ItResources.THROWING_QUEUE);
    }

    @Test
    @OperateOnDeployment(APP)
    @Tag("store")
    void setRollbackOnlyRollsBackItsWritesIsRedeliveredAndDeadLettered() throws Exception {
        assertRetriedThenDeadLetteredWithoutWrites(ItResources.ROLLBACK_ONLY_QUEUE);
    }

    @Test
    @OperateOnDeployment(APP)
    void failingPublishRollsBackThePaymentRowAndTheEventsSentBeforeIt() throws Exception {
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> paymentWithFailingPublish.pay(key, "it-payment-events")).isInstanceOf(EJBException.class);

        assertThat(ItResources.countWrites(dataSource(), key)).isZero();
        // a sentinel with the same key sent afterwards is the first such message: the rolled-back event never became visible
        String sentinel = "sentinel " + key;
        outbound.send("it-payment-events", sentinel, key);
        assertThat(outbound.receive("it-payment-events", key, 10_000)).isEqualTo(sentinel);
    }

    @Test
    @OperateOnDeployment(APP)
    void ejbSendsAndReceivesOnAQueueThroughTheAdapter() {
        String text = "hello " + UUID.randomUUID();

        String key = UUID.randomUUID().toString();

        outbound.send("it-outbound", text, key);

        assertThat(outbound.receive("it-outbound", key, 10_000)).isEqualTo(text);
    }

    @Test
    @OperateOnDeployment(APP)
    void secondSessionOnOneConnectionIsRefusedInTheContainer() throws Exception {
        assertThat(outbound.secondSessionOnOneConnection()).isNotNull().hasMessageContaining("session");
    }

    @Test
    @OperateOnDeployment(APP)
    void messageListenerIsRefusedInTheContainer() throws Exception {
        assertThat(outbound.messageListenerOnAConsumer("it-outbound")).isNotNull();
    }

    @Test
    @OperateOnDeployment(APP)
    void branchLeftPreparedIsResolvedByTheServersRecovery() throws Exception {
        String key = UUID.randomUUID().toString();
        try (InDoubtBranch branch = new InDoubtBranch()) {
            assertThat(branch.prepareSend("it-in-doubt", key)).isEqualTo(XAResource.XA_OK);
            assertThat(branch.stillInDoubt()).isTrue();

            // no transaction log exists for this Xid of our node: once it is older than the transaction manager's
            // orphan safety interval (20 s), a recovery scan (every 5 s here) presumes abort and rolls it back
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> !branch.stillInDoubt());
        }
        try (JMSContext jms = connectionFactory().createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue("it-in-doubt"), ItResources.KEY + " = '" + key + "'")) {
            assertThat(consumer.receive(2_000)).as("message of the rolled-back branch").isNull();
        }
    }

    private void assertRetriedThenDeadLetteredWithoutWrites(String queue) throws Exception {
        String key = UUID.randomUUID().toString();
        try (JMSContext jms = connectionFactory().createContext()) {
            jms.createProducer().setProperty(ItResources.KEY, key).send(jms.createQueue(queue), "poison " + key);
        }

        Message dead = await().atMost(DEAD_LETTERED).until(() -> receiveDeadLetter(key), m -> m != null);

        assertThat(dead.getStringProperty(ItResources.KEY)).isEqualTo(key);
        assertThat(Attempts.of(key)).extracting(Attempt::deliveryCount).containsExactly(1, 2, 3);
        assertThat(Attempts.of(key)).extracting(Attempt::redelivered).containsExactly(false, true, true);
        assertThat(ItResources.countWrites(dataSource(), key)).as("rows written by the failed attempts").isZero();
    }

    private Message receiveDeadLetter(String key) throws NamingException {
        try (JMSContext jms = connectionFactory().createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(ItResources.DEAD_LETTERS),
                     ItResources.KEY + " = '" + key + "'")) {
            return consumer.receive(500);
        }
    }

    private static ConnectionFactory connectionFactory() throws NamingException {
        return InitialContext.doLookup(ItResources.CONNECTION_FACTORY);
    }

    private static DataSource dataSource() throws NamingException {
        return InitialContext.doLookup(ItResources.DATASOURCE);
    }

    private static File jarOf(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static final String DATASOURCE_XML = """
            <datasources xmlns="http://www.jboss.org/ironjacamar/schema">
              <xa-datasource jndi-name="java:jboss/datasources/TableMQContainerIt" pool-name="TableMQContainerIt">
                <xa-datasource-property name="URL">jdbc:h2:${jboss.server.data.dir}/container-xa-it;DB_CLOSE_ON_EXIT=FALSE</xa-datasource-property>
                <driver>h2</driver>
                <security><user-name>sa</user-name><password>sa</password></security>
              </xa-datasource>
            </datasources>
            """;
}
