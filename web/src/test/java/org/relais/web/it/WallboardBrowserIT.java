package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/**
 * The wallboard (SPEC E5) in headless Chromium, as a supervisor watches it: the figures follow
 * simulated calls as they arrive and end without the page being reloaded, agree with the calls
 * report, and show only the supervisor's own groups of its own account.
 */
class WallboardBrowserIT extends RelaisDeployment {

  private static final Duration LIVE = Duration.ofSeconds(15);

  private Api api;
  private Caller admin;

  private void group(Caller owner, String name) {
    Reply reply =
        api.send(
            owner,
            "POST",
            "api/v1/groups",
            "{\"name\":\"" + name + "\",\"ringTimeout\":60,\"wrapUp\":0}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  private Caller person(Caller owner, String login, String role, String extension, String group) {
    return api.person(owner, login, role, extension, group);
  }

  private void ok(Caller who, String method, String path, String body) {
    Reply reply = api.send(who, method, path, body);
    assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isBetween(200, 204);
  }

  private Caller connectedAgent(Caller owner, String login, String extension, String group) {
    Caller agent = person(owner, login, "agent", extension, group);
    ok(agent, "POST", "api/v1/me/session", null);
    ok(agent, "PUT", "api/v1/me/availability", "{\"available\":true}");
    return agent;
  }

  private String call(Caller owner, String group, String caller) {
    Reply reply =
        api.send(
            owner,
            "POST",
            "api/v1/sim/calls",
            "{\"group\":\"" + group + "\",\"caller\":\"" + caller + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.object().getString("callId");
  }

  private Browser wallboardOf(String account, String login) {
    Browser browser = new Browser(baseUrl());
    browser.login(account, login, "password-of-" + login);
    // A supervisor lands on its banner, which connects it (unavailable) to the ACD.
    browser.awaitExactly(LIVE, By.id("availability"), "Indisponible");
    browser.open("supervisor/wallboard.xhtml");
    // Set once: still there at the end, the page was never reloaded.
    ((JavascriptExecutor) browser.driver()).executeScript("window.sameWallboard = true;");
    return browser;
  }

  /** Waits until the group's figure reads exactly this text, as pushed. */
  private static void awaitFigure(Browser browser, String group, String figure, String text) {
    By locator = By.cssSelector("[data-group='" + group + "'] [data-figure='" + figure + "']");
    browser.awaitExactly(LIVE, locator, text);
  }

  /** Waits until the agent's cell reads exactly this text, as pushed. */
  private static void awaitAgent(Browser browser, String login, String field, String text) {
    By locator = By.cssSelector("tr[data-agent='" + login + "'] [data-field='" + field + "']");
    browser.awaitExactly(LIVE, locator, text);
  }

  /** The figure of the Support group as the page shows it now. */
  private static String figure(Browser browser, String figure) {
    return text(browser, By.cssSelector("[data-group='Support'] [data-figure='" + figure + "']"));
  }

  private static String text(Browser browser, By locator) {
    return browser.visibleText(locator).trim();
  }

  @Test
  void theWallboardFollowsCallsAsTheyArriveAndEndAndAgreesWithTheCallsReport() {
    api = api();
    admin = api.newAccount();
    group(admin, "Support");
    Caller alice = connectedAgent(admin, "alice", "301", "Support");
    person(admin, "sam", "supervisor", "390", "Support");

    try (Browser browser = wallboardOf(admin.account(), "sam")) {
      // The supervisor's own banner connected it, unavailable: it counts among its group's agents.
      awaitAgent(browser, "sam", "state", "Indisponible");
      awaitFigure(browser, "Support", "available", "1");
      awaitFigure(browser, "Support", "connected", "2");
      awaitAgent(browser, "alice", "state", "Disponible");

      String answered = call(admin, "Support", "0600000001");
      awaitAgent(browser, "alice", "state", "Sonnerie");
      awaitFigure(browser, "Support", "offered", "1");
      ok(admin, "POST", "api/v1/sim/extensions/301/answer", null);
      awaitAgent(browser, "alice", "state", "En communication");
      awaitFigure(browser, "Support", "busy", "1");
      assertThat(text(browser, By.cssSelector("tr[data-agent='alice'] [data-field='call']")))
          .contains("600000001", "Support");

      // A supervisor cannot disconnect an agent during a call: the page says why.
      browser.click(By.cssSelector("tr[data-agent='alice'] button[data-action='disconnect']"));
      browser.waitForText("Impossible pendant un appel");

      ok(admin, "POST", "api/v1/sim/extensions/301/hangup", null);
      awaitFigure(browser, "Support", "answered", "1");
      awaitAgent(browser, "alice", "state", "Disponible");
      awaitAgent(browser, "alice", "answered", "1");

      browser.click(
          By.cssSelector("tr[data-agent='alice'] button[data-action='forceUnavailable']"));
      awaitAgent(browser, "alice", "state", "Indisponible");
      awaitFigure(browser, "Support", "unavailable", "2");
      assertThat(api.get(alice, "api/v1/me").object().getString("availability"))
          .isEqualTo("UNAVAILABLE");

      String abandoned = call(admin, "Support", "0600000002");
      awaitFigure(browser, "Support", "waiting", "1");
      ok(admin, "POST", "api/v1/sim/calls/" + abandoned + "/hangup", null);
      awaitFigure(browser, "Support", "waiting", "0");
      awaitFigure(browser, "Support", "abandoned", "1");
      awaitFigure(browser, "Support", "abandonRate", "50 %");
      awaitFigure(browser, "Support", "offered", "2");

      // The same figures, counted again from the calls report of today.
      List<JsonObject> calls =
          api.get(admin, "api/v1/reports/calls?period=today&group=Support&direction=INBOUND")
              .object()
              .getJsonArray("items")
              .getValuesAs(JsonObject.class);
      assertThat(calls).extracting(c -> c.getString("id")).contains(answered, abandoned);
      assertThat(figure(browser, "offered")).isEqualTo(Integer.toString(calls.size()));
      assertThat(figure(browser, "answered"))
          .isEqualTo(
              Long.toString(calls.stream().filter(c -> c.containsKey("answeredAt")).count()));
      assertThat(figure(browser, "abandoned"))
          .isEqualTo(
              Long.toString(
                  calls.stream()
                      .filter(c -> "ABANDONED".equals(c.getString("outcome", null)))
                      .count()));
      assertThat(
              ((JavascriptExecutor) browser.driver())
                  .executeScript("return window.sameWallboard === true;"))
          .isEqualTo(true);
    }
  }

  @Test
  void aSupervisorTakesAnAgentOffItsGroupsCallsAndPutsItBackFromTheBoard() {
    api = api();
    admin = api.newAccount();
    group(admin, "Support");
    Caller alice = connectedAgent(admin, "alice", "301", "Support");
    person(admin, "sam", "supervisor", "390", "Support");
    By toggle = By.cssSelector("tr[data-agent='alice'] button[data-toggle-group='Support']");

    try (Browser browser = wallboardOf(admin.account(), "sam")) {
      awaitAgent(browser, "alice", "state", "Disponible");
      browser.awaitAttribute(LIVE, toggle, "aria-pressed", "true");

      browser.click(toggle);
      browser.awaitAttribute(LIVE, toggle, "aria-pressed", "false");
      JsonObject support =
          api.get(alice, "api/v1/me").object().getJsonArray("groups").getJsonObject(0);
      assertThat(support.getBoolean("inbound")).isFalse();
      call(admin, "Support", "0600000001");
      awaitFigure(browser, "Support", "waiting", "1");
      awaitAgent(browser, "alice", "state", "Disponible");

      browser.click(toggle);
      awaitAgent(browser, "alice", "state", "Sonnerie");
      browser.awaitAttribute(LIVE, toggle, "aria-pressed", "true");
    }
  }

  @Test
  void aSupervisorSeesNeitherAnotherGroupsNorAnotherAccountsFigures() {
    api = api();
    admin = api.newAccount();
    group(admin, "Support");
    group(admin, "Ventes");
    connectedAgent(admin, "alice", "301", "Support");
    connectedAgent(admin, "victor", "302", "Ventes");
    person(admin, "sam", "supervisor", "390", "Support");
    Caller other = api.newAccount();
    group(other, "Support");
    connectedAgent(other, "olga", "301", "Support");

    try (Browser browser = wallboardOf(admin.account(), "sam")) {
      awaitFigure(browser, "Support", "available", "1");
      call(admin, "Ventes", "0600000003");
      call(other, "Support", "0600000004");
      String own = call(admin, "Support", "0600000005");
      awaitFigure(browser, "Support", "offered", "1");
      ok(admin, "POST", "api/v1/sim/calls/" + own + "/hangup", null);
      awaitFigure(browser, "Support", "abandoned", "1");

      assertThat(browser.driver().findElements(By.cssSelector("[data-group]")))
          .extracting(e -> e.getAttribute("data-group"))
          .containsExactly("Support");
      assertThat(browser.driver().findElements(By.cssSelector("tr[data-agent]")))
          .extracting(e -> e.getAttribute("data-agent"))
          .containsExactlyInAnyOrder("alice", "sam");
      assertThat(browser.pageText()).doesNotContain("Ventes", "victor", "olga", "0600000004");
      assertThat(figure(browser, "offered")).isEqualTo("1");
    }
  }
}
