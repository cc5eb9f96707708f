package org.tablemq.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample as its users drive it, over HTTP against the deployed EAR: payment publishes, two durable
 * subscriptions consume in MDBs activated by the TableMQ adapter deployed on its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleFlowIT {

    private static final Duration FLOW = Duration.ofSeconds(60);

    private final ShopClient shop = new ShopClient();

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "sample", order = 2, testable = false)
    static EnterpriseArchive sample() {
        return Deployments.sampleEar();
    }

    @Test
    @Tag("store")
    void payingAnOrderMarksItPaidAndShipsIt() {
        long order = shop.placeOrder("WIDGET", 2);

        assertThat(shop.pay(order).status()).isEqualTo(200);

        await().atMost(FLOW).untilAsserted(() -> {
            JsonObject view = shop.order(order);
            assertThat(view.getString("status")).isEqualTo("PAID");
            assertThat(view.getString("shipmentStatus", null)).isEqualTo("SHIPPING");
        });
        JsonObject view = shop.order(order);
        assertThat(view.getInt("paymentEvents")).isEqualTo(1);
        assertThat(view.getInt("shipments")).isEqualTo(1);
    }

    @Test
    void eventPublishedBeforeAFailingPaymentInsertIsNeverDelivered() {
        long paidTwice = shop.placeOrder("WIDGET", 1);
        assertThat(shop.pay(paidTwice).status()).isEqualTo(200);

        // the second payment publishes its event, then its insert violates "one payment per order": XA rollback
        assertThat(shop.pay(paidTwice).status()).isEqualTo(409);

        // an order paid afterwards goes through both subscriptions; by then a leaked event would have arrived too
        long later = shop.placeOrder("WIDGET", 1);
        assertThat(shop.pay(later).status()).isEqualTo(200);
        await().atMost(FLOW).untilAsserted(() -> {
            JsonObject view = shop.order(later);
            assertThat(view.getInt("paymentEvents")).isEqualTo(1);
            assertThat(view.getInt("shipments")).isEqualTo(1);
        });
        JsonObject view = shop.order(paidTwice);
        assertThat(view.getInt("paymentEvents")).isEqualTo(1);
        assertThat(view.getInt("shipments")).isEqualTo(1);
        assertThat(view.getInt("logisticsAttempts")).isEqualTo(1);
    }

    @Test
    @Tag("store")
    void orderBeyondStockIsRetriedThenDeadLetteredWithoutPartialWritesAndCompensated() {
        int gadgetsBefore = shop.stock("GADGET");
        long deadLettersBefore = shop.status().getJsonNumber("deadLetters").longValue();
        // the gadget line is reserved first, then the gizmo line fails: the reservation must roll back each time
        long order = shop.placeOrder("GADGET", 1, "GIZMO", 1_000);

        assertThat(shop.pay(order).status()).isEqualTo(200);

        // dead letter taken from logistics-dlq and recorded, ShipmentFailed published, applied by the order service
        await().atMost(FLOW).untilAsserted(() -> assertThat(shop.order(order).getString("status")).isEqualTo("REFUND_DUE"));
        JsonObject view = shop.order(order);
        assertThat(view.getBoolean("deadLettered")).isTrue(); // recorded in the transaction that published the event
        assertThat(view.getInt("logisticsAttempts")).isEqualTo(4); // the listener's maxDeliveryAttempts
        assertThat(view.getInt("lastDeliveryCount")).isEqualTo(4);
        assertThat(view.getInt("shipments")).isZero();
        assertThat(view.getString("shipmentStatus")).isEqualTo("FAILED");
        assertThat(shop.stock("GADGET")).isEqualTo(gadgetsBefore);
        assertThat(view.getInt("paymentEvents")).isEqualTo(1); // the order service's payment subscription is unaffected
        assertThat(view.getString("paidAt", null)).isNotNull();
        // the provider's reason travels in the event: delivery of the payment event failed 4 times
        assertThat(view.getString("shipmentFailure")).contains("payments").contains("delivery failed 4 times");
        assertThat(view.getString("shipmentFailedAt", null)).isNotNull();
        // the queue is drained by the logistics service, which counts the dead letter once, in its database
        assertThat(shop.status().getJsonNumber("deadLetters").longValue()).isEqualTo(deadLettersBefore + 1);
    }

    @Test
    void shipmentFailedAppliedBeforeThePaymentEventKeepsTheOrderRefundDue() throws IOException {
        long order = shop.placeOrder("GIZMO", 1_000);
        orderListener("stop-delivery");
        try {
            assertThat(shop.pay(order).status()).isEqualTo(200);
            // the two topics are independent: ShipmentFailed overtakes the payment event held for the order service
            await().atMost(FLOW).untilAsserted(() -> assertThat(shop.order(order).getString("status")).isEqualTo("REFUND_DUE"));
            assertThat(shop.order(order).getInt("paymentEvents")).isZero();
        } finally {
            orderListener("start-delivery");
        }

        await().atMost(FLOW).untilAsserted(() -> assertThat(shop.order(order).getInt("paymentEvents")).isEqualTo(1));
        JsonObject view = shop.order(order);
        assertThat(view.getString("status")).isEqualTo("REFUND_DUE"); // the late payment event does not make it PAID
        assertThat(view.getString("paidAt", null)).isNotNull();
        assertThat(view.getBoolean("deadLettered")).isTrue();
    }

    @Test
    void durableSubscriptionKeepsEventsWhileTheOrderServiceIsDown() throws IOException {
        orderListener("stop-delivery");
        List<Long> orders = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                long order = shop.placeOrder("WIDGET", 1);
                assertThat(shop.pay(order).status()).isEqualTo(200);
                orders.add(order);
            }
            // payments go on and logistics ships, while no order is marked paid
            await().atMost(FLOW).untilAsserted(() -> assertThat(orders)
                    .allSatisfy(id -> assertThat(shop.order(id).getInt("shipments")).isEqualTo(1)));
            assertThat(orders).allSatisfy(id -> assertThat(shop.order(id).getString("status")).isEqualTo("CREATED"));
        } finally {
            orderListener("start-delivery");
        }

        await().atMost(FLOW).untilAsserted(() -> assertThat(orders)
                .allSatisfy(id -> assertThat(shop.order(id).getString("status")).isEqualTo("PAID")));
        assertThat(orders).allSatisfy(id -> assertThat(shop.order(id).getInt("paymentEvents")).isEqualTo(1));
    }

    @Test
    @Tag("store")
    void thousandPaymentsAreEachProcessedExactlyOnceBySeveralSessions() {
        long started = System.nanoTime();
        JsonObject burst = shop.burst(1_000);
        long first = burst.getJsonNumber("firstOrderId").longValue();
        long last = burst.getJsonNumber("lastOrderId").longValue();
        assertThat(last - first).isEqualTo(999);

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonObject audit = shop.audit(first, last);
            assertThat(audit.getInt("paidMoreThanOnce")).isZero();
            assertThat(audit.getInt("shippedMoreThanOnce")).isZero();
            assertThat(audit.getInt("paidOnce")).isEqualTo(1_000);
            assertThat(audit.getInt("shippedOnce")).isEqualTo(1_000);
        });
        System.out.printf("1000 orders placed, paid, marked paid and shipped in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void shopPageShowsAnOrderPlacedAndPaidInTheBrowserAsShipped() {
        ShopPage.inHeadlessChromium(shop.pageUrl(), page -> {
            long order = page.placeDefaultOrder();
            page.pay(order);
            page.awaitStatus(order, "PAID", "SHIPPING");
        });
    }

    /** Stops or starts message delivery to the order service's MDB: the adapter deactivates or reactivates it. */
    private void orderListener(String operation) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        ModelNode address = op.get("address");
        address.add("deployment", Deployments.SAMPLE_EAR);
        address.add("subdeployment", "services.jar");
        address.add("subsystem", "ejb3");
        address.add("message-driven-bean", "OrderPaymentListener");
        int port = Integer.parseInt(System.getProperty("wildfly.management.port", "10090"));
        ModelNode result;
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", port)) {
            result = client.execute(op);
        }
        assertThat(result.get("outcome").asString()).as("%s: %s", operation, result).isEqualTo("success");
    }
}
