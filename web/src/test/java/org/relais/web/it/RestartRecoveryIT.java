package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.relais.web.it.Api.Caller;

/**
 * A crash of the server (SIGKILL) in the middle of the day (SPEC C3): after the restart, the
 * presences and their deadlines resume, a penalty that fell due during the downtime ends at once,
 * and the calls that were queued or in progress are closed as LOST, never silently dropped (a
 * caller waiting off the line for its callback joins the callback list); an open wallboard comes
 * back by itself (SPEC E5). Runs its own Payara Micro process, so that it can kill it, with the
 * database of this run's Failsafe execution (a database file of its own for H2).
 */
class RestartRecoveryIT {

  private static final Duration BOOT = Duration.ofSeconds(180);

  private final Path work =
      Path.of("target", "it", "restart-" + System.getProperty("relais.it.database"));
  private final int port = freePort();
  private Process server;
  private int boots;
  private Browser wall;

  /** The Support group's waiting calls, as the wallboard shows them. */
  private static final By WAITING =
      By.cssSelector("[data-group='Support'] [data-figure='waiting']");

  @AfterEach
  void stopServer() {
    if (wall != null) {
      wall.close();
    }
    if (server != null) {
      server.destroyForcibly();
    }
  }

  @Test
  void presencesAndDeadlinesSurviveAKillAndInterruptedCallsCloseAsLost() throws Exception {
    deleteRecursively(work);
    Files.createDirectories(work);
    start();
    Api api = new Api(base());
    Caller admin = api.newAccount();
    String account = admin.account();
    api.send(
        admin,
        "POST",
        "api/v1/groups",
        "{\"name\":\"Support\",\"ringTimeout\":600,\"penalty\":10,\"wrapUp\":600,"
            + "\"qualificationRequired\":true,\"qualifications\":[\"Résolu\"]}");
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"sam\",\"name\":\"Sam\",\"password\":\"password-of-sam\","
            + "\"role\":\"supervisor\",\"extension\":\"590\",\"groups\":[{\"name\":\"Support\"}]}");
    // A wall display stays open through the restart and must come back by itself (SPEC E5).
    wall = new Browser(base());
    wall.login(account, "sam", "password-of-sam");
    wall.awaitExactly(BOOT, By.id("availability"), "Indisponible");
    wall.open("supervisor/wallboard.xhtml");
    ((JavascriptExecutor) wall.driver()).executeScript("window.sameWallboard = true;");
    wall.awaitExactly(BOOT, WAITING, "0");
    Caller talking = agent(api, admin, account, "talking", "501");
    String talkedCall = placeCall(api, admin, "0600000101");
    send(api, admin, "sim/extensions/501/answer");
    Caller penalised = agent(api, admin, account, "penalised", "502");
    String refusedCall = placeCall(api, admin, "0600000102");
    send(api, admin, "sim/extensions/502/reject");
    send(api, admin, "sim/calls/" + refusedCall + "/hangup"); // gone before anyone else gets it
    Caller wrapping = agent(api, admin, account, "wrapping", "503");
    String wrappedCall = placeCall(api, admin, "0600000103");
    send(api, admin, "sim/extensions/503/answer");
    send(api, admin, "sim/extensions/503/hangup");
    api.send(wrapping, "POST", "api/v1/me/qualification", "{\"code\":\"Résolu\"}");
    String wrapUpDeadline = api.get(wrapping, "api/v1/me").object().getString("deadline");
    api.send(wrapping, "PUT", "api/v1/me/availability", "{\"available\":false}");
    api.send(penalised, "PUT", "api/v1/me/availability", "{\"available\":false}");
    String queuedCall = placeCall(api, admin, "0600000104");
    String callbackCall = placeCall(api, admin, "0600000105");
    send(api, admin, "sim/calls/" + callbackCall + "/callback");
    wall.awaitExactly(BOOT, WAITING, "2");
    assertThat(api.get(talking, "api/v1/me").object().getString("activity")).isEqualTo("TALKING");
    assertThat(api.get(penalised, "api/v1/me").object().getString("activity")).isEqualTo("PENALTY");

    Instant penaltyEnds =
        Instant.parse(api.get(penalised, "api/v1/me").object().getString("deadline"));

    server.destroyForcibly().waitFor();
    // The penalty must fall due while the server is down.
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), penaltyEnds).toMillis() + 500));
    start();

    JsonObject afterTalk = api.get(talking, "api/v1/me").object();
    assertThat(afterTalk.getString("activity")).isEqualTo("QUALIFYING");
    assertThat(outcome(api, admin, talkedCall)).isEqualTo("LOST");
    assertThat(outcome(api, admin, queuedCall)).isEqualTo("LOST");
    assertThat(outcome(api, admin, callbackCall))
        .as("a caller waiting off the line for its callback is not lost")
        .isEqualTo("CALLBACK");
    JsonObject afterPenalty =
        Await.until(
            Duration.ofSeconds(10),
            () -> api.get(penalised, "api/v1/me").object(),
            me -> "WRAP_UP".equals(me.getString("activity")));
    assertThat(afterPenalty.getString("availability")).isEqualTo("UNAVAILABLE");
    JsonObject stillWrapping = api.get(wrapping, "api/v1/me").object();
    assertThat(stillWrapping.getString("activity")).isEqualTo("WRAP_UP");
    assertThat(Instant.parse(stillWrapping.getString("deadline")))
        .isEqualTo(Instant.parse(wrapUpDeadline));
    assertThat(outcome(api, admin, wrappedCall)).isEqualTo("ANSWERED");
    String log = Files.readString(work.resolve("server.log"));
    assertThat(log)
        .as("each start says, once it serves, how long it took")
        .containsPattern(
            "(?s)Relais ready startedInSeconds=\\d+\\.\\d.*Relais ready startedInSeconds=");
    assertThat(log)
        .as("and the engine what it recovered: the call talked and the call queued are lost")
        .containsPattern(
            "ACD recovered from the database in \\d+ ms: \\d+ connected agents, 2 calls");

    placeCall(api, admin, "0600000106");
    wall.awaitExactly(BOOT, WAITING, "1");
    assertThat(((JavascriptExecutor) wall.driver()).executeScript("return window.sameWallboard"))
        .as("the wallboard reconnected without a reload")
        .isEqualTo(true);
  }

  private static Caller agent(Api api, Caller admin, String account, String login, String ext) {
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\""
            + login
            + "\",\"name\":\""
            + login
            + "\",\"password\":\"password-of-"
            + login
            + "\",\"extension\":\""
            + ext
            + "\",\"groups\":[{\"name\":\"Support\"}]}");
    Caller agent = new Caller(login + "@" + account, "password-of-" + login);
    api.send(agent, "POST", "api/v1/me/session", null);
    api.send(agent, "PUT", "api/v1/me/availability", "{\"available\":true}");
    return agent;
  }

  private static String placeCall(Api api, Caller admin, String number) {
    Api.Reply reply =
        api.send(
            admin,
            "POST",
            "api/v1/sim/calls",
            "{\"group\":\"Support\",\"caller\":\"" + number + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.object().getString("callId");
  }

  private static String outcome(Api api, Caller admin, String callId) {
    JsonObject call = api.get(admin, "api/v1/calls/" + callId).object();
    assertThat(call.containsKey("outcome")).as(call.toString()).isTrue();
    return call.getString("outcome");
  }

  private static void send(Api api, Caller admin, String action) {
    assertThat(api.send(admin, "POST", "api/v1/" + action, null).status())
        .as(action)
        .isEqualTo(204);
  }

  /**
   * Starts Payara Micro as the Failsafe execution configures it, on a fresh runtime folder as the
   * run command does, and waits until it is ready.
   */
  private void start() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(words(System.getProperty("payara.cmdOptions")));
    command.add("-Drelais.h2.path=" + work.toAbsolutePath().resolve("h2/relais"));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.microJar"),
            "--port",
            Integer.toString(port),
            "--rootdir",
            work.toAbsolutePath().resolve("runtime-" + (++boots)).toString()));
    command.addAll(words(System.getProperty("payara.extraMicroOptions")));
    command.addAll(List.of("--deploy", System.getProperty("relais.war") + ":/"));
    server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile()))
            .start();
    HttpClient http = HttpClient.newHttpClient();
    Instant until = Instant.now().plus(BOOT);
    while (Instant.now().isBefore(until)) {
      assertThat(server.isAlive()).as("server process, see " + work.resolve("server.log")).isTrue();
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still booting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "server not ready after " + BOOT + ", see " + work.resolve("server.log"));
  }

  private String base() {
    return "http://127.0.0.1:" + port + "/";
  }

  private int status(HttpClient http, String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<String> words(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
