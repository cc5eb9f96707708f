package org.tablemq.sample.order;

import jakarta.ejb.ApplicationException;

/** An order that names an unknown product or a non-positive quantity; nothing is written. */
@ApplicationException(rollback = true)
public class InvalidOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidOrderException(String message) {
        super(message);
    }
}
