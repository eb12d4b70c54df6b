package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.relais.web.it.Api.Caller;

/**
 * The manual's call flow on the banner, in headless Chromium, with the simulated switch: ring,
 * answer on the softphone, hang up, qualify in the pop-up, wrap-up countdown, idle again; and a
 * teammate's banner following every state live, without reload.
 */
class BannerBrowserIT extends RelaisDeployment {

  @Test
  void agentTakesACallFromRingToIdleWhileATeammateWatchesLive() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();
    api.send(
        admin,
        "POST",
        "api/v1/groups",
        "{\"name\":\"Support\",\"ringTimeout\":30,\"penalty\":5,\"wrapUp\":3,"
            + "\"qualificationRequired\":true,\"qualifications\":[\"Résolu\",\"Escaladé\"]}");
    for (String[] agent : new String[][] {{"alice", "301"}, {"bob", "302"}}) {
      api.send(
          admin,
          "POST",
          "api/v1/agents",
          "{\"login\":\""
              + agent[0]
              + "\",\"name\":\""
              + agent[0]
              + "\",\"password\":\"password-of-"
              + agent[0]
              + "\",\"extension\":\""
              + agent[1]
              + "\",\"groups\":[{\"name\":\"Support\"}]}");
    }

    try (Browser alice = new Browser(baseUrl());
        Browser bob = new Browser(baseUrl())) {
      alice.login(account, "alice", "password-of-alice").waitForText("Indisponible");
      alice.click("desk:available");
      awaitText(alice, By.id("availability"), "Disponible");

      bob.login(account, "bob", "password-of-bob");
      By aliceInTeam = By.cssSelector("li.relais-member[data-login='alice']");
      awaitText(bob, aliceInTeam, "Repos");

      api.send(
          admin,
          "POST",
          "api/v1/sim/calls",
          "{\"group\":\"Support\",\"caller\":\"0612345678\",\"ivrPath\":\"GDA\"}");

      awaitText(alice, By.id("ringing"), "0612345678");
      awaitText(alice, By.id("activity"), "Sonnerie");
      awaitText(bob, aliceInTeam, "Sonnerie");

      alice.click("desk:answer");
      awaitText(alice, By.id("activity"), "En communication");
      awaitText(bob, aliceInTeam, "En communication");

      alice.click("desk:hangup");
      alice.visible(By.id("qualificationModal"));
      alice.click(By.cssSelector("#qualificationModal button[data-code='Résolu']"));

      awaitText(alice, By.id("activity"), "Pause inter-appel");
      assertThat(alice.visibleText(By.id("countdown"))).matches("[1-3]");
      awaitText(bob, aliceInTeam, "Pause inter-appel");
      awaitText(alice, By.id("activity"), "Repos");
      awaitText(bob, aliceInTeam, "Repos");
      assertThat(alice.driver().findElements(By.id("qualificationModal"))).isEmpty();
      assertThat(
              alice.visibleText(By.cssSelector("[data-period='session'][data-figure='answered']")))
          .isEqualTo("1");
    }
  }

  @Test
  void agentDialsANumberWithTheGroupsCrmCardAnswersOnTheSoftphoneThenSeesBusyNumbersReported() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();
    api.send(
        admin,
        "POST",
        "api/v1/groups",
        "{\"name\":\"Ventes\",\"wrapUp\":0,"
            + "\"cardUrl\":\"https://crm.example.com/fiche?tel={caller}&agent={agent}\"}");
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"carol\",\"name\":\"Carol\",\"password\":\"password-of-carol\","
            + "\"extension\":\"303\",\"groups\":[{\"name\":\"Ventes\",\"outbound\":true}]}");
    api.send(
        admin, "PUT", "api/v1/sim/numbers/0677777777", "{\"answer\":\"ANSWER\",\"afterMs\":0}");
    api.send(admin, "PUT", "api/v1/sim/numbers/0688888888", "{\"answer\":\"BUSY\",\"afterMs\":0}");

    try (Browser carol = new Browser(baseUrl())) {
      carol.login(account, "carol", "password-of-carol").waitForText("Indisponible");
      carol.type("desk:dialNumber", "0677777777").click("desk:dialCall");

      awaitText(carol, By.id("activity"), "Numérotation");
      awaitText(carol, By.id("ringing"), "+33677777777");
      // The group's CRM opens as the card, with the call's values URL-encoded.
      assertThat(carol.visible(By.id("cardCrmLink")).getAttribute("href"))
          .isEqualTo("https://crm.example.com/fiche?tel=%2B33677777777&agent=carol");
      carol.click("desk:answer");
      awaitText(carol, By.id("activity"), "En communication");
      awaitText(carol, By.id("callerNumber"), "+33677777777");
      carol.click("desk:hangup");
      awaitText(carol, By.id("activity"), "Repos");
      awaitText(carol, By.id("dialOutcome"), "Abouti");

      carol.type("desk:dialNumber", "0688888888").click("desk:dialCall");
      awaitText(carol, By.id("ringing"), "+33688888888");
      carol.click("desk:answer");
      awaitText(carol, By.id("dialOutcome"), "Occupé");
      assertThat(carol.text("dialLastNumber")).isEqualTo("+33688888888");
      awaitText(carol, By.id("activity"), "Repos");
    }
  }

  @Test
  void ringingCallsPopTheirCardsAnUnknownCallerBecomesAContactAndADirectoryNumberDials() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();
    api.send(admin, "POST", "api/v1/groups", "{\"name\":\"Support\",\"wrapUp\":0}");
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"dave\",\"name\":\"Dave\",\"password\":\"password-of-dave\","
            + "\"extension\":\"304\",\"groups\":[{\"name\":\"Support\"}]}");
    api.send(
        admin,
        "POST",
        "api/v1/contacts",
        "{\"lastName\":\"Martin\",\"firstName\":\"Élodie\",\"company\":\"ACME\","
            + "\"mobile\":\"06 12 34 56 78\",\"visibility\":\"PUBLIC\"}");
    api.send(admin, "PUT", "api/v1/sim/numbers/0612345678", "{\"answer\":\"MANUAL\"}");

    try (Browser dave = new Browser(baseUrl())) {
      dave.login(account, "dave", "password-of-dave").waitForText("Indisponible");
      dave.click("desk:available");
      awaitText(dave, By.id("availability"), "Disponible");

      // A known caller, in another format of the contact's number.
      api.send(
          admin,
          "POST",
          "api/v1/sim/calls",
          "{\"group\":\"Support\",\"caller\":\"+33612345678\",\"ivrPath\":\"GDA\"}");
      awaitText(dave, By.id("cardContactName"), "Élodie Martin");
      awaitText(dave, By.id("cardJourney"), "GDA");
      assertThat(dave.text("cardGroup")).isEqualTo("Support");
      dave.click("desk:answer");
      awaitText(dave, By.id("activity"), "En communication");
      dave.click("desk:hangup");
      awaitText(dave, By.id("activity"), "Repos");

      // An unknown caller: one click opens the contact form with the number.
      api.send(
          admin, "POST", "api/v1/sim/calls", "{\"group\":\"Support\",\"caller\":\"0298765432\"}");
      awaitText(dave, By.id("cardUnknown"), "Appelant inconnu");
      dave.click("desk:cardCreateContact");
      By lastName = By.cssSelector("#contactForm input[data-field='lastName']");
      dave.visible(lastName).sendKeys("Durand");
      assertThat(
              dave.visible(By.cssSelector("#contactForm input[data-field='office']"))
                  .getAttribute("value"))
          .isEqualTo("0298765432");
      dave.click("contactForm:saveContact");
      awaitText(dave, By.id("cardContactName"), "Durand");
      dave.click("desk:answer");
      dave.click("desk:hangup");
      awaitText(dave, By.id("activity"), "Repos");

      // The directory finds the contact whatever the accents, and its number dials.
      dave.click("desk:unavailable");
      awaitText(dave, By.id("availability"), "Indisponible");
      dave.type("desk:directoryQuery", "elodie").click("desk:directorySearch");
      dave.awaitCount(By.cssSelector("li.relais-contact"), 1);
      dave.click(By.cssSelector("a.relais-dial-number[data-number='06 12 34 56 78']"));
      awaitText(dave, By.id("activity"), "Numérotation");
      awaitText(dave, By.id("ringing"), "+33612345678");
      awaitText(dave, By.id("cardContactName"), "Élodie Martin");
    }
  }

  @Test
  void historyModuleShowsTheCallsOfTheDayWithTheirNumbersAsTheyEnd() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();
    api.send(
        admin,
        "POST",
        "api/v1/groups",
        "{\"name\":\"Support\",\"ringTimeout\":30,\"wrapUp\":0,\"qualificationRequired\":false}");
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"carol\",\"name\":\"carol\",\"password\":\"password-of-carol\","
            + "\"extension\":\"311\",\"groups\":[{\"name\":\"Support\"}]}");

    try (Browser carol = new Browser(baseUrl())) {
      carol.login(account, "carol", "password-of-carol").waitForText("Indisponible");
      By history = By.cssSelector("#module-HISTORY .relais-history");
      awaitText(carol, history, "Aucun appel sur cette période.");
      carol.click("desk:available");
      awaitText(carol, By.id("availability"), "Disponible");

      for (String number : new String[] {"0698765432", "0687654321"}) {
        api.send(
            admin,
            "POST",
            "api/v1/sim/calls",
            "{\"group\":\"Support\",\"caller\":\"" + number + "\"}");
        awaitText(carol, By.id("ringing"), number);
        api.send(admin, "POST", "api/v1/sim/extensions/311/answer", null);
        awaitText(carol, By.id("activity"), "En communication");
        api.send(admin, "POST", "api/v1/sim/extensions/311/hangup", null);
        awaitText(carol, By.id("activity"), "Repos");
      }

      for (String number : new String[] {"0698765432", "0687654321"}) {
        awaitText(
            carol, By.cssSelector("a.relais-dial-number[data-number='" + number + "']"), number);
      }
      assertThat(carol.text("desk:history")).contains("Support", "Répondu");

      carol.choose("desk:historyPeriodChoice", "Hier");
      awaitText(carol, history, "Aucun appel sur cette période.");
    }
  }

  @Test
  void anotherAgentsChangeAndAQueueCountArriveAsDataWithoutAnyRequestOfTheBanner() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();
    api.send(admin, "POST", "api/v1/groups", "{\"name\":\"Support\",\"wrapUp\":0}");
    for (String[] agent : new String[][] {{"gina", "307"}, {"hugo", "308"}}) {
      api.send(
          admin,
          "POST",
          "api/v1/agents",
          "{\"login\":\""
              + agent[0]
              + "\",\"name\":\""
              + agent[0]
              + "\",\"password\":\"password-of-"
              + agent[0]
              + "\",\"extension\":\""
              + agent[1]
              + "\",\"groups\":[{\"name\":\"Support\"}]}");
    }
    Caller gina = new Caller("gina@" + account, "password-of-gina");
    api.send(gina, "POST", "api/v1/me/session", null);

    try (Browser hugo = new Browser(baseUrl())) {
      hugo.login(account, "hugo", "password-of-hugo").waitForText("Indisponible");
      By waiting = By.cssSelector(".relais-waiting[data-group='Support']");
      awaitText(hugo, waiting, "0");
      JavascriptExecutor page = (JavascriptExecutor) hugo.driver();
      // Connecting is the page's own request, and so is reading its desk once connected: let them
      // end.
      hugo.settle();
      // Every request the page makes from now on is counted: a postback would be one.
      page.executeScript(
          "window.requestsMade = 0; var send = XMLHttpRequest.prototype.send;"
              + " XMLHttpRequest.prototype.send = function () {"
              + " window.requestsMade++; return send.apply(this, arguments); };"
              + " var fetched = window.fetch; window.fetch = function () {"
              + " window.requestsMade++; return fetched.apply(this, arguments); };");

      api.send(
          admin, "POST", "api/v1/sim/calls", "{\"group\":\"Support\",\"caller\":\"0611111111\"}");
      awaitText(hugo, waiting, "1");

      api.send(gina, "PUT", "api/v1/me/availability", "{\"available\":true}");
      By ginaInTeam = By.cssSelector("li.relais-member[data-login='gina']");
      awaitText(hugo, ginaInTeam, "Sonnerie");
      awaitText(hugo, waiting, "0");

      assertThat(page.executeScript("return window.requestsMade"))
          .as("the banner made no request to show another agent's change and a queue count")
          .isEqualTo(0L);
    }
  }

  @Test
  void aBannerWithoutQueuesOrTeamFollowsItsOwnAgent() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"erin\",\"name\":\"erin\",\"password\":\"password-of-erin\","
            + "\"extension\":\"305\",\"modules\":[\"SESSION\"]}");
    Caller erin = new Caller("erin@" + account, "password-of-erin");

    try (Browser browser = new Browser(baseUrl())) {
      browser.login(account, "erin", "password-of-erin").waitForText("Indisponible");

      api.send(erin, "PUT", "api/v1/me/availability", "{\"available\":true}");
      awaitText(browser, By.id("availability"), "Disponible");
    }
  }

  @Test
  void theOutboundModuleProposesTheNextContactCallsItAndShowsItRecycled() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();
    // Belgium: no French public holiday stops the calls, whatever day the test runs.
    api.send(admin, "PUT", "api/v1/account", "{\"country\":\"BE\"}");
    api.send(admin, "POST", "api/v1/groups", "{\"name\":\"Ventes\",\"wrapUp\":0}");
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"dora\",\"name\":\"Dora\",\"password\":\"password-of-dora\","
            + "\"extension\":\"306\",\"groups\":[{\"name\":\"Ventes\",\"inbound\":false,"
            + "\"outbound\":true}]}");
    api.send(
        admin,
        "POST",
        "api/v1/campaigns",
        "{\"name\":\"Hiver\",\"group\":\"Ventes\",\"mode\":\"PREVIEW\","
            + "\"callingHours\":[{\"days\":\"MON-SUN\",\"from\":\"00:00\",\"to\":\"23:59\"}]}");
    api.send(admin, "POST", "api/v1/campaigns/Hiver/contacts", "[{\"number\":\"+33611111111\"}]");
    api.send(
        admin, "PUT", "api/v1/sim/numbers/%2B33611111111", "{\"answer\":\"BUSY\",\"afterMs\":0}");

    try (Browser dora = new Browser(baseUrl())) {
      dora.login(account, "dora", "password-of-dora").waitForText("Indisponible");
      awaitText(dora, By.id("dialerMode"), "Prévisualisation");
      awaitText(dora, By.id("desk:dialerContacts"), "+33611111111");

      dora.click("desk:dialerNext");
      awaitText(dora, By.id("dialerCurrent"), "+33611111111");
      dora.click("desk:dialerCall");
      awaitText(dora, By.id("activity"), "Numérotation");
      dora.click("desk:answer");

      awaitText(dora, By.id("activity"), "Repos");
      awaitText(dora, By.id("desk:dialerContacts"), "À rappeler");
    }
  }

  @Test
  void linesModuleHoldsConsultsAndTransfersWhileTheCallIsRecordedOnDemand() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(
        admin,
        "POST",
        "api/v1/groups",
        "{\"name\":\"Support\",\"wrapUp\":0,\"recording\":\"ON_DEMAND\"}");
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"dave\",\"name\":\"Dave\",\"password\":\"password-of-dave\","
            + "\"extension\":\"304\",\"groups\":[{\"name\":\"Support\"}]}");
    api.send(
        admin, "PUT", "api/v1/sim/numbers/0981000000", "{\"answer\":\"ANSWER\",\"afterMs\":500}");
    By talking = By.cssSelector(".relais-line[data-state='TALKING']");
    By held = By.cssSelector(".relais-line[data-state='HELD']");

    try (Browser dave = new Browser(baseUrl())) {
      dave.login(admin.account(), "dave", "password-of-dave").waitForText("Indisponible");
      dave.click("desk:available");
      awaitText(dave, By.id("availability"), "Disponible");
      String callId =
          api.send(
                  admin,
                  "POST",
                  "api/v1/sim/calls",
                  "{\"group\":\"Support\",\"caller\":\"0612340000\"}")
              .object()
              .getString("callId");
      awaitText(dave, By.id("ringing"), "0612340000");
      dave.click("desk:answer");
      awaitText(dave, talking, "0612340000");
      assertThat(dave.text("recordingState")).isEqualTo("Pas d'enregistrement");
      dave.click("desk:recordStart");
      awaitText(dave, By.id("recordingState"), "Enregistrement en cours");

      dave.click(By.cssSelector(".relais-line-hold"));
      awaitText(dave, held, "En attente");
      dave.click(By.cssSelector(".relais-line-resume"));
      awaitText(dave, talking, "En communication");
      dave.type("desk:lineTarget", "0981000000").click("desk:lineConsult");
      awaitText(dave, talking, "+33981000000");
      awaitText(dave, held, "0612340000");
      assertThat(dave.visibleText(By.cssSelector(".relais-line-timer"))).matches("\\d\\d:\\d\\d");

      dave.click("desk:lineTransfer");
      awaitText(dave, By.id("activity"), "Repos");
      awaitText(dave, By.id("desk:lines"), "Aucune ligne en cours.");
      assertThat(api.get(admin, "api/v1/calls/" + callId).object().getString("outcome"))
          .isEqualTo("TRANSFERRED");
      assertThat(api.get(admin, "api/v1/calls/" + callId).object().getJsonArray("recordings"))
          .hasSize(1);
    }
  }

  /** Waits for pushed changes: the page is never reloaded by the test. */
  private static void awaitText(Browser browser, By locator, String text) {
    browser.await(Duration.ofSeconds(15), locator, text);
  }
}
