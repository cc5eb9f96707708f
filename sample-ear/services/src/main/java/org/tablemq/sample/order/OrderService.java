package org.tablemq.sample.order;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;

import org.tablemq.sample.events.Catalog;
import org.tablemq.sample.events.EventCodec;
import org.tablemq.sample.events.OrderLine;
import org.tablemq.sample.events.PaymentSucceeded;
import org.tablemq.sample.events.ShipmentFailed;

/** The order service: owns the orders table, places orders and applies payment and ShipmentFailed events to them. */
@Stateless
public class OrderService {

    @Resource(lookup = OrderSchema.DATASOURCE)
    private DataSource orders;

    public Order place(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidOrderException("An order needs at least one line");
        }
        BigDecimal amount = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            Catalog product = Catalog.bySku(line.sku()).orElseThrow(() -> new InvalidOrderException(
                    "Unknown product '" + line.sku() + "'; the catalogue has " + Arrays.toString(Catalog.values())));
            if (line.quantity() <= 0) {
                throw new InvalidOrderException("Quantity of " + line.sku() + " must be positive, was " + line.quantity());
            }
            amount = amount.add(product.price().multiply(BigDecimal.valueOf(line.quantity())));
        }
        Instant now = Instant.now();
        String sql = "INSERT INTO orders (order_lines, amount, status, created_at) VALUES (?, ?, ?, ?)";
        try (Connection c = orders.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, EventCodec.toJson(lines));
            ps.setBigDecimal(2, amount);
            ps.setString(3, OrderStatus.CREATED.name());
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Order(keys.getLong(1), List.copyOf(lines), amount, OrderStatus.CREATED, now, null, 0, null, null);
            }
        } catch (SQLException e) {
            throw new EJBException("Cannot place an order of " + lines, e);
        }
    }

    /** Places {@code count} orders with the same lines in the caller's transaction (one, for a burst). */
    public List<Order> placeMany(int count, List<OrderLine> lines) {
        List<Order> placed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            placed.add(place(lines));
        }
        return placed;
    }

    public Optional<Order> find(long id) {
        List<Order> found = query("SELECT * FROM orders WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** The newest orders first. */
    public List<Order> recent(int limit) {
        return query("SELECT * FROM orders ORDER BY id DESC FETCH FIRST ? ROWS ONLY", limit);
    }

    /** Orders with ids in [from, to], oldest first. */
    public List<Order> range(long from, long to) {
        return query("SELECT * FROM orders WHERE id BETWEEN ? AND ? ORDER BY id", from, to);
    }

    /**
     * Applies a payment event in the caller's transaction (the MDB's). Counting every application, rather than
     * ignoring repeats, keeps a duplicate delivery visible instead of hiding it. Only a CREATED order becomes
     * PAID: the two topics are independent, so a ShipmentFailed may have been applied first, and REFUND_DUE stays.
     *
     * @return false when the order is unknown to this service
     */
    public boolean applyPayment(PaymentSucceeded event) {
        String sql = "UPDATE orders SET status = CASE WHEN status = ? THEN ? ELSE status END, paid_at = ?,"
                + " payment_events = payment_events + 1 WHERE id = ?";
        try (Connection c = orders.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, OrderStatus.CREATED.name());
            ps.setString(2, OrderStatus.PAID.name());
            ps.setLong(3, event.paidAt().toEpochMilli());
            ps.setLong(4, event.orderId());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new EJBException("Cannot mark order " + event.orderId() + " paid", e);
        }
    }

    /**
     * Applies the compensating event in the caller's transaction (the MDB's): the order is paid but will not be
     * shipped, so it becomes REFUND_DUE with the reason, whether or not its payment event has been applied yet.
     *
     * @return false when the order is unknown to this service
     */
    public boolean applyShipmentFailed(ShipmentFailed event) {
        String sql = "UPDATE orders SET status = ?, shipment_failure = ?, shipment_failed_at = ? WHERE id = ?";
        try (Connection c = orders.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, OrderStatus.REFUND_DUE.name());
            ps.setString(2, event.reason());
            ps.setLong(3, event.failedAt().toEpochMilli());
            ps.setLong(4, event.orderId());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new EJBException("Cannot mark order " + event.orderId() + " for a refund", e);
        }
    }

    public long countPaid() {
        try (Connection c = orders.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders WHERE payment_events > 0")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new EJBException("Cannot count paid orders", e);
        }
    }

    /** How many orders in [from, to] had the payment event applied exactly once, and more than once. */
    public long[] paymentEventCounts(long from, long to) {
        String sql = "SELECT COUNT(CASE WHEN payment_events = 1 THEN 1 END), COUNT(CASE WHEN payment_events > 1 THEN 1 END)"
                + " FROM orders WHERE id BETWEEN ? AND ?";
        try (Connection c = orders.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (SQLException e) {
            throw new EJBException("Cannot count orders " + from + ".." + to + " (" + sql + ")", e);
        }
    }

    private List<Order> query(String sql, Object... args) {
        try (Connection c = orders.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Order> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new EJBException("Cannot read orders (" + sql + ")", e);
        }
    }

    private static Order read(ResultSet rs) throws SQLException {
        OrderLine[] lines = EventCodec.fromJson(rs.getString("order_lines"), OrderLine[].class);
        return new Order(rs.getLong("id"), List.of(lines), rs.getBigDecimal("amount"),
                OrderStatus.valueOf(rs.getString("status")), Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "paid_at"), rs.getInt("payment_events"), rs.getString("shipment_failure"),
                instant(rs, "shipment_failed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
