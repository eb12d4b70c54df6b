package org.relais.bench;

import static org.relais.bench.ApiClient.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fresh account for one run: an admin, one group and agents {@code a0, a1...} in it, each
 * connected and available, with a simulated phone on autopilot: by default, inbound calls of the
 * group "Load" that the phones answer at once and hang up after a while.
 */
final class LoadAccount {

  static final String ADMIN_PASSWORD = "load-admin-password";
  static final String AGENT_PASSWORD = "load-agent-password";
  static final String GROUP = "Load";

  /** Extensions are numbered from here, agent by agent. */
  private static final int FIRST_EXTENSION = 10_000;

  private final String name;
  private final int agents;

  private LoadAccount(String name, int agents) {
    this.name = name;
    this.agents = agents;
  }

  /**
   * The group "Load" taking inbound calls, the phones answering at once and hanging up after
   * {@code talkMs}.
   *
   * @throws ExecutionException if an agent could not be set up: a run with fewer agents than asked
   *     would measure something else
   */
  static LoadAccount create(ApiClient api, String operatorPassword, int agents, int talkMs)
      throws InterruptedException, ExecutionException {
    return create(api, operatorPassword, agents,
        "{\"name\":\"" + GROUP + "\",\"ringTimeout\":30,\"penalty\":0,\"wrapUp\":0}",
        "{\"name\":\"" + GROUP + "\"}",
        "{\"answerAfterMs\":0,\"hangUpAfterMs\":" + talkMs + "}");
  }

  /**
   * @param group the group, as {@code POST /api/v1/groups} takes it
   * @param membership each agent's part in it, as an element of the agent's {@code groups}
   * @param autopilot each agent's phone, as {@code PUT /api/v1/sim/extensions/{ext}/autopilot} takes it
   * @throws ExecutionException if an agent could not be set up
   */
  static LoadAccount create(
      ApiClient api, String operatorPassword, int agents, String group, String membership, String autopilot)
      throws InterruptedException, ExecutionException {
    LoadAccount account = new LoadAccount("load" + UUID.randomUUID().toString().substring(0, 8), agents);
    String admin = account.admin();
    expect(201, api.post("operator", operatorPassword, "api/v1/accounts",
        "{\"name\":\"" + account.name + "\",\"admin\":{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}}"));
    expect(201, api.post(admin, ADMIN_PASSWORD, "api/v1/groups", group));
    System.out.printf("account %s: creating %d agents%n", account.name, agents);
    ExecutorService setup = Executors.newFixedThreadPool(8);
    List<Future<Void>> agentsSetUp = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      String login = account.login(i);
      String agent = account.agent(i);
      String ext = account.extension(i);
      agentsSetUp.add(setup.submit(() -> {
        expect(201, api.post(admin, ADMIN_PASSWORD, "api/v1/agents",
            "{\"login\":\"" + login + "\",\"name\":\"" + login + "\",\"password\":\"" + AGENT_PASSWORD + "\","
                + "\"extension\":\"" + ext + "\",\"groups\":[" + membership + "]}"));
        expect(200, api.send("PUT", admin, ADMIN_PASSWORD, "api/v1/sim/extensions/" + ext + "/autopilot", autopilot));
        expect(200, api.post(agent, AGENT_PASSWORD, "api/v1/me/session", null));
        expect(200, api.send("PUT", agent, AGENT_PASSWORD, "api/v1/me/availability", "{\"available\":true}"));
        return null;
      }));
    }
    try {
      for (Future<Void> agentSetUp : agentsSetUp) {
        agentSetUp.get();
      }
    } finally {
      setup.shutdownNow();
    }
    return account;
  }

  String name() {
    return name;
  }

  /** The account's admin, as the API's basic authentication names it. */
  String admin() {
    return "admin@" + name;
  }

  int agents() {
    return agents;
  }

  String login(int agent) {
    return "a" + agent;
  }

  /** The agent, as the API's basic authentication names it. */
  String agent(int agent) {
    return login(agent) + "@" + name;
  }

  /** The agent whose login this is; -1 for none of the run's. */
  int agentOf(String login) {
    try {
      int agent = Integer.parseInt(login.substring(1));
      return login.equals(login(agent)) && agent < agents ? agent : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  String extension(int agent) {
    return Integer.toString(FIRST_EXTENSION + agent);
  }
}
