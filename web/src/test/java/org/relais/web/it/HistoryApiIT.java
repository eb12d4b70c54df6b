package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/**
 * The agent's history and statistics (SPEC B6, B14) and the reports (SPEC E6) end to end through
 * the API, with calls placed on the simulated switch: what the rows and figures say, filters,
 * paging, CSV, and that no account reads another's.
 */
class HistoryApiIT extends RelaisDeployment {

  private static final Duration TIMERS = Duration.ofSeconds(15);

  private Api api;
  private Caller admin;

  private void account() {
    api = api();
    admin = api.newAccount();
  }

  private void group(String name, String settings) {
    Reply reply =
        api.send(admin, "POST", "api/v1/groups", "{\"name\":\"" + name + "\"," + settings + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  private void connect(Caller agent, boolean available) {
    assertThat(api.send(agent, "POST", "api/v1/me/session", null).status()).isEqualTo(200);
    available(agent, available);
  }

  private void available(Caller agent, boolean available) {
    assertThat(
            api.send(agent, "PUT", "api/v1/me/availability", "{\"available\":" + available + "}")
                .status())
        .isEqualTo(200);
  }

  private String call(String group, String caller) {
    Reply reply =
        api.send(
            admin,
            "POST",
            "api/v1/sim/calls",
            "{\"group\":\"" + group + "\",\"caller\":\"" + caller + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.object().getString("callId");
  }

  private void sim(String action) {
    Reply reply = api.send(admin, "POST", "api/v1/sim/" + action, null);
    assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(204);
  }

  private JsonObject awaitActivity(Caller agent, String activity) {
    return Await.until(
        TIMERS,
        () -> api.get(agent, "api/v1/me").object(),
        me -> activity.equals(me.getString("activity", null)));
  }

  private List<JsonObject> history(Caller agent, String query) {
    Reply reply = api.get(agent, "api/v1/me/history" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.object().getJsonArray("calls").getValuesAs(JsonObject.class);
  }

  private JsonObject today(Caller agent) {
    return api.get(agent, "api/v1/me/stats").object().getJsonObject("today");
  }

  private JsonObject report(Caller caller, String query) {
    Reply reply = api.get(caller, "api/v1/reports/" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.object();
  }

  /** An answered, qualified call of the agent alice on extension 301, in group Support. */
  private void answeredCall(Caller alice, String number) {
    call("Support", number);
    awaitActivity(alice, "RINGING");
    sim("extensions/301/answer");
    // A call in progress counts up to now: its talk time grows before it ends.
    Await.until(
        TIMERS,
        () -> history(alice, "").get(0),
        row -> row.getJsonNumber("talked").longValue() >= 1);
    sim("extensions/301/hangup");
    awaitActivity(alice, "QUALIFYING");
    Reply qualified = api.send(alice, "POST", "api/v1/me/qualification", "{\"code\":\"Résolu\"}");
    assertThat(qualified.status()).as(qualified.body()).isEqualTo(200);
    awaitActivity(alice, "IDLE");
  }

  @Test
  void todaysHistoryShowsTheAnsweredCallWithItsNumberDurationsQualificationAndOutcome() {
    account();
    group(
        "Support",
        "\"ringTimeout\":20,\"wrapUp\":0,\"qualificationRequired\":true,"
            + "\"qualifications\":[\"Résolu\",\"Escaladé\"]");
    Caller alice = api.person(admin, "alice", "agent", "301", "Support");
    connect(alice, true);

    answeredCall(alice, "0611111111");

    List<JsonObject> rows = history(alice, "");
    assertThat(rows).hasSize(1);
    JsonObject row = rows.get(0);
    assertThat(row.getString("number")).isEqualTo("0611111111");
    assertThat(row.getString("direction")).isEqualTo("INBOUND");
    assertThat(row.getString("group")).isEqualTo("Support");
    assertThat(row.getJsonNumber("waited").longValue()).isBetween(0L, 5L);
    assertThat(row.getJsonNumber("talked").longValue()).isGreaterThanOrEqualTo(1);
    assertThat(row.getString("qualification")).isEqualTo("Résolu");
    assertThat(row.getString("outcome")).isEqualTo("ANSWERED");
    assertThat(history(alice, "?period=today")).hasSize(1);
    assertThat(history(alice, "?period=thisWeek")).hasSize(1);
    assertThat(history(alice, "?period=thisMonth")).hasSize(1);
    assertThat(history(alice, "?period=yesterday")).isEmpty();
    // A new account counts its days in Paris, whatever the server's zone.
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    assertThat(history(alice, "?from=" + today + "&to=" + today)).hasSize(1);
    assertThat(history(alice, "?from=" + today.minusDays(3) + "&to=" + today.minusDays(1)))
        .isEmpty();

    JsonObject figures = today(alice);
    assertThat(figures.getInt("offered")).isEqualTo(1);
    assertThat(figures.getInt("answered")).isEqualTo(1);
    assertThat(figures.getInt("missed")).isZero();
    assertThat(figures.getJsonNumber("totalTalk").longValue())
        .isEqualTo(row.getJsonNumber("talked").longValue());
    assertThat(figures.getInt("outbound")).isZero();
    assertThat(figures.getInt("totalOutboundTalk")).isZero();
    assertThat(figures.getInt("averageOutboundTalk")).isZero();
  }

  @Test
  void aRingLetGoIsMissedEvenWithoutPenaltyButACallerHangingUpWhileRingingIsNot() {
    account();
    group("Support", "\"ringTimeout\":30,\"penalty\":0,\"wrapUp\":0");
    Caller alice = api.person(admin, "alice", "agent", "301", "Support");
    connect(alice, true);

    String refused = call("Support", "0622222222");
    awaitActivity(alice, "RINGING");
    available(alice, false);
    sim("extensions/301/reject");
    awaitActivity(alice, "IDLE");
    sim("calls/" + refused + "/hangup");

    available(alice, true);
    String abandoned = call("Support", "0633333333");
    awaitActivity(alice, "RINGING");
    sim("calls/" + abandoned + "/hangup");
    awaitActivity(alice, "IDLE");

    JsonObject figures = today(alice);
    assertThat(figures.getInt("offered")).isEqualTo(2);
    assertThat(figures.getInt("missed")).isEqualTo(1);
    assertThat(figures.getInt("answered")).isZero();
    assertThat(figures.getInt("totalHandling")).isZero();
    List<JsonObject> rows = history(alice, "?period=today");
    assertThat(rows).extracting(r -> r.getString("number")).containsExactly("0633333333");
    assertThat(rows.get(0).getString("outcome")).isEqualTo("ABANDONED");
  }

  @Test
  void reportsFilterPageAndExportTheAccountsCalls() throws Exception {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    group("Ventes", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = api.person(admin, "alice", "agent", "301", "Support");
    Caller sam = api.person(admin, "sam", "supervisor", "309", "Ventes");
    for (String number : List.of("0700000001", "0700000002", "0700000003")) {
      sim("calls/" + call("Support", number) + "/hangup");
    }
    sim("calls/" + call("Ventes", "0700000009") + "/hangup");

    JsonObject support = report(admin, "calls?group=Support");
    assertThat(support.getInt("total")).isEqualTo(3);
    assertThat(support.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("number"))
        .containsExactly("0700000003", "0700000002", "0700000001");
    assertThat(report(sam, "calls?period=today").getInt("total")).isEqualTo(4);
    assertThat(report(admin, "calls?outcome=abandoned&direction=INBOUND").getInt("total"))
        .isEqualTo(4);
    assertThat(report(admin, "calls?outcome=ANSWERED").getInt("total")).isZero();
    assertThat(report(admin, "calls?direction=OUTBOUND").getInt("total")).isZero();
    assertThat(report(admin, "calls?agent=alice").getInt("total")).isZero();
    assertThat(report(admin, "calls?period=yesterday").getInt("total")).isZero();

    JsonObject second = report(admin, "calls?group=Support&size=2&page=1");
    assertThat(second.getInt("total")).isEqualTo(3);
    assertThat(second.getInt("page")).isEqualTo(1);
    assertThat(second.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("number"))
        .containsExactly("0700000001");

    HttpResponse<byte[]> csv = raw(admin, "api/v1/reports/calls/export?group=Support", "*/*");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    byte[] bytes = csv.body();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "time;direction;number;contact;group;agent;agentName;waited;talked;qualification;outcome;status;held;transferredTo");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .contains(";INBOUND;0700000001;;Support;")
        .endsWith(";ABANDONED;ENDED;0;");
    assertThat(lines.subList(1, 4)).noneMatch(l -> l.contains("0700000009"));
    HttpResponse<byte[]> negotiated = raw(sam, "api/v1/reports/calls?group=Ventes", "text/csv");
    assertThat(negotiated.statusCode()).isEqualTo(200);
    assertThat(new String(negotiated.body(), StandardCharsets.UTF_8)).contains("0700000009");

    assertThat(api.get(alice, "api/v1/reports/calls").status()).isEqualTo(403);
    assertThat(api.get(admin, "api/v1/reports/calls?outcome=HAPPY").object().getString("field"))
        .isEqualTo("outcome");
    assertThat(api.get(admin, "api/v1/reports/calls?size=0").object().getString("field"))
        .isEqualTo("size");
  }

  @Test
  void stateReportTellsEachStateOfTheAgentWithItsDuration() throws Exception {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = api.person(admin, "alice", "agent", "301", "Support");
    api.person(admin, "bob", "agent", "302", "Support");
    connect(alice, false);
    available(alice, true);

    JsonObject states = report(admin, "states?agent=alice");
    List<JsonObject> items = states.getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(items)
        .extracting(s -> s.getString("availability"))
        .containsExactly("AVAILABLE", "UNAVAILABLE");
    assertThat(items.get(0).containsKey("seconds")).as("still in that state").isFalse();
    assertThat(items.get(1).getJsonNumber("seconds").longValue()).isGreaterThanOrEqualTo(0);
    assertThat(report(admin, "states?group=Support").getInt("total")).isEqualTo(2);
    assertThat(report(admin, "states?agent=bob").getInt("total")).isZero();
    assertThat(report(admin, "states?activity=RINGING").getInt("total")).isZero();

    HttpResponse<byte[]> csv = raw(admin, "api/v1/reports/states/export?agent=alice", "*/*");
    List<String> lines =
        new String(csv.body(), StandardCharsets.UTF_8).substring(1).lines().toList();
    assertThat(lines.get(0)).isEqualTo("time;agent;agentName;availability;activity;seconds;callId");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains(";alice;Name of alice;UNAVAILABLE;IDLE;");
  }

  @Test
  void noAccountReadsAnothersHistoryOrReports() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    sim("calls/" + call("Support", "0644444444") + "/hangup");
    Caller firstAdmin = admin;

    account();
    group("Ventes", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller carl = api.person(admin, "carl", "agent", "401", "Ventes");

    assertThat(report(admin, "calls").getInt("total")).isZero();
    assertThat(report(admin, "calls?group=Support").getInt("total")).isZero();
    assertThat(report(admin, "states?agent=admin").getInt("total")).isZero();
    assertThat(history(carl, "?period=thisMonth")).isEmpty();
    assertThat(report(firstAdmin, "calls").getInt("total")).isEqualTo(1);
  }

  @Test
  void badRangesAnswer400NamingTheField() {
    account();
    Caller me = admin;

    assertField(api.get(me, "api/v1/me/history?from=yesterday"), "from");
    assertField(api.get(me, "api/v1/me/history?from=2025-03-01&to=2025-02-30"), "to");
    assertField(api.get(me, "api/v1/me/history?to=2025-03-01"), "from");
    assertField(api.get(me, "api/v1/me/history?period=fortnight"), "period");
    assertField(api.get(me, "api/v1/me/history?page=-1"), "page");
    assertField(api.get(me, "api/v1/reports/calls?from=2025-13-01"), "from");
    assertThat(api.get(me, "api/v1/me/history?from=2025-03-01T08:00:00%2B01:00").status())
        .isEqualTo(200);
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.object().getString("field")).isEqualTo(field);
  }

  /** A GET with an Accept header of its own, answered as bytes (CSV). */
  private HttpResponse<byte[]> raw(Caller caller, String path, String accept)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Accept", accept)
            .header("Authorization", caller.authorization())
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
