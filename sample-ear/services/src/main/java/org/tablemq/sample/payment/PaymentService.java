package org.tablemq.sample.payment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.tablemq.sample.events.Channels;
import org.tablemq.sample.events.EventPublisher;
import org.tablemq.sample.events.OrderLine;
import org.tablemq.sample.events.PaymentSucceeded;

/**
 * The payment service: records a payment and publishes PaymentSucceeded in one XA transaction.
 * It does not know who listens. The event is deliberately published before the row is inserted: when the insert
 * fails (the order is already paid), the rollback must withdraw the event, which only XA guarantees.
 */
@Stateless
public class PaymentService {

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = PaymentSchema.DATASOURCE)
    private DataSource payments;

    @Resource(lookup = Channels.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    public Payment pay(long orderId, BigDecimal amount, List<OrderLine> lines) {
        Instant paidAt = Instant.now();
        publish(new PaymentSucceeded(orderId, amount, paidAt, List.copyOf(lines)));
        return insert(orderId, amount, paidAt);
    }

    public Optional<Payment> forOrder(long orderId) {
        String sql = "SELECT id, order_id, amount, paid_at FROM payments WHERE order_id = ?";
        try (Connection c = payments.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Payment(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
                        Instant.ofEpochMilli(rs.getLong(4)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new EJBException("Cannot read the payment of order " + orderId, e);
        }
    }

    public long count() {
        try (Connection c = payments.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM payments")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new EJBException("Cannot count payments", e);
        }
    }

    private void publish(PaymentSucceeded event) {
        try {
            EventPublisher.publish(connectionFactory, Channels.PAYMENTS, PaymentSucceeded.TYPE, event.orderId(), event);
        } catch (JMSException e) {
            throw new EJBException("Cannot publish PaymentSucceeded for order " + event.orderId(), e);
        }
    }

    private Payment insert(long orderId, BigDecimal amount, Instant paidAt) {
        String sql = "INSERT INTO payments (order_id, amount, paid_at) VALUES (?, ?, ?)";
        try (Connection c = payments.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orderId);
            ps.setBigDecimal(2, amount);
            ps.setLong(3, paidAt.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Payment(keys.getLong(1), orderId, amount, paidAt);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicatePaymentException(orderId, e);
            }
            throw new EJBException("Cannot record the payment of order " + orderId, e);
        }
    }
}
