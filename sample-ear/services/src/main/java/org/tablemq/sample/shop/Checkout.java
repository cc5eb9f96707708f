package org.tablemq.sample.shop;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.tablemq.sample.events.OrderLine;
import org.tablemq.sample.order.InvalidOrderException;
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

    /** How many payments of a burst run at once. */
    static final int PAYERS = 4;

    private static final System.Logger LOG = System.getLogger(Checkout.class.getName());

    @Resource
    private SessionContext context;
    @EJB
    private OrderService orders;
    @EJB
    private PaymentService payments;

    public Payment pay(long orderId) {
        Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
        return payments.pay(order.id(), order.amount(), order.lines());
    }

    /**
     * Places {@code count} identical orders in one transaction, then pays them from {@link #PAYERS} asynchronous
     * payers, each payment in its own transaction, as a crowd of customers would. Returns once the orders exist;
     * the payments then complete quickly while logistics ships at its own pace (watch the backlog).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BulkResult placeAndPay(int count, List<OrderLine> lines) {
        if (count < 1 || count > 10_000) {
            throw new InvalidOrderException("A burst is 1 to 10000 orders, not " + count);
        }
        List<Order> placed = orders.placeMany(count, lines);
        int payers = Math.min(PAYERS, count);
        Checkout self = context.getBusinessObject(Checkout.class);
        for (int p = 0; p < payers; p++) {
            self.payEach(placed.subList(p * count / payers, (p + 1) * count / payers));
        }
        return new BulkResult(placed.get(0).id(), placed.get(count - 1).id(), count, payers);
    }

    /** One payer of a burst. A failed payment is logged and the payer goes on with the next order. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void payEach(List<Order> toPay) {
        for (Order order : toPay) {
            try {
                payments.pay(order.id(), order.amount(), order.lines());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Payment of order " + order.id() + " in a burst failed", e);
            }
        }
    }
}
