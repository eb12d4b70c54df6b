package org.relais.bench;

import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agents of a floor, played as they would work at their banner: each call they are put through
 * to, they talk for a while, hang up, then qualify it a few seconds later. The phones' autopilot
 * could hang up, but only after the same time on every call; here each call draws its own.
 */
final class ScriptedAgents {

  /** The qualification the agents give their calls: the group must have it. */
  static final String QUALIFICATION = "Contact";

  private final ApiClient api;
  private final LoadAccount account;
  private final ScheduledExecutorService hands;
  private final Random random;
  private final int minTalkMs;
  private final int maxTalkMs;
  private final int minQualifyingMs;
  private final int maxQualifyingMs;
  private final AtomicInteger refused = new AtomicInteger();

  ScriptedAgents(ApiClient api, LoadAccount account, ScheduledExecutorService hands, long seed,
      int minTalkMs, int maxTalkMs, int minQualifyingMs, int maxQualifyingMs) {
    this.api = api;
    this.account = account;
    this.hands = hands;
    this.random = new Random(seed);
    this.minTalkMs = minTalkMs;
    this.maxTalkMs = maxTalkMs;
    this.minQualifyingMs = minQualifyingMs;
    this.maxQualifyingMs = maxQualifyingMs;
  }

  /** The agent now talks with a customer ({@code CALL_ANSWERED}). */
  void answered(String login) {
    int agent = account.agentOf(login);
    if (agent < 0) {
      return;
    }
    hands.schedule(() -> hangUp(agent), between(minTalkMs, maxTalkMs), TimeUnit.MILLISECONDS);
  }

  /** Hang-ups and qualifications the server refused: each one an agent left stuck or a call cut short. */
  int refused() {
    return refused.get();
  }

  private void hangUp(int agent) {
    if (call(204, "POST", account.admin(), LoadAccount.ADMIN_PASSWORD,
        "api/v1/sim/extensions/" + account.extension(agent) + "/hangup", null)) {
      hands.schedule(() -> call(200, "POST", account.agent(agent), LoadAccount.AGENT_PASSWORD,
              "api/v1/me/qualification", "{\"code\":\"" + QUALIFICATION + "\"}"),
          between(minQualifyingMs, maxQualifyingMs), TimeUnit.MILLISECONDS);
    }
  }

  private boolean call(int expected, String method, String user, String password, String path, String json) {
    try {
      int status = api.send(method, user, password, path, json).statusCode();
      if (status == expected) {
        return true;
      }
    } catch (IllegalStateException e) {
      // counted below: the run goes on with the other agents
    }
    refused.incrementAndGet();
    return false;
  }

  private int between(int min, int max) {
    synchronized (random) {
      return min + random.nextInt(max - min + 1);
    }
  }
}
