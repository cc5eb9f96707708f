package org.tablemq.sample.web;

import java.util.List;

import org.tablemq.sample.events.OrderLine;

/** Body of {@code POST /api/orders}: {"lines":[{"sku":"WIDGET","quantity":2}]}. The amount is priced by the shop. */
public record PlaceOrderRequest(List<OrderLine> lines) {
}
