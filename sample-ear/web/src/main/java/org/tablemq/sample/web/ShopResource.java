package org.tablemq.sample.web;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.tablemq.sample.events.Catalog;
import org.tablemq.sample.events.OrderLine;
import org.tablemq.sample.logistics.LogisticsService;
import org.tablemq.sample.logistics.StockLevel;
import org.tablemq.sample.order.OrderService;
import org.tablemq.sample.payment.PaymentService;
import org.tablemq.sample.shop.BulkResult;
import org.tablemq.sample.shop.Checkout;

/** Dashboard figures, restocking and the burst button. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {

    @EJB
    private OrderService orders;
    @EJB
    private PaymentService payments;
    @EJB
    private LogisticsService logistics;
    @EJB
    private Checkout checkout;

    @GET
    @Path("status")
    public ShopStatus status() {
        // read in this order so that the backlogs never come out negative while events are being handled
        long shipments = logistics.countShipments();
        long paid = orders.countPaid();
        long deadLetters = logistics.countDeadLetters();
        long paymentCount = payments.count();
        return new ShopStatus(logistics.stock(), paymentCount, paid, shipments, deadLetters,
                Math.max(0, paymentCount - paid), Math.max(0, paymentCount - shipments - deadLetters));
    }

    @GET
    @Path("stock")
    public List<StockLevel> stock() {
        return logistics.stock();
    }

    @POST
    @Path("stock/{sku}/restock")
    public List<StockLevel> restock(@PathParam("sku") String sku, @QueryParam("quantity") @DefaultValue("10") int quantity) {
        if (Catalog.bySku(sku).isEmpty() || quantity <= 0) {
            throw new BadRequestException("Cannot restock " + quantity + " x '" + sku + "'");
        }
        logistics.restock(sku, quantity);
        return logistics.stock();
    }

    /** Places {@code count} orders of one {@code sku} and starts paying them at once; logistics drains the backlog. */
    @POST
    @Path("burst")
    public BulkResult burst(@QueryParam("count") @DefaultValue("1000") int count,
                            @QueryParam("sku") @DefaultValue("WIDGET") String sku) {
        if (count < 1 || count > 10_000 || Catalog.bySku(sku).isEmpty()) {
            throw new BadRequestException("A burst is 1 to 10000 orders of a catalogue product, not " + count + " x '" + sku + "'");
        }
        return checkout.placeAndPay(count, List.of(new OrderLine(sku, 1)));
    }
}
