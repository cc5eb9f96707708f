package org.tablemq.sample.web;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tablemq.sample.logistics.LogisticsService;
import org.tablemq.sample.order.Order;
import org.tablemq.sample.order.OrderService;
import org.tablemq.sample.payment.Payment;
import org.tablemq.sample.shop.Checkout;

/** Place, pay and look at orders. */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    @EJB
    private OrderService orders;
    @EJB
    private Checkout checkout;
    @EJB
    private LogisticsService logistics;
    @Inject
    private OrderViews views;

    @POST
    public Response place(PlaceOrderRequest request) {
        Order order = orders.place(request == null ? null : request.lines());
        return Response.created(URI.create("orders/" + order.id())).entity(views.of(order, Set.of())).build();
    }

    @GET
    public List<OrderView> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        Set<Long> dead = new HashSet<>(logistics.deadLetteredOrders());
        return orders.recent(Math.max(1, Math.min(limit, 500))).stream().map(o -> views.of(o, dead)).toList();
    }

    @GET
    @Path("audit")
    public OrderAudit audit(@QueryParam("from") long from, @QueryParam("to") long to) {
        long[] paid = orders.paymentEventCounts(from, to);
        long[] shipped = logistics.shipmentCounts(from, to);
        return new OrderAudit(from, to, paid[0], paid[1], shipped[0], shipped[1]);
    }

    @GET
    @Path("{id}")
    public OrderView one(@PathParam("id") long id) {
        Order order = orders.find(id).orElseThrow(() -> new NotFoundException("There is no order " + id));
        return views.of(order, logistics.isDeadLettered(id) ? Set.of(id) : Set.of());
    }

    /** Records the payment and publishes PaymentSucceeded; returns as soon as both are committed. */
    @POST
    @Path("{id}/payment")
    public Payment pay(@PathParam("id") long id) {
        return checkout.pay(id);
    }
}
