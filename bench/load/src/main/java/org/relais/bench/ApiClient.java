package org.relais.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Relais's REST API, as the drivers call it: JSON over HTTP with basic authentication. */
final class ApiClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  ApiClient(String base) {
    this.base = base.endsWith("/") ? base : base + "/";
  }

  /** The server's address, ending with a slash. */
  String base() {
    return base;
  }

  HttpClient http() {
    return http;
  }

  HttpResponse<String> post(String user, String password, String path, String json) {
    return send("POST", user, password, path, json);
  }

  HttpResponse<String> send(String method, String user, String password, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", basic(user, password))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    }
  }

  static void expect(int status, HttpResponse<String> reply) {
    if (reply.statusCode() != status) {
      throw new IllegalStateException(reply.request().uri() + " answered " + reply.statusCode() + ": " + reply.body());
    }
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
