package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.web.it.Prometheus.metric;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/**
 * The ACD end to end through the API (SPEC C1-C5, B3-B5, F1): the agent's desk, the simulated
 * switch and the event stream, with short group timers so that the server's own timers run.
 */
class AcdApiIT extends RelaisDeployment {

  private static final Duration TIMERS = Duration.ofSeconds(15);

  /** How long a flood's feed may go without news before the test gives up on it. */
  private static final Duration QUIET = Duration.ofSeconds(30);

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

  private Caller agent(String login, String extension, String group) {
    Reply reply =
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
                + extension
                + "\",\"groups\":[{\"name\":\""
                + group
                + "\"}]}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    Caller agent = new Caller(login + "@" + admin.account(), "password-of-" + login);
    assertThat(api.send(agent, "POST", "api/v1/me/session", null).status()).isEqualTo(200);
    assertThat(api.send(agent, "PUT", "api/v1/me/availability", "{\"available\":true}").status())
        .isEqualTo(200);
    return agent;
  }

  private String call(String group, String caller) {
    Reply reply =
        api.send(
            admin,
            "POST",
            "api/v1/sim/calls",
            "{\"group\":\"" + group + "\",\"caller\":\"" + caller + "\",\"ivrPath\":\"12\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.object().getString("callId");
  }

  private JsonObject me(Caller agent) {
    return api.get(agent, "api/v1/me").object();
  }

  private JsonObject awaitActivity(Caller agent, String activity) {
    return Await.until(
        TIMERS, () -> me(agent), me -> activity.equals(me.getString("activity", null)));
  }

  private int waiting(Caller agent, String group) {
    return me(agent).getJsonArray("groups").getValuesAs(JsonObject.class).stream()
        .filter(g -> g.getString("name").equals(group))
        .findFirst()
        .orElseThrow()
        .getInt("waiting");
  }

  private void sim(String action) {
    Reply reply = api.send(admin, "POST", "api/v1/sim/" + action, null);
    assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(204);
  }

  @Test
  void teamShowsTheAgentsSharingTheCallersGroupsWithTheirStatesAndNoOneElse() {
    account();
    group("Support", "\"ringTimeout\":20");
    group("Ventes", "\"ringTimeout\":20");
    Caller bob = agent("bob", "302", "Support");
    Caller alice = agent("alice", "301", "Support");
    agent("carol", "303", "Ventes");
    assertThat(api.send(bob, "PUT", "api/v1/me/availability", "{\"available\":false}").status())
        .isEqualTo(200);
    assertThat(api.send(bob, "DELETE", "api/v1/me/session", null).status()).isEqualTo(200);

    List<JsonObject> team = api.get(alice, "api/v1/team").array().getValuesAs(JsonObject.class);

    assertThat(team).extracting(g -> g.getString("group")).containsExactly("Support");
    List<JsonObject> members = team.get(0).getJsonArray("members").getValuesAs(JsonObject.class);
    assertThat(members).extracting(m -> m.getString("login")).containsExactly("alice", "bob");
    assertThat(members.get(0).getString("availability")).isEqualTo("AVAILABLE");
    assertThat(members.get(0).getString("activity")).isEqualTo("IDLE");
    assertThat(members.get(1).getString("availability")).isEqualTo("DISCONNECTED");
  }

  @Test
  void anAgentWhoseProfileHasOnlyTheSessionIsRefusedEveryOtherModulesResources() {
    account();
    group("Support", "\"ringTimeout\":20,\"callerIds\":[\"0100000000\"]");
    Caller erin = agent("erin", "304", "Support");
    api.send(admin, "PUT", "api/v1/agents/erin", "{\"modules\":[\"SESSION\"]}");

    Map<String, Reply> replies = new HashMap<>();
    replies.put("team", api.get(erin, "api/v1/team"));
    replies.put("history", api.get(erin, "api/v1/me/history"));
    replies.put("stats", api.get(erin, "api/v1/me/stats"));
    replies.put("lookup", api.get(erin, "api/v1/contacts/lookup?number=0612345678"));
    replies.put("contacts", api.get(erin, "api/v1/contacts?q=a"));
    replies.put("groups", api.send(erin, "PUT", "api/v1/me/groups/Support", "{\"inbound\":false}"));
    replies.put(
        "qualification", api.send(erin, "POST", "api/v1/me/qualification", "{\"code\":\"Vente\"}"));
    replies.put(
        "dial",
        api.send(
            erin, "POST", "api/v1/me/calls", "{\"number\":\"0612345678\",\"group\":\"Support\"}"));

    replies.forEach(
        (resource, reply) -> {
          assertThat(reply.status()).as(resource + ": " + reply.body()).isEqualTo(403);
          assertThat(reply.object().getString("error")).isEqualTo("forbidden");
        });
    assertThat(me(erin).getString("availability")).as("the session stays").isEqualTo("AVAILABLE");
    assertThat(api.send(erin, "PUT", "api/v1/me/availability", "{\"available\":false}").status())
        .isEqualTo(200);

    api.send(admin, "PUT", "api/v1/agents/erin", "{\"modules\":[\"SESSION\",\"TEAM\"]}");

    assertThat(api.get(erin, "api/v1/team").status()).isEqualTo(200);
    assertThat(api.get(erin, "api/v1/me/stats").status()).isEqualTo(403);
  }

  @Test
  void answeredCallIsTalkedQualifiedWrappedUpAndAnnouncedInCommitOrder() {
    account();
    group(
        "Support",
        "\"ringTimeout\":20,\"wrapUp\":1,\"qualificationRequired\":true,"
            + "\"qualifications\":[\"Résolu\",\"Escaladé\"]");
    Caller alice = agent("alice", "301", "Support");
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      String callId = call("Support", "0600000001");

      JsonObject ringing = awaitActivity(alice, "RINGING");
      assertThat(ringing.getJsonObject("call").getString("caller")).isEqualTo("0600000001");
      assertThat(ringing.getJsonObject("call").getString("ivrPath")).isEqualTo("12");
      sim("extensions/301/answer");
      awaitActivity(alice, "TALKING");
      sim("extensions/301/hangup");
      awaitActivity(alice, "QUALIFYING");
      Reply qualified = api.send(alice, "POST", "api/v1/me/qualification", "{\"code\":\"Résolu\"}");
      assertThat(qualified.object().getString("activity")).isEqualTo("WRAP_UP");
      awaitActivity(alice, "IDLE");

      List<JsonObject> events =
          feed.awaitEvents(
              TIMERS,
              all -> {
                int at = indexOf(all, "CALL_QUALIFIED");
                return at >= 0
                    && all.subList(at, all.size()).stream()
                        .anyMatch(e -> "IDLE".equals(e.getString("activity", null)));
              });
      List<String> callTypes = new ArrayList<>();
      for (JsonObject e : events) {
        if (callId.equals(e.getString("callId", null))) {
          callTypes.add(e.getString("type"));
        }
      }
      assertThat(callTypes)
          .containsSubsequence(
              "CALL_QUEUED", "CALL_OFFERED", "CALL_ANSWERED", "CALL_ENDED", "CALL_QUALIFIED");
      assertThat(
              events.stream()
                  .filter(e -> e.getString("type").equals("AGENT_STATE"))
                  .filter(e -> e.getString("agent").equals("alice"))
                  .map(e -> e.getString("activity")))
          .containsSubsequence("RINGING", "TALKING", "QUALIFYING", "WRAP_UP", "IDLE");
      JsonObject ended =
          events.stream()
              .filter(e -> e.getString("type").equals("CALL_ENDED"))
              .findFirst()
              .orElseThrow();
      assertThat(ended.getString("outcome")).isEqualTo("ANSWERED");
      assertThat(ended.getString("agent")).isEqualTo("alice");
    }
  }

  private static int indexOf(List<JsonObject> events, String type) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).getString("type").equals(type)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void missedCallGoesBackToItsQueueAndTheAgentThroughPenaltyAndWrapUp() {
    account();
    group("Support", "\"ringTimeout\":1,\"penalty\":1,\"wrapUp\":1");
    Caller alice = agent("alice", "301", "Support");
    // Each state lasts a second: the event stream, which misses none, tells the story, where
    // polling the agent's state could miss one on a busy machine.
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      String callId = call("Support", "0600000002");

      List<JsonObject> events =
          feed.awaitEvents(
              TIMERS,
              all ->
                  all.stream()
                          .filter(e -> e.getString("type").equals("CALL_OFFERED"))
                          .filter(e -> callId.equals(e.getString("callId")))
                          .count()
                      >= 2);
      List<String> states = new ArrayList<>();
      List<String> callEvents = new ArrayList<>();
      for (JsonObject e : events) {
        if (e.getString("type").equals("AGENT_STATE")) {
          states.add(e.getString("activity"));
        } else if (callId.equals(e.getString("callId", null))) {
          callEvents.add((e.getString("type") + " " + e.getString("reason", "")).strip());
        }
      }
      assertThat(states).containsSubsequence("RINGING", "PENALTY", "WRAP_UP", "RINGING");
      assertThat(callEvents.subList(0, 4))
          .as("the call waits in its queue, not on the agent, until offered again")
          .containsExactly(
              "CALL_QUEUED", "CALL_OFFERED", "CALL_NOT_ANSWERED TIMEOUT", "CALL_OFFERED");
    }
  }

  @Test
  void refusedCallPenalisesTheAgentUntilTheAgentCancelsThePenalty() {
    account();
    group("Support", "\"ringTimeout\":20,\"penalty\":600,\"wrapUp\":600");
    Caller alice = agent("alice", "301", "Support");
    String callId = call("Support", "0600000003");
    awaitActivity(alice, "RINGING");

    sim("extensions/301/reject");
    assertThat(me(alice).getString("activity")).isEqualTo("PENALTY");
    Reply cancelled = api.send(alice, "POST", "api/v1/me/penalty/cancel", null);

    assertThat(cancelled.status()).isEqualTo(200);
    JsonObject ringing = awaitActivity(alice, "RINGING");
    assertThat(ringing.getJsonObject("call").getString("id")).isEqualTo(callId);
    assertThat(api.send(alice, "POST", "api/v1/me/penalty/cancel", null).status()).isEqualTo(409);
  }

  @Test
  void automaticQualificationUsesTheGroupsDefaultCodeAfterItsDelay() {
    account();
    group(
        "Support",
        "\"ringTimeout\":20,\"wrapUp\":0,\"qualificationRequired\":true,\"autoQualify\":1,"
            + "\"autoQualifyCode\":\"Sans suite\",\"qualifications\":[\"Vente\",\"Sans suite\"]");
    Caller alice = agent("alice", "301", "Support");
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      String callId = call("Support", "0600000004");
      awaitActivity(alice, "RINGING");
      sim("extensions/301/answer");
      sim("extensions/301/hangup");
      assertThat(me(alice).getString("activity")).isEqualTo("QUALIFYING");

      awaitActivity(alice, "IDLE");
      List<JsonObject> events =
          feed.awaitEvent(TIMERS, e -> e.getString("type").equals("CALL_QUALIFIED"));
      JsonObject qualified =
          events.stream()
              .filter(e -> e.getString("type").equals("CALL_QUALIFIED"))
              .findFirst()
              .orElseThrow();
      assertThat(qualified.getString("callId")).isEqualTo(callId);
      assertThat(qualified.getString("qualification")).isEqualTo("Sans suite");
    }
  }

  @Test
  void goingUnavailableDuringACallFinishesItButStopsFurtherOffers() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = agent("alice", "301", "Support");
    call("Support", "0600000005");
    awaitActivity(alice, "RINGING");
    sim("extensions/301/answer");

    api.send(alice, "PUT", "api/v1/me/availability", "{\"available\":false}");
    assertThat(me(alice).getString("activity")).isEqualTo("TALKING");
    assertThat(api.send(alice, "DELETE", "api/v1/me/session", null).status())
        .as("logging out during a call is refused")
        .isEqualTo(409);
    sim("extensions/301/hangup");
    call("Support", "0600000006");

    JsonObject after = me(alice);
    assertThat(after.getString("availability")).isEqualTo("UNAVAILABLE");
    assertThat(after.getString("activity")).isEqualTo("IDLE");
    assertThat(waiting(alice, "Support")).isEqualTo(1);
  }

  @Test
  void callerWhoHangsUpWhileQueuedIsAbandonedAndLeavesACallback() {
    account();
    group("Support", "\"ringTimeout\":20");
    Caller alice = agent("alice", "301", "Support");
    api.send(alice, "PUT", "api/v1/me/availability", "{\"available\":false}");
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      String callId = call("Support", "0600000007");
      assertThat(waiting(alice, "Support")).isEqualTo(1);

      sim("calls/" + callId + "/hangup");

      JsonObject support = me(alice).getJsonArray("groups").getJsonObject(0);
      assertThat(support.getInt("waiting")).isZero();
      assertThat(support.getInt("callbacks")).isEqualTo(1);
      List<JsonObject> events =
          feed.awaitEvent(TIMERS, e -> e.getString("type").equals("CALL_ABANDONED"));
      assertThat(
              events.stream()
                  .filter(e -> e.getString("type").equals("CALL_ABANDONED"))
                  .findFirst()
                  .orElseThrow()
                  .getString("callId"))
          .isEqualTo(callId);
    }
  }

  @Test
  void transferredCallIsClosedAsTransferredAndTheAgentFreed() {
    account();
    group(
        "Support",
        "\"ringTimeout\":20,\"wrapUp\":0,\"qualificationRequired\":true,\"qualifications\":[\"Résolu\"]");
    Caller alice = agent("alice", "301", "Support");
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      String callId = call("Support", "0600000008");
      awaitActivity(alice, "RINGING");
      sim("extensions/301/answer");

      Reply transferred = api.send(alice, "POST", "api/v1/me/transferred", null);

      assertThat(transferred.object().getString("activity")).isEqualTo("QUALIFYING");
      api.send(alice, "POST", "api/v1/me/qualification", "{\"code\":\"Résolu\"}");
      assertThat(me(alice).getString("activity")).isEqualTo("IDLE");
      List<JsonObject> events =
          feed.awaitEvent(TIMERS, e -> e.getString("type").equals("CALL_ENDED"));
      JsonObject ended =
          events.stream()
              .filter(e -> e.getString("type").equals("CALL_ENDED"))
              .findFirst()
              .orElseThrow();
      assertThat(ended.getString("callId")).isEqualTo(callId);
      assertThat(ended.getString("outcome")).isEqualTo("TRANSFERRED");
    }
  }

  @Test
  void metricsCountTheCallsOfEachGroupAndShowTheQueueAndTheAgents() {
    account();
    group("Support", "\"ringTimeout\":20,\"penalty\":600");
    Caller alice = agent("alice", "301", "Support");
    call("Support", "0600000021");
    awaitActivity(alice, "RINGING");
    sim("extensions/301/reject");
    api.send(alice, "POST", "api/v1/me/penalty/cancel", null);
    awaitActivity(alice, "RINGING");
    sim("extensions/301/answer");
    awaitActivity(alice, "TALKING");
    String abandoned = call("Support", "0600000022");
    call("Support", "0600000023");
    sim("calls/" + abandoned + "/hangup");

    String[] support = {"account=\"" + admin.account() + "\"", "group=\"Support\""};
    String metrics =
        Await.until(
            TIMERS,
            () -> api.get(null, "/metrics").body(),
            m -> Double.valueOf(1).equals(metric(m, "relais_calls_abandoned_total", support)));
    assertThat(metric(metrics, "relais_calls_offered_total", support)).isEqualTo(2);
    assertThat(metric(metrics, "relais_calls_missed_total", support)).isEqualTo(1);
    assertThat(metric(metrics, "relais_calls_answered_total", support)).isEqualTo(1);
    assertThat(metric(metrics, "relais_calls_waiting", support)).isEqualTo(1);
    assertThat(metric(metrics, "relais_calls_longest_wait_seconds", support)).isGreaterThan(0);
    assertThat(metric(metrics, "relais_calls_arrival_to_offer_seconds_count", support))
        .isEqualTo(1);
    assertThat(
            metric(
                metrics,
                "relais_agents",
                "account=\"" + admin.account() + "\"",
                "availability=\"AVAILABLE\"",
                "activity=\"TALKING\""))
        .isEqualTo(1);
    assertThat(metric(metrics, "relais_acd_batch_seconds_count")).isPositive();
    assertThat(metric(metrics, "relais_acd_commit_seconds_count")).isPositive();
    assertThat(metric(metrics, "relais_events_pushed_total", "channel=\"stream\"")).isNotNull();
    assertThat(metric(metrics, "relais_sockets_open", "channel=\"desk\"")).isNotNull();
  }

  @Test
  void deskActionsWithoutTheirCallAnswer409() {
    account();
    group("Support", "\"ringTimeout\":20");
    Caller alice = agent("alice", "301", "Support");

    Reply qualify = api.send(alice, "POST", "api/v1/me/qualification", "{\"code\":\"x\"}");
    Reply answer = api.send(admin, "POST", "api/v1/sim/extensions/301/answer", null);

    assertThat(qualify.status()).isEqualTo(409);
    assertThat(qualify.object().getString("message")).contains("qualify");
    assertThat(answer.status()).isEqualTo(409);
    assertThat(api.send(alice, "POST", "api/v1/sim/extensions/302/answer", null).status())
        .as("an agent drives only its own phone")
        .isEqualTo(403);
  }

  @Test
  void theEventStreamIsForSupervisorsAndAdminsOfTheAccount() {
    account();
    group("Support", "\"ringTimeout\":20");
    Caller alice = agent("alice", "301", "Support");

    Reply asAgent = api.get(alice, "api/v1/events");
    Reply anonymous = api.get(null, "api/v1/events");

    assertThat(asAgent.status()).isEqualTo(403);
    assertThat(asAgent.object().getString("error")).isEqualTo("forbidden");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void twoHundredSimultaneousCallsOnFiveAutoAnsweringAgentsNeverDoubleBookAnAgent()
      throws Exception {
    account();
    group("Rush", "\"ringTimeout\":20,\"wrapUp\":0");
    List<String> extensions = List.of("401", "402", "403", "404", "405");
    for (int i = 0; i < extensions.size(); i++) {
      agent("rush" + i, extensions.get(i), "Rush");
      api.send(
          admin,
          "PUT",
          "api/v1/sim/extensions/" + extensions.get(i) + "/autopilot",
          "{\"answerAfterMs\":0,\"hangUpAfterMs\":20}");
    }
    Caller watcher = new Caller("rush0@" + admin.account(), "password-of-rush0");
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      ExecutorService callers = Executors.newFixedThreadPool(20);
      List<Future<String>> placed = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String number = String.format("06%08d", i);
        placed.add(callers.submit(() -> call("Rush", number)));
      }
      Set<String> callIds = new HashSet<>();
      for (Future<String> f : placed) {
        callIds.add(f.get());
      }
      callers.shutdown();
      assertThat(callIds).hasSize(200);

      List<JsonObject> events = feed.awaitEvents(QUIET, all -> countEnded(all) >= 200);
      Map<String, String> ringingCallByAgent = new HashMap<>();
      Set<String> ended = new HashSet<>();
      for (JsonObject e : events) {
        String type = e.getString("type");
        if (type.equals("CALL_OFFERED")) {
          String previous = ringingCallByAgent.put(e.getString("agent"), e.getString("callId"));
          assertThat(previous)
              .as("agent " + e.getString("agent") + " offered a second call")
              .isNull();
        } else if (type.equals("CALL_ENDED")) {
          ringingCallByAgent.remove(e.getString("agent"));
          assertThat(e.getString("outcome")).isEqualTo("ANSWERED");
          ended.add(e.getString("callId"));
        } else if (type.equals("CALL_NOT_ANSWERED")) {
          ringingCallByAgent.remove(e.getString("agent"));
        }
      }
      assertThat(ended).isEqualTo(callIds);
      assertThat(waiting(watcher, "Rush")).isZero();
    }
  }

  /**
   * A subscriber that stops reading, say a wallboard behind a stalled network, must hold up no
   * other: its events wait for it alone, and it misses none when it reads again. Long names make
   * about 1.8 kB of events a call, so 1,200 calls make about 2.2 MB: far more than its connection
   * takes while its client reads nothing (a 1 kB receive window), and less than what the server
   * keeps for one subscriber ({@code StreamSubscriber.MAX_WAITING_BYTES}, 4 MB) even if the
   * kernel's and the container's buffers held none of it, whatever their sizes on this machine.
   */
  @Test
  void aSubscriberThatStopsReadingHoldsUpNoOtherAndMissesNothing() throws Exception {
    int calls = 1_200;
    String group = "Flood".repeat(12);
    account();
    group(group, "\"ringTimeout\":20,\"wrapUp\":0");
    for (int i = 0; i < 20; i++) {
      String extension = String.valueOf(600 + i);
      agent(String.format("flood%02d", i).repeat(9), extension, group);
      api.send(
          admin,
          "PUT",
          "api/v1/sim/extensions/" + extension + "/autopilot",
          "{\"answerAfterMs\":0,\"hangUpAfterMs\":0}");
    }
    try (StalledSubscriber stalled = new StalledSubscriber(baseUrl(), admin);
        EventFeed feed = new EventFeed(baseUrl(), admin)) {
      ExecutorService callers = Executors.newFixedThreadPool(20);
      List<Future<String>> placed = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        String number = String.format("08%08d", i);
        placed.add(callers.submit(() -> call(group, number)));
      }
      for (Future<String> f : placed) {
        f.get();
      }
      callers.shutdown();
      List<JsonObject> read = feed.awaitEvents(QUIET, all -> countEnded(all) >= calls);
      try (EventFeed resumed = stalled.resume()) {
        List<JsonObject> late = resumed.awaitEvents(QUIET, all -> countEnded(all) >= calls);
        int both = Math.min(read.size(), late.size());
        assertThat(late.subList(0, both))
            .as("the stalled subscriber's events, once it reads again")
            .isEqualTo(read.subList(0, both));
      }
    }
  }

  /**
   * The switch's events are applied several to a transaction: those that cannot apply must fail
   * alone, with their own answer, and take nothing of the others with them.
   */
  @Test
  void switchEventsArrivingTogetherFailAloneAndTheOthersAllApply() throws Exception {
    account();
    group("Mixed", "\"ringTimeout\":60");
    Caller carol = agent("carol", "501", "Mixed");
    ExecutorService reporters = Executors.newFixedThreadPool(20);
    List<Future<Integer>> valid = new ArrayList<>();
    List<Future<Integer>> unknownGroup = new ArrayList<>();
    List<Future<Integer>> nothingRinging = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String number = String.format("07%08d", i);
      valid.add(reporters.submit(() -> placeCallStatus("Mixed", number)));
      unknownGroup.add(reporters.submit(() -> placeCallStatus("Nowhere", number)));
      nothingRinging.add(
          reporters.submit(
              () -> api.send(admin, "POST", "api/v1/sim/extensions/599/answer", null).status()));
    }
    for (int i = 0; i < 40; i++) {
      assertThat(valid.get(i).get()).isEqualTo(201);
      assertThat(unknownGroup.get(i).get()).isEqualTo(400);
      assertThat(nothingRinging.get(i).get()).isEqualTo(409);
    }
    reporters.shutdown();

    assertThat(awaitActivity(carol, "RINGING").getJsonObject("call")).isNotNull();
    assertThat(waiting(carol, "Mixed")).as("one call rings, every other one waits").isEqualTo(39);
  }

  @Test
  void aWaitingCallerWhoAsksToBeCalledBackKeepsItsPlaceAndTheFreedAgentDialsItBack() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = agent("alice", "301", "Support");
    String ringing = call("Support", "0600000001");
    awaitActivity(alice, "RINGING");
    String asks = call("Support", "0600000002");
    String later = call("Support", "0600000003");

    Reply tooLate = api.send(admin, "POST", "api/v1/sim/calls/" + ringing + "/callback", null);
    assertThat(tooLate.status()).as(tooLate.body()).isEqualTo(409);
    sim("calls/" + asks + "/callback");
    assertThat(api.get(admin, "api/v1/calls/" + asks).object().getString("status"))
        .isEqualTo("QUEUED");
    assertThat(waiting(alice, "Support")).isEqualTo(2);
    sim("calls/" + ringing + "/hangup");

    JsonObject dialing = awaitActivity(alice, "DIALING");
    assertThat(dialing.getJsonObject("call").getString("number")).isEqualTo("+33600000002");
    assertThat(api.get(admin, "api/v1/calls/" + asks).object().getString("outcome"))
        .isEqualTo("CALLBACK");
    assertThat(api.get(admin, "api/v1/calls/" + later).object().getString("status"))
        .isEqualTo("QUEUED");
    assertThat(api.send(admin, "POST", "api/v1/sim/calls/nope/callback", null).status())
        .as("no such call")
        .isEqualTo(404);
  }

  private int placeCallStatus(String group, String caller) {
    return api.send(
            admin,
            "POST",
            "api/v1/sim/calls",
            "{\"group\":\"" + group + "\",\"caller\":\"" + caller + "\"}")
        .status();
  }

  private static long countEnded(List<JsonObject> events) {
    return events.stream().filter(e -> e.getString("type").equals("CALL_ENDED")).count();
  }

  // ---------------------------------------------------------------- click-to-dial (SPEC B9)

  private Reply dial(Caller agent, String json) {
    return api.send(agent, "POST", "api/v1/me/calls", json);
  }

  private String dialled(Caller agent, String number, String group) {
    Reply reply = dial(agent, "{\"number\":\"" + number + "\",\"group\":\"" + group + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.object().getString("status")).isEqualTo("DIALING");
    return reply.object().getString("id");
  }

  private void farEnd(String number, String answer, int afterMs) {
    Reply reply =
        api.send(
            admin,
            "PUT",
            "api/v1/sim/numbers/" + number,
            "{\"answer\":\"" + answer + "\",\"afterMs\":" + afterMs + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  private static JsonObject ended(EventFeed feed, String callId) {
    return feed
        .awaitEvent(
            TIMERS,
            e -> e.getString("type").equals("CALL_ENDED") && callId.equals(e.getString("callId")))
        .stream()
        .filter(e -> e.getString("type").equals("CALL_ENDED"))
        .filter(e -> callId.equals(e.getString("callId")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void outboundCallRingsTheAgentFirstThenTheCustomerAndEndsLikeAnAnsweredCall() {
    account();
    group(
        "Ventes",
        "\"wrapUp\":1,\"qualificationRequired\":true,\"qualifications\":[\"Vendu\"],"
            + "\"callerIds\":[\"0100000000\",\"0100000001\"],\"callerIdSelectable\":true");
    Caller alice = agent("alice", "301", "Ventes");
    farEnd("0611111111", "MANUAL", 0);
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      Reply placed =
          dial(
              alice,
              "{\"number\":\"06 11 11 11 11\",\"group\":\"Ventes\",\"callerId\":\"0100000001\"}");
      assertThat(placed.status()).as(placed.body()).isEqualTo(201);
      String callId = placed.object().getString("id");
      assertThat(placed.object().getString("direction")).isEqualTo("OUTBOUND");
      assertThat(placed.object().getString("caller")).isEqualTo("0100000001");

      JsonObject dialing = awaitActivity(alice, "DIALING");
      assertThat(dialing.getJsonObject("call").getString("number")).isEqualTo("+33611111111");
      JsonObject phone = api.get(admin, "api/v1/sim/extensions/301").object();
      assertThat(phone.get("ringingCallId").toString()).isEqualTo(callId);
      // The customer's phone rings only once the agent's phone answered.
      assertThat(api.send(admin, "POST", "api/v1/sim/calls/" + callId + "/answer", null).status())
          .isEqualTo(409);
      sim("extensions/301/answer");
      assertThat(me(alice).getString("activity")).isEqualTo("DIALING");
      sim("calls/" + callId + "/answer");
      awaitActivity(alice, "TALKING");
      sim("extensions/301/hangup");
      awaitActivity(alice, "QUALIFYING");
      api.send(alice, "POST", "api/v1/me/qualification", "{\"code\":\"Vendu\"}");
      awaitActivity(alice, "IDLE");

      assertThat(ended(feed, callId).getString("outcome")).isEqualTo("ANSWERED");
      List<String> types =
          feed.events().stream()
              .filter(e -> callId.equals(e.getString("callId", null)))
              .map(e -> e.getString("type"))
              .toList();
      assertThat(types)
          .containsSubsequence("CALL_DIALING", "CALL_ANSWERED", "CALL_ENDED", "CALL_QUALIFIED");

      JsonObject today = api.get(alice, "api/v1/me/stats").object().getJsonObject("today");
      assertThat(today.getInt("outbound")).isEqualTo(1);
      assertThat(today.getInt("answered")).as("inbound calls only").isZero();
      JsonObject line =
          api.get(alice, "api/v1/me/history?period=today")
              .object()
              .getJsonArray("calls")
              .getJsonObject(0);
      assertThat(line.getString("direction")).isEqualTo("OUTBOUND");
      assertThat(line.getString("number")).isEqualTo("+33611111111");
      assertThat(line.getString("outcome")).isEqualTo("ANSWERED");
      assertThat(line.getString("qualification")).isEqualTo("Vendu");
    }
  }

  @Test
  void busyUnansweredFailedAndCancelledOutboundCallsAreRecordedAndFreeTheAgentAtOnce() {
    account();
    group("Ventes", "\"wrapUp\":600,\"qualificationRequired\":true,\"qualifications\":[\"Vendu\"]");
    Caller alice = agent("alice", "301", "Ventes");
    api.send(alice, "PUT", "api/v1/sim/extensions/301/autopilot", "{\"answerAfterMs\":0}");
    farEnd("0622222222", "BUSY", 0);
    farEnd("0633333333", "NO_ANSWER", 200);
    farEnd("0644444444", "MANUAL", 0);
    farEnd("0666666666", "FAIL", 0);
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      String busy = dialled(alice, "0622222222", "Ventes");
      assertThat(ended(feed, busy).getString("outcome")).isEqualTo("BUSY");
      awaitActivity(alice, "IDLE");

      String unanswered = dialled(alice, "0633333333", "Ventes");
      assertThat(ended(feed, unanswered).getString("outcome")).isEqualTo("NO_ANSWER");
      awaitActivity(alice, "IDLE");

      String failed = dialled(alice, "0666666666", "Ventes");
      assertThat(ended(feed, failed).getString("outcome")).isEqualTo("FAILED");
      awaitActivity(alice, "IDLE");

      String cancelled = dialled(alice, "0644444444", "Ventes");
      awaitActivity(alice, "DIALING");
      sim("extensions/301/hangup");
      assertThat(ended(feed, cancelled).getString("outcome")).isEqualTo("CANCELLED");
      assertThat(me(alice).getString("activity")).isEqualTo("IDLE");
    }
  }

  @Test
  void clickToDialRefusesBadInputAndABusyAgent() {
    account();
    group("Ventes", "\"callerIds\":[\"0100000000\"]");
    group("Autre", "\"ringTimeout\":20");
    Caller alice = agent("alice", "301", "Ventes");

    Reply badNumber = dial(alice, "{\"number\":\"not a number\",\"group\":\"Ventes\"}");
    assertThat(badNumber.status()).isEqualTo(400);
    assertThat(badNumber.object().getString("field")).isEqualTo("number");
    Reply notHers = dial(alice, "{\"number\":\"0600000000\",\"group\":\"Autre\"}");
    assertThat(notHers.status()).isEqualTo(400);
    assertThat(notHers.object().getString("field")).isEqualTo("group");
    Reply chosenId =
        dial(alice, "{\"number\":\"0600000000\",\"group\":\"Ventes\",\"callerId\":\"0100000000\"}");
    assertThat(chosenId.status()).as("the group does not let agents choose").isEqualTo(400);
    assertThat(chosenId.object().getString("field")).isEqualTo("callerId");
    Reply missing = dial(alice, "{\"group\":\"Ventes\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.object().getString("field")).isEqualTo("number");

    farEnd("0655555555", "MANUAL", 0);
    dialled(alice, "0655555555", "Ventes");
    assertThat(dial(alice, "{\"number\":\"0600000000\",\"group\":\"Ventes\"}").status())
        .isEqualTo(409);
    assertThat(api.send(alice, "DELETE", "api/v1/me/session", null).status()).isEqualTo(409);
  }

  // ---------------------------------------------------------------- lines (SPEC B12)

  /** Alice (301) talks with a caller of Support; bob (302), unavailable, is free for a consult. */
  private String aliceTalksBobIsFree(Caller alice, Caller bob) {
    api.send(bob, "PUT", "api/v1/me/availability", "{\"available\":false}");
    String callId = call("Support", "0600000021");
    awaitActivity(alice, "RINGING");
    sim("extensions/301/answer");
    return callId;
  }

  private List<String> lineStates(Caller agent) {
    return api.get(agent, "api/v1/me/lines").array().getValuesAs(JsonObject.class).stream()
        .map(line -> line.getString("state"))
        .toList();
  }

  private Reply line(Caller agent, String path, String json) {
    return api.send(agent, "POST", "api/v1/me/lines" + path, json);
  }

  @Test
  void holdConsultAColleagueToggleAndTransferLeaveTheCallerWithTheColleague() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = agent("alice", "301", "Support");
    Caller bob = agent("bob", "302", "Support");
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      String callId = aliceTalksBobIsFree(alice, bob);

      assertThat(line(alice, "/" + callId + "/hold", null).status()).isEqualTo(200);
      assertThat(lineStates(alice)).containsExactly("HELD");
      assertThat(line(alice, "/" + callId + "/resume", null).status()).isEqualTo(200);
      Reply consult = line(alice, "", "{\"agent\":\"bob\"}");
      assertThat(consult.status()).as(consult.body()).isEqualTo(201);
      String consultId = consult.object().getString("id");
      assertThat(consult.object().getString("state")).isEqualTo("RINGING");
      awaitActivity(bob, "RINGING");
      sim("extensions/302/answer");
      assertThat(lineStates(alice)).containsExactly("HELD", "TALKING");
      assertThat(line(alice, "/" + callId + "/resume", null).status()).isEqualTo(200);
      assertThat(lineStates(alice)).as("the toggle").containsExactly("TALKING", "HELD");

      assertThat(line(alice, "/transfer", null).status()).isEqualTo(200);

      assertThat(me(alice).getString("activity")).isEqualTo("IDLE");
      assertThat(me(bob).getString("activity")).isEqualTo("TALKING");
      JsonObject record = api.get(admin, "api/v1/calls/" + callId).object();
      assertThat(record.getString("outcome")).isEqualTo("TRANSFERRED");
      assertThat(record.getString("transferredTo")).isEqualTo("bob");
      sim("calls/" + callId + "/hangup");
      assertThat(ended(feed, consultId).getString("agent")).isEqualTo("bob");
      List<JsonObject> events =
          feed.awaitEvent(TIMERS, e -> e.getString("type").equals("CALL_TRANSFERRED"));
      assertThat(events)
          .extracting(e -> e.getString("type"))
          .containsSubsequence("LINE_HELD", "LINE_RESUMED", "LINE_HELD", "CALL_TRANSFERRED");
    }
  }

  @Test
  void aConsultedNumberFollowsTheSimulatedNumbersAndAttendedTransferSendsTheCallerThere() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = agent("alice", "301", "Support");
    Caller bob = agent("bob", "302", "Support");
    String callId = aliceTalksBobIsFree(alice, bob);
    farEnd("0981000001", "BUSY", 0);
    farEnd("0981000002", "MANUAL", 0);

    String busy = line(alice, "", "{\"number\":\"0981000001\"}").object().getString("id");
    JsonObject busyCall =
        Await.until(
            TIMERS,
            () -> api.get(admin, "api/v1/calls/" + busy).object(),
            c -> "BUSY".equals(c.getString("outcome", null)));
    assertThat(busyCall.getString("direction")).isEqualTo("CONSULT");
    assertThat(lineStates(alice)).containsExactly("HELD");
    Reply consult = line(alice, "", "{\"number\":\"0981000002\"}");
    assertThat(consult.object().getString("state")).isEqualTo("DIALING");
    assertThat(line(alice, "/transfer", null).status())
        .as("the consulted party has not answered")
        .isEqualTo(409);
    sim("calls/" + consult.object().getString("id") + "/answer");
    assertThat(lineStates(alice)).containsExactly("HELD", "TALKING");

    assertThat(line(alice, "/transfer", null).status()).isEqualTo(200);

    JsonObject record = api.get(admin, "api/v1/calls/" + callId).object();
    assertThat(record.getString("outcome")).isEqualTo("TRANSFERRED");
    assertThat(record.getString("transferredTo")).isEqualTo("+33981000002");
    assertThat(lineStates(alice)).isEmpty();
  }

  @Test
  void blindTransferToAGroupQueuesTheCallerAndConflictsAndUnknownNamesAreRefused() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0");
    group("Technique", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = agent("alice", "301", "Support");
    Caller bob = agent("bob", "302", "Support");
    Caller carol = agent("carol", "303", "Technique");
    api.send(carol, "PUT", "api/v1/me/availability", "{\"available\":false}");
    String callId = aliceTalksBobIsFree(alice, bob);

    assertThat(line(alice, "/transfer", null).status()).as("one line").isEqualTo(409);
    Reply unknown = line(alice, "/" + callId + "/transfer", "{\"agent\":\"nobody\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.object().getString("field")).isEqualTo("agent");
    assertThat(line(alice, "", "{\"group\":\"Nowhere\"}").object().getString("field"))
        .isEqualTo("group");
    assertThat(line(alice, "", "{}").status()).isEqualTo(400);
    assertThat(line(bob, "", "{\"number\":\"0981000003\"}").status())
        .as("no call to consult from")
        .isEqualTo(409);

    assertThat(line(alice, "/" + callId + "/transfer", "{\"group\":\"Technique\"}").status())
        .isEqualTo(200);
    assertThat(me(alice).getString("activity")).isEqualTo("IDLE");
    api.send(carol, "PUT", "api/v1/me/availability", "{\"available\":true}");
    JsonObject offered = awaitActivity(carol, "RINGING");
    assertThat(offered.getJsonObject("call").getString("number")).isEqualTo("0600000021");
    assertThat(offered.getJsonObject("call").getString("group")).isEqualTo("Technique");
  }

  // ---------------------------------------------------------------- recording (SPEC B13)

  /** The recording as the browser asks it: the status, then the Content-Range, then the bytes. */
  private HttpResponse<byte[]> wav(String authorization, String id, String range) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "api/v1/recordings/" + id))
            .header("Authorization", authorization);
    if (range != null) {
      request.header("Range", range);
    }
    try {
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<JsonObject> recordingsOf(String callId) {
    return api.get(admin, "api/v1/calls/" + callId)
        .object()
        .getJsonArray("recordings")
        .getValuesAs(JsonObject.class);
  }

  @Test
  void onDemandRecordingIsAWavThatPlaysWithRangesForWhomMayHearItAndGoesAfterRetention() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0,\"recording\":\"ON_DEMAND\"");
    Caller alice = agent("alice", "301", "Support");
    Caller bob = agent("bob", "302", "Support");
    String callId;
    try (EventFeed feed = new EventFeed(baseUrl(), admin)) {
      callId = aliceTalksBobIsFree(alice, bob);
      assertThat(api.send(alice, "POST", "api/v1/me/recording", "{\"on\":true}").status())
          .isEqualTo(200);
      sim("extensions/301/hangup");
      feed.awaitEvent(TIMERS, e -> e.getString("type").equals("RECORDING_STOPPED"));
    }
    String id = recordingsOf(callId).get(0).getString("id");

    HttpResponse<byte[]> whole =
        Await.until(TIMERS, () -> wav(admin.authorization(), id, null), r -> r.statusCode() == 200);
    assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(new String(whole.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(new String(whole.body(), StandardCharsets.US_ASCII)).contains("Simulated");
    HttpResponse<byte[]> part = wav(alice.authorization(), id, "bytes=8-11");
    assertThat(part.statusCode()).as("the agent of the call").isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range"))
        .hasValue("bytes 8-11/" + whole.body().length);
    assertThat(new String(part.body(), StandardCharsets.US_ASCII)).isEqualTo("WAVE");
    assertThat(wav(bob.authorization(), id, null).statusCode()).as("another agent").isEqualTo(403);
    assertThat(wav(admin.authorization(), "0", null).statusCode()).isEqualTo(404);
    String token =
        api.send(admin, "POST", "api/v1/tokens", "{\"name\":\"crm\",\"role\":\"supervisor\"}")
            .object()
            .getString("token");
    assertThat(wav("Bearer " + token, id, null).statusCode())
        .as("an integration's token")
        .isEqualTo(200);
    assertThat(
            api.get(admin, "api/v1/recordings/" + id + "/heard")
                .array()
                .getValuesAs(JsonObject.class))
        .extracting(h -> h.getString("login"))
        .containsExactly("admin", "token:crm");

    assertThat(api.send(admin, "PUT", "api/v1/account", "{\"recordingRetentionDays\":0}").status())
        .isEqualTo(200);
    Await.until(TIMERS, () -> wav(admin.authorization(), id, null), r -> r.statusCode() == 404);
    assertThat(recordingsOf(callId)).isEmpty();
  }

  @Test
  void aGroupThatRecordsEveryCallRecordsItAndOneThatNeverDoesRefusesTheButton() {
    account();
    group("Support", "\"ringTimeout\":20,\"wrapUp\":0,\"recording\":\"ALWAYS\"");
    group("Ventes", "\"ringTimeout\":20,\"wrapUp\":0");
    Caller alice = agent("alice", "301", "Support");
    Caller carol = agent("carol", "303", "Ventes");
    assertThat(api.send(alice, "POST", "api/v1/me/recording", "{\"on\":true}").status())
        .as("no call")
        .isEqualTo(409);
    String recorded = call("Support", "0600000031");
    awaitActivity(alice, "RINGING");
    sim("extensions/301/answer");
    assertThat(api.send(alice, "POST", "api/v1/me/recording", "{\"on\":false}").status())
        .as("the group records all its calls")
        .isEqualTo(403);
    sim("extensions/301/hangup");
    call("Ventes", "0600000032");
    awaitActivity(carol, "RINGING");
    sim("extensions/303/answer");

    assertThat(api.send(carol, "POST", "api/v1/me/recording", "{\"on\":true}").status())
        .isEqualTo(403);
    assertThat(recordingsOf(recorded)).hasSize(1);
    assertThat(api.get(admin, "api/v1/groups/Support").object().getString("recording"))
        .isEqualTo("ALWAYS");
  }
}
