package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/**
 * Supervision through the API (SPEC E5, X2; docs/API.md, Supervision): the live figures, computed
 * again from the reports, who may see and do what, listening in; and the group's opening hours
 * (SPEC E2), which the figures count.
 */
class SupervisionApiIT extends RelaisDeployment {

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

  private Caller person(String login, String role, String extension, String group) {
    return api.person(admin, login, role, extension, group);
  }

  private void ok(Caller who, String method, String path, String body) {
    Reply reply = api.send(who, method, path, body);
    assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isBetween(200, 204);
  }

  private Caller connectedAgent(String login, String extension, String group) {
    Caller agent = person(login, "agent", extension, group);
    ok(agent, "POST", "api/v1/me/session", null);
    ok(agent, "PUT", "api/v1/me/availability", "{\"available\":true}");
    return agent;
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

  private JsonObject awaitActivity(Caller agent, String activity) {
    return Await.until(
        TIMERS,
        () -> api.get(agent, "api/v1/me").object(),
        me -> activity.equals(me.getString("activity", null)));
  }

  private List<JsonObject> list(Caller who, String path) {
    Reply reply = api.get(who, path);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.array().getValuesAs(JsonObject.class);
  }

  private static JsonObject named(List<JsonObject> lines, String key, String value) {
    return lines.stream().filter(l -> l.getString(key).equals(value)).findFirst().orElseThrow();
  }

  @Test
  void theGroupsFiguresAgreeWithTheReportsAndFollowTheFloorLive() {
    account();
    group(
        "Support",
        "\"ringTimeout\":20,\"wrapUp\":0,\"qualificationRequired\":true,"
            + "\"qualifications\":[\"Fait\"],\"serviceLevelSeconds\":1");
    Caller alice = connectedAgent("alice", "301", "Support");
    Caller sam = person("sam", "supervisor", "390", "Support");

    String answered = call("Support", "0600000001");
    awaitActivity(alice, "RINGING");
    ok(admin, "POST", "api/v1/sim/extensions/301/answer", null);
    awaitActivity(alice, "TALKING");
    JsonObject talking = named(list(sam, "api/v1/supervision/agents"), "login", "alice");
    assertThat(talking.getString("activity")).isEqualTo("TALKING");
    assertThat(talking.getJsonObject("call").getString("callId")).isEqualTo(answered);
    assertThat(talking.getJsonObject("call").getString("group")).isEqualTo("Support");
    assertThat(talking.getJsonObject("call").getString("number")).endsWith("600000001");
    JsonObject busy = named(list(sam, "api/v1/supervision/groups"), "name", "Support");
    assertThat(busy.getJsonObject("agents").getInt("busy")).isEqualTo(1);
    assertThat(busy.getJsonObject("agents").getInt("connected")).isEqualTo(1);

    ok(admin, "POST", "api/v1/sim/extensions/301/hangup", null);
    awaitActivity(alice, "QUALIFYING");
    ok(alice, "POST", "api/v1/me/qualification", "{\"code\":\"Fait\"}");
    awaitActivity(alice, "IDLE");
    ok(alice, "PUT", "api/v1/me/availability", "{\"available\":false}");
    String abandoned = call("Support", "0600000002");
    JsonObject queued = named(list(sam, "api/v1/supervision/groups"), "name", "Support");
    assertThat(queued.getInt("waiting")).isEqualTo(1);
    assertThat(queued.getJsonObject("agents").getInt("unavailable")).isEqualTo(1);
    assertThat(queued.getJsonObject("agents").getInt("available")).isZero();
    ok(admin, "POST", "api/v1/sim/calls/" + abandoned + "/hangup", null);

    JsonObject support = named(list(sam, "api/v1/supervision/groups"), "name", "Support");
    JsonObject today = support.getJsonObject("today");
    assertThat(support.getInt("waiting")).isZero();
    assertThat(support.getInt("serviceLevelSeconds")).isEqualTo(1);
    assertThat(today.getInt("offered")).isEqualTo(2);
    assertThat(today.getInt("answered")).isEqualTo(1);
    assertThat(today.getInt("abandoned")).isEqualTo(1);
    assertThat(today.getJsonNumber("abandonRate").doubleValue()).isEqualTo(0.5);

    // The same figures, computed again from the reports of today's calls and states.
    List<JsonObject> calls =
        api.get(admin, "api/v1/reports/calls?period=today&group=Support&direction=INBOUND")
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    List<JsonObject> states =
        api.get(admin, "api/v1/reports/states?period=today&agent=alice")
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    List<JsonObject> answeredCalls =
        calls.stream().filter(c -> c.containsKey("answeredAt")).toList();
    long withinLevel = answeredCalls.stream().filter(c -> c.getInt("waited") <= 1).count();
    long waits = calls.stream().mapToLong(c -> c.getInt("waited")).sum();
    long afterCall =
        states.stream()
            .filter(s -> List.of("QUALIFYING", "WRAP_UP").contains(s.getString("activity")))
            .filter(s -> s.containsKey("seconds"))
            .mapToLong(s -> s.getInt("seconds"))
            .sum();
    long talk = answeredCalls.stream().mapToLong(c -> c.getInt("talked")).sum();
    assertThat(calls).hasSize(today.getInt("offered"));
    assertThat(calls.stream().filter(c -> "ABANDONED".equals(c.getString("outcome", null))))
        .hasSize(today.getInt("abandoned"));
    assertThat(today.getJsonNumber("serviceLevel").doubleValue())
        .isCloseTo((double) withinLevel / answeredCalls.size(), within(1e-9));
    assertThat(today.getInt("averageWait")).isEqualTo(waits / calls.size());
    assertThat(today.getInt("averageHandle")).isEqualTo((talk + afterCall) / answeredCalls.size());

    JsonObject aliceLine = named(list(sam, "api/v1/supervision/agents"), "login", "alice");
    JsonObject aliceToday = aliceLine.getJsonObject("today");
    assertThat(aliceLine.getString("availability")).isEqualTo("UNAVAILABLE");
    assertThat(aliceLine.containsKey("call")).isFalse();
    assertThat(aliceToday.getInt("answered")).isEqualTo(1);
    assertThat(aliceToday.getInt("missed")).isZero();
    assertThat(aliceToday.getInt("handle")).isEqualTo(today.getInt("averageHandle"));
  }

  @Test
  void aSupervisorSeesItsOwnGroupsAndTheirAgentsAnAdminTheAccountAnAgentNothing() {
    account();
    group("Support", "\"ringTimeout\":20");
    group("Ventes", "\"ringTimeout\":20");
    Caller alice = connectedAgent("alice", "301", "Support");
    connectedAgent("victor", "302", "Ventes");
    Caller sam = person("sam", "supervisor", "390", "Support");
    Caller other = api.newAccount();

    assertThat(list(sam, "api/v1/supervision/groups"))
        .extracting(g -> g.getString("name"))
        .containsExactly("Support");
    assertThat(list(sam, "api/v1/supervision/agents"))
        .extracting(a -> a.getString("login"))
        .containsExactly("alice", "sam");
    assertThat(list(admin, "api/v1/supervision/groups"))
        .extracting(g -> g.getString("name"))
        .containsExactly("Support", "Ventes");
    assertThat(list(admin, "api/v1/supervision/agents"))
        .extracting(a -> a.getString("login"))
        .containsExactly("alice", "sam", "victor");
    assertThat(list(other, "api/v1/supervision/groups")).isEmpty();
    assertThat(api.get(alice, "api/v1/supervision/groups").status()).isEqualTo(403);
    assertThat(api.get(alice, "api/v1/supervision/agents").status()).isEqualTo(403);
    assertThat(
            api.send(admin, "PUT", "api/v1/groups/Support", "{\"serviceLevelSeconds\":0}")
                .object()
                .getString("field"))
        .isEqualTo("serviceLevelSeconds");
  }

  @Test
  void aSupervisorForcesItsAgentUnavailableAndDisconnectsItButNotDuringACallNorOtherGroups() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    group("Ventes", "\"ringTimeout\":20");
    Caller alice = connectedAgent("alice", "301", "Support");
    connectedAgent("victor", "302", "Ventes");
    Caller sam = person("sam", "supervisor", "390", "Support");

    Reply forced =
        api.send(
            sam, "PUT", "api/v1/supervision/agents/alice/availability", "{\"available\":false}");
    assertThat(forced.status()).as(forced.body()).isEqualTo(200);
    assertThat(forced.object().getString("availability")).isEqualTo("UNAVAILABLE");
    assertThat(api.get(alice, "api/v1/me").object().getString("availability"))
        .isEqualTo("UNAVAILABLE");
    assertThat(api.send(sam, "PUT", "api/v1/supervision/agents/victor/availability", "{}").status())
        .as("victor is in none of sam's groups")
        .isEqualTo(403);
    assertThat(api.send(sam, "DELETE", "api/v1/supervision/agents/nobody/session", null).status())
        .isEqualTo(404);

    ok(alice, "PUT", "api/v1/me/availability", "{\"available\":true}");
    call("Support", "0600000001");
    awaitActivity(alice, "RINGING");
    ok(admin, "POST", "api/v1/sim/extensions/301/answer", null);
    Reply refused = api.send(sam, "DELETE", "api/v1/supervision/agents/alice/session", null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    ok(admin, "POST", "api/v1/sim/extensions/301/hangup", null);
    awaitActivity(alice, "IDLE");
    Reply disconnected = api.send(admin, "DELETE", "api/v1/supervision/agents/alice/session", null);
    assertThat(disconnected.status()).as(disconnected.body()).isEqualTo(200);
    assertThat(disconnected.object().getString("availability")).isEqualTo("DISCONNECTED");
    assertThat(api.get(alice, "api/v1/me").object().getString("availability"))
        .isEqualTo("DISCONNECTED");
  }

  @Test
  void aSupervisorTakesItsAgentOffItsGroupsCallsForTheDayButNotOffAnotherSupervisorsGroup() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    group("Ventes", "\"ringTimeout\":20");
    Reply created =
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\"alice\",\"name\":\"Alice\",\"password\":\"password-of-alice\","
                + "\"role\":\"agent\",\"extension\":\"301\",\"groups\":"
                + "[{\"name\":\"Support\"},{\"name\":\"Ventes\"}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Caller alice = new Caller("alice@" + admin.account(), "password-of-alice");
    ok(alice, "POST", "api/v1/me/session", null);
    ok(alice, "PUT", "api/v1/me/availability", "{\"available\":true}");
    connectedAgent("victor", "302", "Ventes");
    Caller sam = person("sam", "supervisor", "390", "Support");

    Reply off =
        api.send(
            sam, "PUT", "api/v1/supervision/agents/alice/groups/Support", "{\"inbound\":false}");
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    assertThat(off.object().getString("login")).isEqualTo("alice");
    JsonObject support =
        named(
            api.get(alice, "api/v1/me")
                .object()
                .getJsonArray("groups")
                .getValuesAs(JsonObject.class),
            "name",
            "Support");
    assertThat(support.getBoolean("inbound")).isFalse();
    call("Support", "0600000001");
    assertThat(named(list(sam, "api/v1/supervision/groups"), "name", "Support").getInt("waiting"))
        .isEqualTo(1);
    assertThat(api.get(alice, "api/v1/me").object().getString("activity")).isEqualTo("IDLE");

    ok(sam, "PUT", "api/v1/supervision/agents/alice/groups/Support", "{\"inbound\":true}");
    awaitActivity(alice, "RINGING");

    assertThat(api.send(sam, "PUT", "api/v1/supervision/agents/alice/groups/Ventes", "{}").status())
        .as("Ventes is not one of sam's groups")
        .isEqualTo(403);
    assertThat(
            api.send(sam, "PUT", "api/v1/supervision/agents/victor/groups/Ventes", "{}").status())
        .as("victor is in none of sam's groups")
        .isEqualTo(403);
    assertThat(
            api.send(admin, "PUT", "api/v1/supervision/agents/victor/groups/Support", "{}")
                .status())
        .as("victor is not a member of Support")
        .isEqualTo(404);
    assertThat(
            api.send(
                    admin,
                    "PUT",
                    "api/v1/supervision/agents/alice/groups/Ventes",
                    "{\"outbound\":\"yes\"}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void theSupervisorsPhoneListensWhispersAndLeavesWithTheCallAnnouncedAsItGoes() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = connectedAgent("alice", "301", "Support");
    Caller sam = person("sam", "supervisor", "390", "Support");
    String monitor = "api/v1/supervision/agents/alice/monitor";

    Reply noCall = api.send(sam, "POST", monitor, "{\"mode\":\"LISTEN\"}");
    assertThat(noCall.status()).as(noCall.body()).isEqualTo(409);
    assertThat(api.send(sam, "POST", monitor, "{\"mode\":\"SPY\"}").object().getString("field"))
        .isEqualTo("mode");
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      String callId = call("Support", "0600000001");
      awaitActivity(alice, "RINGING");
      ok(admin, "POST", "api/v1/sim/extensions/301/answer", null);
      awaitActivity(alice, "TALKING");

      Reply joined = api.send(sam, "POST", monitor, "{\"mode\":\"LISTEN\"}");
      assertThat(joined.status()).as(joined.body()).isEqualTo(201);
      assertThat(joined.object().getString("callId")).isEqualTo(callId);
      JsonObject phone =
          Await.until(
              TIMERS,
              () -> api.get(admin, "api/v1/sim/extensions/390").object(),
              p -> p.containsKey("monitoring"));
      assertThat(phone.getJsonNumber("connectedCallId").longValue())
          .isEqualTo(Long.parseLong(callId));
      assertThat(phone.getString("monitoring")).isEqualTo("LISTEN");
      ok(sam, "PUT", monitor, "{\"mode\":\"WHISPER\"}");
      Await.until(
          TIMERS,
          () -> api.get(admin, "api/v1/sim/extensions/390").object(),
          p -> "WHISPER".equals(p.getString("monitoring", null)));
      ok(admin, "POST", "api/v1/sim/extensions/301/hangup", null);

      List<JsonObject> events =
          feed.awaitEvent(TIMERS, e -> e.getString("type").equals("MONITOR_ENDED"));
      JsonObject started = named(events, "type", "MONITOR_STARTED");
      assertThat(started.getString("supervisor")).isEqualTo("sam");
      assertThat(started.getString("agent")).isEqualTo("alice");
      assertThat(started.getString("mode")).isEqualTo("LISTEN");
      assertThat(started.getString("callId")).isEqualTo(callId);
      assertThat(named(events, "type", "MONITOR_ENDED").getString("mode")).isEqualTo("WHISPER");
      assertThat(api.get(admin, "api/v1/sim/extensions/390").object().containsKey("monitoring"))
          .isFalse();
      assertThat(api.send(sam, "DELETE", monitor, null).status()).isEqualTo(409);
    }
  }

  @Test
  void aSupervisorsPhoneThatHangsUpLeavesTheCallWhichGoesOn() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = connectedAgent("alice", "301", "Support");
    Caller sam = person("sam", "supervisor", "390", "Support");
    String monitor = "api/v1/supervision/agents/alice/monitor";
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      call("Support", "0600000001");
      awaitActivity(alice, "RINGING");
      ok(admin, "POST", "api/v1/sim/extensions/301/answer", null);
      awaitActivity(alice, "TALKING");
      ok(sam, "POST", monitor, "{\"mode\":\"BARGE\"}");
      Await.until(
          TIMERS,
          () -> api.get(admin, "api/v1/sim/extensions/390").object(),
          p -> p.containsKey("monitoring"));

      ok(admin, "POST", "api/v1/sim/extensions/390/hangup", null);

      JsonObject ended =
          named(
              feed.awaitEvent(TIMERS, e -> e.getString("type").equals("MONITOR_ENDED")),
              "type",
              "MONITOR_ENDED");
      assertThat(ended.getString("supervisor")).isEqualTo("sam");
      assertThat(ended.getString("mode")).isEqualTo("BARGE");
      assertThat(api.get(alice, "api/v1/me").object().getString("activity")).isEqualTo("TALKING");
      assertThat(api.send(sam, "DELETE", monitor, null).status()).as("not on it").isEqualTo(409);
      Reply again = api.send(sam, "POST", monitor, "{\"mode\":\"LISTEN\"}");
      assertThat(again.status()).as("joined again: " + again.body()).isEqualTo(201);
    }
  }

  @Test
  void aGroupOutsideItsOpeningHoursTurnsCallsAwayAsClosedOrCallsThemBack() {
    account();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    String holidays = today.minusDays(1) + ", " + today + ", " + today.plusDays(1);
    group("Support", "\"openingHours\":\"MON-SUN 00:00-24:00\",\"holidays\":\"" + holidays + "\"");
    Caller sam = person("sam", "supervisor", "390", "Support");

    String closed = call("Support", "0600000001");
    JsonObject record = api.get(admin, "api/v1/calls/" + closed).object();
    assertThat(record.getString("outcome")).isEqualTo("CLOSED");
    assertThat(named(list(sam, "api/v1/supervision/groups"), "name", "Support").getInt("waiting"))
        .isZero();

    ok(admin, "PUT", "api/v1/groups/Support", "{\"callbackWhenClosed\":true}");
    assertThat(api.get(admin, "api/v1/groups/Support").object().getBoolean("callbackWhenClosed"))
        .isTrue();
    String calledBack = call("Support", "0600000003");
    assertThat(api.get(admin, "api/v1/calls/" + calledBack).object().getString("outcome"))
        .isEqualTo("CALLBACK");
    Reply notBoolean =
        api.send(admin, "PUT", "api/v1/groups/Support", "{\"callbackWhenClosed\":\"yes\"}");
    assertThat(notBoolean.status()).isEqualTo(400);
    assertThat(notBoolean.object().getString("field")).isEqualTo("callbackWhenClosed");

    ok(admin, "PUT", "api/v1/groups/Support", "{\"holidays\":\"\"}");
    call("Support", "0600000002");
    assertThat(named(list(sam, "api/v1/supervision/groups"), "name", "Support").getInt("waiting"))
        .isEqualTo(1);
    Reply wrong = api.send(admin, "PUT", "api/v1/groups/Support", "{\"openingHours\":\"9h-18h\"}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.object().getString("field")).isEqualTo("openingHours");
  }

  @Test
  void aFullQueueOverflowsToAnotherGroupWhoseLongestWaitSendsTheCallerToItsCallbackList() {
    account();
    group("Support", "\"maxWait\":2");
    group("Sales", "\"maxQueueLength\":1,\"overflowGroup\":\"Support\"");

    String waits = call("Sales", "0600000001");
    String overflows = call("Sales", "0600000002");

    JsonObject moved =
        Await.until(
            TIMERS,
            () -> api.get(admin, "api/v1/calls/" + overflows).object(),
            c -> "CALLBACK".equals(c.getString("outcome", null)));
    assertThat(moved.getString("group")).isEqualTo("Support");
    assertThat(moved.getString("overflowedFrom")).isEqualTo("Sales");
    assertThat(api.get(admin, "api/v1/calls/" + waits).object().getString("status"))
        .isEqualTo("QUEUED");
    JsonObject sales = api.get(admin, "api/v1/groups/Sales").object();
    assertThat(sales.getInt("maxQueueLength")).isEqualTo(1);
    assertThat(sales.getString("overflowGroup")).isEqualTo("Support");

    Reply itself = api.send(admin, "PUT", "api/v1/groups/Sales", "{\"overflowGroup\":\"Sales\"}");
    assertThat(itself.status()).isEqualTo(400);
    assertThat(itself.object().getString("field")).isEqualTo("overflowGroup");
    Reply negative = api.send(admin, "PUT", "api/v1/groups/Sales", "{\"maxWait\":-1}");
    assertThat(negative.object().getString("field")).isEqualTo("maxWait");
    assertThat(api.send(admin, "DELETE", "api/v1/groups/Support", null).status()).isEqualTo(409);
  }
}
