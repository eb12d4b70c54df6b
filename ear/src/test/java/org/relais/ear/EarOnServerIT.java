package org.relais.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The EAR as enterprise IT deploys it, on the server's own datasource: Payara Server (profile
 * {@code payara-server}) or WildFly (profile {@code wildfly}). The profile starts the server with
 * the EAR deployed and the operator's password before this test, and names where it answers.
 */
class EarOnServerIT {

  private static final String BASE = System.getProperty("relais.server.url");

  /**
   * Health and metrics: on the application's port on Payara, the management port on WildFly
   * (MicroProfile Health, and Micrometer's Prometheus registry).
   */
  private static final String HEALTH = System.getProperty("relais.health.url", BASE);

  private static final String OPERATOR =
      "operator:" + System.getProperty("relais.operator.password");
  private static final String ADMIN = "admin@smoke:admin-password";
  private static final String AGENT = "agent1@smoke:agent-password";
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void readinessIsUpWithTheDatabase() throws Exception {
    HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(HEALTH + "/health/ready")));

    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body())
        .as("Relais's own checks, on either server")
        .contains("\"database\"", "\"telephony\"", "\"media\"")
        .doesNotContain("\"DOWN\"");
  }

  @Test
  void loginPageIsServedAtTheRoot() throws Exception {
    HttpResponse<String> login = get("/login.xhtml");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("login:account", "login:username", "login:password");
  }

  @Test
  void apiAnswersInItsErrorShape() throws Exception {
    HttpResponse<String> groups = get("/api/v1/groups");

    assertThat(groups.statusCode()).isEqualTo(401);
    assertThat(groups.body()).contains("\"error\"");

    HttpResponse<String> unsupported = send(as(OPERATOR, "/api/v1/accounts").DELETE());
    assertThat(unsupported.statusCode()).isEqualTo(405);
    assertThat(unsupported.body()).contains("\"error\"");
  }

  /**
   * Jakarta Security (the login form and Basic credentials), the engine and its EJB timers, the
   * database through the server's datasource, and the banner's push over a Faces websocket.
   */
  @Test
  void aCallRingsTheConnectedAgentAndItsBanner() throws Exception {
    created(
        OPERATOR,
        "/api/v1/accounts",
        "{\"name\":\"smoke\",\"admin\":{\"login\":\"admin\","
            + "\"password\":\"admin-password\"}}");
    created(ADMIN, "/api/v1/groups", "{\"name\":\"Accueil\"}");
    created(
        ADMIN,
        "/api/v1/agents",
        "{\"login\":\"agent1\",\"name\":\"Agent 1\","
            + "\"password\":\"agent-password\",\"role\":\"agent\",\"extension\":\"201\","
            + "\"groups\":[{\"name\":\"Accueil\",\"inbound\":true,\"outbound\":false,\"level\":5}]}");
    BlockingQueue<String> banner = bannerPush();

    assertThat(send(as(AGENT, "/api/v1/me/session").POST(noBody())).statusCode()).isEqualTo(200);
    assertThat(put(AGENT, "/api/v1/me/availability", "{\"available\":true}").statusCode())
        .isEqualTo(200);
    banner.clear();
    created(ADMIN, "/api/v1/sim/calls", "{\"group\":\"Accueil\",\"caller\":\"0600000000\"}");

    assertThat(ringingWithin(PATIENCE)).as("the agent's call rings").isTrue();
    assertThat(banner.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("a message on the banner's websocket")
        .isNotNull();
    String offered = offeredWithin(PATIENCE);
    assertThat(offered)
        .as("the offer counted on /metrics")
        .contains("account=\"smoke\"")
        .contains("group=\"Accueil\"");
    assertThat(Double.valueOf(offered.substring(offered.lastIndexOf(' ') + 1))).isEqualTo(1);
  }

  /** The line of {@code relais_calls_offered_total} once {@code /metrics} shows it; null if not. */
  private String offeredWithin(Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    do {
      HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(HEALTH + "/metrics")));
      String offered =
          metrics
              .body()
              .lines()
              .filter(line -> line.startsWith("relais_calls_offered_total{"))
              .findFirst()
              .orElse(null);
      if (offered != null) {
        return offered;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return null;
  }

  /** Logs the agent in through the login form and opens its banner's push websocket. */
  private BlockingQueue<String> bannerPush() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String login = browser.send(page("/login.xhtml").build(), text()).body();
    Matcher viewState =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(login);
    assertThat(viewState.find()).as(login).isTrue();
    String form =
        "login=login&login:account=smoke&login:username=agent1&login:password=agent-password"
            + "&login:submit=&jakarta.faces.ViewState="
            + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> submitted =
        browser.send(
            page("/login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            text());
    assertThat(submitted.headers().firstValue("Location"))
        .as(submitted.body())
        .hasValueSatisfying(location -> assertThat(location).endsWith("/agent/banner.xhtml"));

    String bannerPage = browser.send(page("/agent/banner.xhtml").build(), text()).body();
    Matcher socket =
        Pattern.compile("'(ws://[^']*/jakarta\\.faces\\.push/desk\\?[^']*)'").matcher(bannerPage);
    assertThat(socket.find()).as(bannerPage).isTrue();
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    browser
        .newWebSocketBuilder()
        .buildAsync(
            URI.create(socket.group(1)),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(
                  WebSocket webSocket, CharSequence data, boolean last) {
                messages.add(data.toString());
                webSocket.request(1);
                return null;
              }
            })
        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    return messages;
  }

  private boolean ringingWithin(Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    do {
      if (send(as(AGENT, "/api/v1/me")).body().contains("\"activity\":\"RINGING\"")) {
        return true;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return false;
  }

  private void created(String credentials, String path, String json) throws Exception {
    HttpResponse<String> answer =
        send(
            as(credentials, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(201);
  }

  private HttpResponse<String> put(String credentials, String path, String json) throws Exception {
    return send(
        as(credentials, path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(page(path));
  }

  private static HttpRequest.Builder as(String credentials, String path) {
    return page(path)
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpRequest.Builder page(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + path));
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static HttpResponse.BodyHandler<String> text() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), text());
  }
}
