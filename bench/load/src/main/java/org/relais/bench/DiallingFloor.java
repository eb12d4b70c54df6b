package org.relais.bench;

import static org.relais.bench.ApiClient.expect;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A floor of outbound agents working one campaign, in an account of its own, and what the run saw
 * of it: calls placed, answered and dropped by minute (from its event stream), its agents' activity
 * (sampled), its dial level and abandon rate as the engine counts them at each minute's end.
 */
final class DiallingFloor {

  static final String GROUP = "Sortant";
  static final String CAMPAIGN = "Relance";

  private static final Pattern TYPE = Pattern.compile("\"type\":\"(\\w+)\"");
  private static final Pattern AGENT = Pattern.compile("\"agent\":\"([^\"]+)\"");

  private final ApiClient api;
  private final String mode;
  private final LoadAccount account;
  private final ScriptedAgents agents;
  private final int minutes;
  /** By minute of the run, the last one gathering what came after it (calls ending). */
  private final AtomicIntegerArray placed;
  private final AtomicIntegerArray answered;
  private final AtomicIntegerArray dropped;
  private final AtomicInteger attemptsEnded = new AtomicInteger();
  private final ActivitySamples activity;
  private final double[] dialLevel;
  private final double[] abandonRate;
  private volatile long start;

  private DiallingFloor(ApiClient api, String mode, LoadAccount account, ScriptedAgents agents, int minutes) {
    this.api = api;
    this.mode = mode;
    this.account = account;
    this.agents = agents;
    this.minutes = minutes;
    this.placed = new AtomicIntegerArray(minutes + 1);
    this.answered = new AtomicIntegerArray(minutes + 1);
    this.dropped = new AtomicIntegerArray(minutes + 1);
    this.activity = new ActivitySamples(minutes);
    this.dialLevel = new double[minutes];
    this.abandonRate = new double[minutes];
  }

  /**
   * A new account whose agents are connected and available, members of an outbound group that
   * asks them to qualify each call, and whose phones pick up at once (the automatic mode rings the
   * agent first); its campaign loaded with the callees, not started.
   */
  static DiallingFloor open(ApiClient api, String operatorPassword, String mode, int agents, int minutes,
      Callees callees, ScheduledExecutorService hands, long seed) throws InterruptedException, ExecutionException {
    LoadAccount account = LoadAccount.create(api, operatorPassword, agents,
        "{\"name\":\"" + GROUP + "\",\"ringTimeout\":30,\"penalty\":0,\"wrapUp\":0,"
            + "\"qualificationRequired\":true,\"qualifications\":[\"" + ScriptedAgents.QUALIFICATION + "\"]}",
        "{\"name\":\"" + GROUP + "\",\"inbound\":false,\"outbound\":true}",
        "{\"answerAfterMs\":0}");
    String admin = account.admin();
    expect(201, api.post(admin, LoadAccount.ADMIN_PASSWORD, "api/v1/campaigns",
        "{\"name\":\"" + CAMPAIGN + "\",\"group\":\"" + GROUP + "\",\"mode\":\"" + mode + "\",\"maxAbandonRate\":0.03,"
            + "\"callingHours\":[{\"days\":\"MON-SUN\",\"from\":\"00:00\",\"to\":\"23:59\"}],\"active\":false}"));
    expect(200, api.post(admin, LoadAccount.ADMIN_PASSWORD, "api/v1/campaigns/" + CAMPAIGN + "/contacts",
        callees.contactsJson()));
    callees.configure(api, account);
    return new DiallingFloor(api, mode, account,
        new ScriptedAgents(api, account, hands, seed, 30_000, 90_000, 3_000, 8_000), minutes);
  }

  String mode() {
    return mode;
  }

  /** Counts the floor's calls from its event stream, and plays its agents' part in them. */
  void follow() throws Exception {
    EventStream.follow(api, account.admin(), LoadAccount.ADMIN_PASSWORD, line -> {
      if (!line.startsWith("data:")) {
        return;
      }
      Matcher type = TYPE.matcher(line);
      if (!type.find()) {
        return;
      }
      switch (type.group(1)) {
        case "CALL_DIALING" -> placed.incrementAndGet(minuteNow());
        case "CALL_DROPPED" -> dropped.incrementAndGet(minuteNow());
        case "DIALER_ATTEMPT" -> attemptsEnded.incrementAndGet();
        case "CALL_ANSWERED" -> {
          answered.incrementAndGet(minuteNow());
          Matcher agent = AGENT.matcher(line);
          if (agent.find()) {
            agents.answered(agent.group(1));
          }
        }
        default -> { }
      }
    });
  }

  /** Starts or stops the campaign; the run's minutes count from {@code start} (System.nanoTime()). */
  void activate(boolean active, long start) {
    this.start = start;
    expect(200, api.send("PUT", account.admin(), LoadAccount.ADMIN_PASSWORD, "api/v1/campaigns/" + CAMPAIGN,
        "{\"active\":" + active + "}"));
  }

  /** Samples what the agents are doing. */
  void sample(int minute) {
    var reply = api.send("GET", account.admin(), LoadAccount.ADMIN_PASSWORD, "api/v1/supervision/agents", null);
    expect(200, reply);
    activity.add(minute, reply.body());
  }

  /** Notes the dial level and the abandon rate the engine counts, at the minute's end. */
  void minuteEnded(int minute) {
    String stats = stats();
    dialLevel[minute] = number(stats, "dialLevel");
    abandonRate[minute] = number(stats, "abandonRate");
  }

  /** Every call placed has ended (its attempt counted): the campaign's figures are final. */
  boolean settled() {
    int all = 0;
    for (int m = 0; m <= minutes; m++) {
      all += placed.get(m);
    }
    return attemptsEnded.get() >= all;
  }

  /** {@code GET /api/v1/campaigns/{name}/stats}. */
  String stats() {
    var reply = api.send("GET", account.admin(), LoadAccount.ADMIN_PASSWORD, "api/v1/campaigns/" + CAMPAIGN + "/stats", null);
    expect(200, reply);
    return reply.body();
  }

  int placed(int minute) {
    return placed.get(minute);
  }

  int answered(int minute) {
    return answered.get(minute);
  }

  int dropped(int minute) {
    return dropped.get(minute);
  }

  double dialLevel(int minute) {
    return dialLevel[minute];
  }

  double abandonRate(int minute) {
    return abandonRate[minute];
  }

  ActivitySamples activity() {
    return activity;
  }

  ScriptedAgents agents() {
    return agents;
  }

  static double number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.Ee+-]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json);
    }
    return Double.parseDouble(m.group(1));
  }

  private int minuteNow() {
    return (int) Math.min(minutes, TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start));
  }
}
