package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/** What a hostile client tries against the HTTP edge: guessing, exhausting, forging. */
class SecurityApiIT extends RelaisDeployment {

  @Test
  void thirtyParallelWrongPasswordsAreAnsweredMostly429() throws Exception {
    Api api = api();
    Caller admin = api.newAccount();
    Caller wrong = new Caller(admin.user(), "not-the-password");
    ExecutorService pool = Executors.newFixedThreadPool(30);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      statuses.add(
          pool.submit(
              () -> {
                start.await();
                return api.get(wrong, "api/v1/groups").status();
              }));
    }
    start.countDown();
    int tooMany = 0;
    for (Future<Integer> status : statuses) {
      int code = status.get();
      assertThat(code).isIn(401, 429);
      if (code == 429) {
        tooMany++;
      }
    }
    pool.shutdown();

    assertThat(tooMany).isGreaterThanOrEqualTo(25);
  }

  @Test
  void visitorsWhoNeverLogInCostNoSession() {
    for (String page : List.of("", "login.xhtml", "login.xhtml?expired=true")) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(URI.create(baseUrl() + page)).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(page).isIn(200, 302);
      assertThat(response.headers().allValues("Set-Cookie"))
          .as(page)
          .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }
  }

  @Test
  void anExtensionRingsOneAgentOfTheAccountOnly() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller other = api.newAccount();
    api.send(admin, "POST", "api/v1/agents", agent("anna", "201"));

    Reply taken = api.send(admin, "POST", "api/v1/agents", agent("bruno", "201"));
    api.send(admin, "POST", "api/v1/agents", agent("bruno", "202"));
    Reply moved = api.send(admin, "PUT", "api/v1/agents/bruno", "{\"extension\":\" 201 \"}");

    assertThat(taken.status()).as(taken.body()).isEqualTo(409);
    assertThat(taken.object().getString("field")).isEqualTo("extension");
    assertThat(moved.status()).as(moved.body()).isEqualTo(409);
    assertThat(api.get(admin, "api/v1/agents/bruno").object().getString("extension"))
        .isEqualTo("202");
    assertThat(api.send(other, "POST", "api/v1/agents", agent("anna", "201")).status())
        .isEqualTo(201);
  }

  @Test
  void aNewPasswordHasTwelveCharactersOrMore() {
    Api api = api();
    Caller admin = api.newAccount();

    Reply short11 =
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\"anna\",\"name\":\"Anna\",\"password\":\"eleven-char\"}");
    Reply created = api.send(admin, "POST", "api/v1/agents", agent("anna", "201"));
    Reply reset = api.send(admin, "PUT", "api/v1/agents/anna", "{\"password\":\"short\"}");

    assertThat(short11.status()).as(short11.body()).isEqualTo(400);
    assertThat(short11.object().getString("field")).isEqualTo("password");
    assertThat(created.status()).isEqualTo(201);
    assertThat(reset.status()).isEqualTo(400);
    assertThat(reset.object().getString("field")).isEqualTo("password");
  }

  @Test
  void aPlainGetOfTheBannerConnectsNobody() throws Exception {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/agents", agent("anna", "201"));
    Session browser = loggedIn(admin.account(), "anna", "long-enough-password");

    HttpResponse<String> banner = get(browser, "agent/banner.xhtml");

    assertThat(banner.statusCode()).isEqualTo(200);
    assertThat(banner.body()).contains("connectDesk");
    Caller anna = new Caller("anna@" + admin.account(), "long-enough-password");
    assertThat(api.get(anna, "api/v1/me").object().getString("availability"))
        .isEqualTo("DISCONNECTED");
  }

  @Test
  void theImportRefusesTextPlainWhichAnotherSitesFormCanSend() {
    Api api = api();
    Caller admin = api.newAccount();

    HttpResponse<String> reply =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "api/v1/contacts/import"))
                .header("Authorization", basic(admin))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("lastName\r\nForged\r\n"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).isEqualTo(415);
    assertThat(api.get(admin, "api/v1/contacts?q=Forged").array()).isEmpty();
  }

  @Test
  void aPageSessionEndsOnceTheAgentIsDemotedOrDisabled() throws Exception {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/agents", agent("anna", "201"));
    api.send(admin, "PUT", "api/v1/agents/anna", "{\"role\":\"supervisor\"}");
    api.send(admin, "POST", "api/v1/agents", agent("bruno", "202"));
    Session anna = loggedIn(admin.account(), "anna", "long-enough-password");
    Session bruno = loggedIn(admin.account(), "bruno", "long-enough-password");
    assertThat(landing(anna, "admin/calls.xhtml")).endsWith("admin/calls.xhtml");

    api.send(admin, "PUT", "api/v1/agents/anna", "{\"role\":\"agent\"}");
    api.send(admin, "PUT", "api/v1/agents/bruno", "{\"enabled\":false}");

    assertThat(landing(anna, "admin/calls.xhtml")).endsWith("login.xhtml");
    assertThat(landing(bruno, "agent/banner.xhtml")).endsWith("login.xhtml");
  }

  @Test
  void pagesCarryAContentSecurityPolicyAndTheSessionCookieIsSameSite() throws Exception {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/agents", agent("anna", "201"));

    Session anna = loggedIn(admin.account(), "anna", "long-enough-password");

    assertThat(anna.login().headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'self'"));
    assertThat(anna.login().headers().allValues("Set-Cookie"))
        .filteredOn(cookie -> cookie.startsWith("JSESSIONID"))
        .isNotEmpty()
        .allSatisfy(
            cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax").contains("HttpOnly"));
  }

  @Test
  void aCallerHoldsFourEventStreamsAtMostAndGetsOneBackWhenItLeaves() throws Exception {
    Caller admin = api().newAccount();
    List<HttpResponse<Stream<String>>> open = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      open.add(events(admin));
    }

    HttpResponse<Stream<String>> fifth = events(admin);

    assertThat(open).allSatisfy(stream -> assertThat(stream.statusCode()).isEqualTo(200));
    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(fifth.body().collect(Collectors.joining())).contains("too_many_streams");
    open.remove(0).body().close();
    // The server notices the connection closed when it next writes to it: the heartbeat at most.
    Await.until(
        Duration.ofSeconds(30),
        () -> {
          HttpResponse<Stream<String>> again = events(admin);
          if (again.statusCode() == 200) {
            open.add(again);
          } else {
            again.body().close();
          }
          return again.statusCode();
        },
        status -> status == 200);
    open.forEach(stream -> stream.body().close());
  }

  @Test
  void aQuietEventStreamGetsACommentLineAtEachHeartbeat() throws Exception {
    Caller admin = api().newAccount();
    HttpResponse<Stream<String>> stream = events(admin);
    ExecutorService reader = Executors.newSingleThreadExecutor();

    Future<Long> heartbeats =
        reader.submit(
            () -> stream.body().filter(line -> line.equals(": heartbeat")).limit(2).count());

    assertThat(heartbeats.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    stream.body().close();
    reader.shutdownNow();
  }

  private HttpResponse<Stream<String>> events(Caller caller) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "api/v1/events"))
            .header("Accept", "text/event-stream")
            .header("Authorization", basic(caller))
            .build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  private static String basic(Caller caller) {
    return caller.authorization();
  }

  /** One request of a client without cookies. */
  private static <T> HttpResponse<T> send(
      HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler) {
    try {
      return HttpClient.newHttpClient().send(request, bodyHandler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAdminsTokenActsWithItsRoleUntilRevokedAndItsSecretIsShownOnce() {
    Api api = api();
    Caller admin = api.newAccount();

    Reply made =
        api.send(admin, "POST", "api/v1/tokens", "{\"name\":\"crm\",\"role\":\"supervisor\"}");
    String secret = made.object().getString("token");

    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(made.object().getString("role")).isEqualTo("supervisor");
    assertThat(bearer(secret, "GET", "api/v1/reports/calls?period=today").statusCode())
        .isEqualTo(200);
    assertThat(bearer(secret, "GET", "api/v1/agents").statusCode()).isEqualTo(403);
    Reply listed = api.get(admin, "api/v1/tokens");
    assertThat(listed.array()).hasSize(1);
    assertThat(listed.array().getJsonObject(0).getString("name")).isEqualTo("crm");
    assertThat(listed.array().getJsonObject(0).getString("lastUsedAt")).isNotBlank();
    assertThat(listed.body()).doesNotContain(secret).doesNotContain("\"token\"");
    assertThat(
            api.send(admin, "POST", "api/v1/tokens", "{\"name\":\"crm\",\"role\":\"admin\"}")
                .status())
        .isEqualTo(409);

    assertThat(api.send(admin, "DELETE", "api/v1/tokens/crm", null).status()).isEqualTo(204);

    assertThat(bearer(secret, "GET", "api/v1/reports/calls?period=today").statusCode())
        .isEqualTo(401);
  }

  @Test
  void onlyAnAdminMakesTokensAndAnotherAccountsTokenIsUnknown() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller other = api.newAccount();
    api.send(admin, "POST", "api/v1/agents", agent("anna", "201"));
    Caller anna = new Caller("anna@" + admin.account(), "long-enough-password");
    String secret =
        api.send(admin, "POST", "api/v1/tokens", "{\"name\":\"board\",\"role\":\"admin\"}")
            .object()
            .getString("token");

    assertThat(
            api.send(anna, "POST", "api/v1/tokens", "{\"name\":\"mine\",\"role\":\"admin\"}")
                .status())
        .isEqualTo(403);
    assertThat(api.send(other, "DELETE", "api/v1/tokens/board", null).status()).isEqualTo(404);
    assertThat(bearer(secret, "GET", "api/v1/agents").body()).contains("anna");
    assertThat(bearer(secret + "x", "GET", "api/v1/agents").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> bearer(String token, String method, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A browser without script: its cookies, and the answer to its login. */
  private record Session(HttpClient http, HttpResponse<String> login) {}

  /** The path a page ends on: its own, or where it redirects. */
  private String landing(Session session, String page) throws Exception {
    HttpResponse<String> response = get(session, page);
    return response
        .headers()
        .firstValue("Location")
        .map(location -> URI.create(location).getPath())
        .orElse(response.uri().getPath());
  }

  private HttpResponse<String> get(Session session, String page) throws Exception {
    return session
        .http()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl() + page)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in through the login form, as a browser without script would. */
  private Session loggedIn(String account, String login, String password) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String page = get(new Session(http, null), "login.xhtml").body();
    Matcher viewState =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(page);
    assertThat(viewState.find()).as(page).isTrue();
    String form =
        Stream.of(
                "login=login",
                "login:account=" + account,
                "login:username=" + login,
                "login:password=" + password,
                "login:submit=",
                "jakarta.faces.ViewState="
                    + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> submitted =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.headers().firstValue("Location"))
        .as(submitted.body())
        .hasValueSatisfying(location -> assertThat(location).endsWith("agent/banner.xhtml"));
    return new Session(http, submitted);
  }

  private static String agent(String login, String extension) {
    return "{\"login\":\""
        + login
        + "\",\"name\":\""
        + login
        + "\",\"password\":\"long-enough-password\",\"extension\":\""
        + extension
        + "\"}";
  }
}
