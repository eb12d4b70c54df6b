package org.relais.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A small client of the REST API for the tests: HTTP Basic, JSON in and out. */
public final class Api {

  public static final String OPERATOR_PASSWORD = System.getProperty("relais.it.operatorPassword");

  private final String baseUrl;
  private final String serverUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  Api(String baseUrl) {
    this.baseUrl = baseUrl;
    URI uri = URI.create(baseUrl);
    this.serverUrl = uri.getScheme() + "://" + uri.getAuthority();
  }

  /**
   * An HTTP answer: its status, raw body, parsed JSON (null when not JSON) and {@code Location}
   * header (null when none).
   */
  public record Reply(int status, String body, JsonValue json, String location) {

    public Reply(int status, String body, JsonValue json) {
      this(status, body, json, null);
    }

    public JsonObject object() {
      return parsed().asJsonObject();
    }

    public JsonArray array() {
      return parsed().asJsonArray();
    }

    private JsonValue parsed() {
      if (json == null) {
        throw new AssertionError("not a JSON answer: HTTP " + status + " " + body);
      }
      return json;
    }
  }

  /** Credentials of a caller: {@code login@account} or {@code operator}. */
  public record Caller(String user, String password) {

    /** The account of a {@code login@account} caller. */
    public String account() {
      return user.substring(user.indexOf('@') + 1);
    }

    /** Its HTTP Basic {@code Authorization} header. */
    public String authorization() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  public Caller operator() {
    return new Caller("operator", OPERATOR_PASSWORD);
  }

  /**
   * Creates a person of the admin's account with this role, in one group; answers its credentials.
   */
  public Caller person(Caller admin, String login, String role, String extension, String group) {
    return created(admin, login, "Name of " + login, role, extension, group);
  }

  private Caller created(
      Caller admin, String login, String name, String role, String extension, String group) {
    Reply reply =
        send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\""
                + login
                + "\",\"name\":\""
                + name
                + "\",\"password\":\"password-of-"
                + login
                + "\",\"role\":\""
                + role
                + "\",\"extension\":\""
                + extension
                + "\",\"groups\":[{\"name\":\""
                + group
                + "\"}]}");
    if (reply.status() != 201) {
      throw new AssertionError("person creation failed: " + reply);
    }
    return new Caller(login + "@" + admin.account(), "password-of-" + login);
  }

  /**
   * Creates an agent of the admin's account in one group, opens its session and makes it available;
   * answers its credentials.
   */
  public Caller availableAgent(Caller admin, String login, String extension, String group) {
    Caller agent = created(admin, login, login, "AGENT", extension, group);
    for (Reply reply :
        List.of(
            send(agent, "POST", "api/v1/me/session", null),
            send(agent, "PUT", "api/v1/me/availability", "{\"available\":true}"))) {
      if (reply.status() != 200) {
        throw new AssertionError("agent " + login + " not available: " + reply);
      }
    }
    return agent;
  }

  /** Creates a fresh account through the operator API; answers its admin. */
  public Caller newAccount() {
    String name = "t" + UUID.randomUUID().toString().substring(0, 12);
    Reply reply =
        send(
            operator(),
            "POST",
            "api/v1/accounts",
            "{\"name\":\""
                + name
                + "\",\"admin\":{\"login\":\"admin\",\"password\":\"secret-admin\"}}");
    if (reply.status() != 201) {
      throw new IllegalStateException("account creation failed: " + reply);
    }
    return new Caller("admin@" + name, "secret-admin");
  }

  public Reply get(Caller caller, String path) {
    return send(caller, "GET", path, null);
  }

  /**
   * @param path relative to the application ({@code api/v1/groups}), or to the server when it
   *     starts with '/' ({@code /health/ready})
   */
  public Reply send(Caller caller, String method, String path, String json) {
    return json == null
        ? send(caller, method, path, null, HttpRequest.BodyPublishers.noBody())
        : send(
            caller,
            method,
            path,
            "application/json",
            HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  /** Sends a body of any type, or of no declared length ({@code BodyPublishers.ofInputStream}). */
  public Reply send(
      Caller caller,
      String method,
      String path,
      String contentType,
      HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create((path.startsWith("/") ? serverUrl : baseUrl) + path))
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (caller != null) {
      request.header("Authorization", caller.authorization());
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(
          response.statusCode(),
          response.body(),
          parse(response),
          response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonValue parse(HttpResponse<String> response) {
    boolean isJson =
        response.headers().firstValue("Content-Type").orElse("").contains("json")
            && !response.body().isBlank();
    if (!isJson) {
      return null;
    }
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      JsonStructure structure = reader.read();
      return structure;
    }
  }
}
