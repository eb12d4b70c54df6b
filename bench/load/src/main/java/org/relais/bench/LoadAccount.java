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
 * A fresh account for one run: an admin, one group "Load" and agents {@code a0, a1...} in it, each
 * connected and available, with a simulated phone that answers at once and hangs up after a while.
 */
final class LoadAccount {

  static final String ADMIN_PASSWORD = "load-admin-password";
  static final String AGENT_PASSWORD = "load-agent-password";
  static final String GROUP = "Load";

  private final String name;
  private final int agents;

  private LoadAccount(String name, int agents) {
    this.name = name;
    this.agents = agents;
  }

  /**
   * @throws ExecutionException if an agent could not be set up: a run with fewer agents than asked
   *     would measure something else
   */
  static LoadAccount create(ApiClient api, String operatorPassword, int agents, int talkMs)
      throws InterruptedException, ExecutionException {
    LoadAccount account = new LoadAccount("load" + UUID.randomUUID().toString().substring(0, 8), agents);
    String admin = account.admin();
    expect(201, api.post("operator", operatorPassword, "api/v1/accounts",
        "{\"name\":\"" + account.name + "\",\"admin\":{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}}"));
    expect(201, api.post(admin, ADMIN_PASSWORD, "api/v1/groups",
        "{\"name\":\"" + GROUP + "\",\"ringTimeout\":30,\"penalty\":0,\"wrapUp\":0}"));
    System.out.printf("account %s: creating %d agents%n", account.name, agents);
    ExecutorService setup = Executors.newFixedThreadPool(8);
    List<Future<Void>> agentsSetUp = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      String login = account.login(i);
      String agent = login + "@" + account.name;
      String ext = Integer.toString(10_000 + i);
      agentsSetUp.add(setup.submit(() -> {
        expect(201, api.post(admin, ADMIN_PASSWORD, "api/v1/agents",
            "{\"login\":\"" + login + "\",\"name\":\"" + login + "\",\"password\":\"" + AGENT_PASSWORD + "\","
                + "\"extension\":\"" + ext + "\",\"groups\":[{\"name\":\"" + GROUP + "\"}]}"));
        expect(200, api.send("PUT", admin, ADMIN_PASSWORD, "api/v1/sim/extensions/" + ext + "/autopilot",
            "{\"answerAfterMs\":0,\"hangUpAfterMs\":" + talkMs + "}"));
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
}
