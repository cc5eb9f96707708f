package org.tablemq.sample.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.tablemq.sample.order.InvalidOrderException;
import org.tablemq.sample.payment.DuplicatePaymentException;
import org.tablemq.sample.shop.UnknownOrderException;

/** The services' application exceptions as HTTP answers with a readable message. */
@Provider
public class ShopExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final System.Logger LOG = System.getLogger(ShopExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        Response.Status status;
        if (e instanceof InvalidOrderException) {
            status = Response.Status.BAD_REQUEST;
        } else if (e instanceof UnknownOrderException) {
            status = Response.Status.NOT_FOUND;
        } else if (e instanceof DuplicatePaymentException) {
            status = Response.Status.CONFLICT;
        } else if (e instanceof jakarta.ws.rs.WebApplicationException w) {
            return Response.fromResponse(w.getResponse()).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", String.valueOf(w.getMessage()))).build();
        } else {
            LOG.log(System.Logger.Level.ERROR, "Shop request failed", e);
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", String.valueOf(e.getMessage()))).build();
    }
}
