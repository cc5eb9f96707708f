package org.tablemq.sample.logistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.tablemq.sample.events.Catalog;
import org.tablemq.sample.events.Channels;
import org.tablemq.sample.events.EventPublisher;
import org.tablemq.sample.events.OrderLine;
import org.tablemq.sample.events.PaymentSucceeded;
import org.tablemq.sample.events.ShipmentFailed;

/** The logistics service: owns stock, shipments and the record of its dead letters; publishes ShipmentFailed. */
@Stateless
public class LogisticsService {

    @Resource(lookup = LogisticsSchema.DATASOURCE)
    private DataSource logistics;

    @Resource(lookup = Channels.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    /**
     * Creates the shipment, then reserves each line's stock, all in the caller's transaction. A short line throws
     * after the earlier writes, which is exactly what the rollback must undo.
     */
    public Shipment ship(PaymentSucceeded event) {
        Instant now = Instant.now();
        try (Connection c = logistics.getConnection()) {
            long shipmentId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO shipments (order_id, status, created_at) VALUES (?, 'SHIPPING', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, event.orderId());
                ps.setLong(2, now.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    shipmentId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE stock SET available = available - ? WHERE sku = ? AND available >= ?")) {
                for (OrderLine line : event.lines()) {
                    ps.setInt(1, line.quantity());
                    ps.setString(2, line.sku());
                    ps.setInt(3, line.quantity());
                    if (ps.executeUpdate() != 1) {
                        throw new OutOfStockException(event.orderId(), line.sku(), line.quantity());
                    }
                }
            }
            return new Shipment(shipmentId, event.orderId(), "SHIPPING", now);
        } catch (SQLException e) {
            throw new EJBException("Cannot ship order " + event.orderId(), e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Shipment> shipmentsOf(long orderId) {
        String sql = "SELECT id, order_id, status, created_at FROM shipments WHERE order_id = ? ORDER BY id";
        try (Connection c = logistics.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, orderId);
            List<Shipment> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Shipment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new EJBException("Cannot read the shipments of order " + orderId, e);
        }
    }

    /** How many orders in [from, to] have exactly one shipment, and more than one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long[] shipmentCounts(long from, long to) {
        String sql = "SELECT COUNT(CASE WHEN n = 1 THEN 1 END), COUNT(CASE WHEN n > 1 THEN 1 END) FROM"
                + " (SELECT order_id, COUNT(*) AS n FROM shipments WHERE order_id BETWEEN ? AND ? GROUP BY order_id) s";
        try (Connection c = logistics.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (SQLException e) {
            throw new EJBException("Cannot count shipments of orders " + from + ".." + to, e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countShipments() {
        try (Connection c = logistics.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM shipments")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new EJBException("Cannot count shipments", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StockLevel> stock() {
        try (Connection c = logistics.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sku, available FROM stock ORDER BY sku")) {
            List<StockLevel> result = new ArrayList<>();
            while (rs.next()) {
                String sku = rs.getString(1);
                String title = Catalog.bySku(sku).map(Catalog::title).orElse(sku);
                result.add(new StockLevel(sku, title, rs.getInt(2)));
            }
            return result;
        } catch (SQLException e) {
            throw new EJBException("Cannot read stock", e);
        }
    }

    public void restock(String sku, int quantity) {
        if (quantity <= 0 || Catalog.bySku(sku).isEmpty()) {
            throw new IllegalArgumentException("Cannot restock " + quantity + " x '" + sku + "'");
        }
        try (Connection c = logistics.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE stock SET available = available + ? WHERE sku = ?")) {
            ps.setInt(1, quantity);
            ps.setString(2, sku);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EJBException("Cannot restock " + sku, e);
        }
    }

    /**
     * Records a message taken from the logistics dead letter queue and, when it is a payment event for an order,
     * publishes the compensating {@link ShipmentFailed}: both in the caller's transaction (the listener's), which
     * also consumes the dead letter, so the record, the event and the consumption commit together or not at all.
     * A message recorded before (same JMSMessageID) changes nothing and publishes nothing.
     *
     * @return whether the order was given up on, i.e. ShipmentFailed was published
     */
    public boolean deadLettered(DeadLetter letter) {
        String sql = "INSERT INTO dead_letters (message_id, order_id, jms_type, reason, origin, dead_lettered_at)"
                + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM dead_letters WHERE message_id = ?)";
        try (Connection c = logistics.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, letter.messageId());
            if (letter.orderId() == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, letter.orderId());
            }
            ps.setString(3, letter.type());
            ps.setString(4, letter.reason());
            ps.setString(5, letter.origin());
            ps.setLong(6, letter.at().toEpochMilli());
            ps.setString(7, letter.messageId());
            if (ps.executeUpdate() == 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new EJBException("Cannot record dead letter " + letter.messageId(), e);
        }
        if (letter.orderId() == null || !PaymentSucceeded.TYPE.equals(letter.type())) {
            return false; // nothing to compensate: not a payment this service failed to ship
        }
        String reason = letter.reason() != null ? letter.reason()
                : "the payment event was dead-lettered to " + Channels.LOGISTICS_DEAD_LETTERS;
        publish(new ShipmentFailed(letter.orderId(), reason, letter.at()));
        return true;
    }

    /** Order ids of the dead letters recorded, oldest first (-1: a message without one). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> deadLetteredOrders() {
        try (Connection c = logistics.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(order_id, -1) FROM dead_letters ORDER BY id")) {
            List<Long> orderIds = new ArrayList<>();
            while (rs.next()) {
                orderIds.add(rs.getLong(1));
            }
            return orderIds;
        } catch (SQLException e) {
            throw new EJBException("Cannot read the dead letters", e);
        }
    }

    /** Whether a dead letter naming this order was recorded. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isDeadLettered(long orderId) {
        try (Connection c = logistics.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM dead_letters WHERE order_id = ?")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new EJBException("Cannot read the dead letters of order " + orderId, e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countDeadLetters() {
        try (Connection c = logistics.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dead_letters")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new EJBException("Cannot count the dead letters", e);
        }
    }

    private void publish(ShipmentFailed event) {
        try {
            EventPublisher.publish(connectionFactory, Channels.SHIPMENTS, ShipmentFailed.TYPE, event.orderId(), event);
        } catch (JMSException e) {
            throw new EJBException("Cannot publish ShipmentFailed for order " + event.orderId(), e);
        }
    }
}
