package org.tablemq.sample.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's REST API, under /shop/api. */
@ApplicationPath("/api")
public class ShopApplication extends Application {
}
