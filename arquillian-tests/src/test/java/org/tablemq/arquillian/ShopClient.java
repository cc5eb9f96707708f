package org.tablemq.arquillian;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/** The sample's REST API as a customer's browser would call it. */
final class ShopClient {

    /** An HTTP answer: status and JSON body. */
    record Answer(int status, JsonStructure body) {
        JsonObject object() {
            return (JsonObject) body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ShopClient() {
        this.base = "http://127.0.0.1:" + System.getProperty("wildfly.http.port", "8180") + "/shop/";
    }

    String pageUrl() {
        return base;
    }

    long placeOrder(String sku, int quantity) {
        String body = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
        return expect(201, send("POST", "api/orders", body)).object().getJsonNumber("id").longValue();
    }

    long placeOrder(String sku1, int quantity1, String sku2, int quantity2) {
        String body = "{\"lines\":[{\"sku\":\"" + sku1 + "\",\"quantity\":" + quantity1 + "},{\"sku\":\"" + sku2
                + "\",\"quantity\":" + quantity2 + "}]}";
        return expect(201, send("POST", "api/orders", body)).object().getJsonNumber("id").longValue();
    }

    Answer pay(long orderId) {
        return send("POST", "api/orders/" + orderId + "/payment", null);
    }

    JsonObject order(long orderId) {
        return expect(200, send("GET", "api/orders/" + orderId, null)).object();
    }

    JsonObject status() {
        return expect(200, send("GET", "api/status", null)).object();
    }

    int stock(String sku) {
        JsonArray stock = expect(200, send("GET", "api/stock", null)).body().asJsonArray();
        return stock.getValuesAs(JsonObject.class).stream().filter(l -> l.getString("sku").equals(sku))
                .findFirst().orElseThrow().getInt("available");
    }

    JsonObject burst(int count) {
        return expect(200, send("POST", "api/burst?count=" + count + "&sku=WIDGET", null)).object();
    }

    JsonObject audit(long from, long to) {
        return expect(200, send("GET", "api/orders/audit?from=" + from + "&to=" + to, null)).object();
    }

    private Answer send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonStructure body = text == null || text.isBlank() ? Json.createObjectBuilder().build()
                    : Json.createReader(new StringReader(text)).read();
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + base + path + " interrupted", e);
        }
    }

    private static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("Expected HTTP " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
