package org.tablemq.sample.shop;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.tablemq.sample.events.OrderLine;
import org.tablemq.sample.order.Order;
import org.tablemq.sample.order.OrderService;
import org.tablemq.sample.payment.Payment;
import org.tablemq.sample.payment.PaymentService;

/**
 * The shop front's use cases. Paying reads the order for its amount and lines, then hands over to the payment
 * service; what happens next (order marked paid, shipment) is up to whoever subscribes to the event.
 */
@Stateless
public class Checkout {

    @EJB
    private OrderService orders;
    @EJB
    private PaymentService payments;

    public Payment pay(long orderId) {
        Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
        return payments.pay(order.id(), order.amount(), order.lines());
    }

    /**
     * Places and pays {@code count} identical orders, each payment in its own transaction, as a burst of customers
     * would. It returns when all are paid; shipping them happens afterwards at the logistics subscriber's pace.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BulkResult placeAndPay(int count, List<OrderLine> lines) {
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("A burst is 1 to 10000 orders, not " + count);
        }
        long started = System.nanoTime();
        long first = 0;
        long last = 0;
        for (int i = 0; i < count; i++) {
            Order order = orders.place(lines);
            payments.pay(order.id(), order.amount(), order.lines());
            first = i == 0 ? order.id() : first;
            last = order.id();
        }
        return new BulkResult(first, last, count, (System.nanoTime() - started) / 1_000_000);
    }
}
