package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.relais.web.it.Api.Caller;

/**
 * The banner through a whole working day, in headless Chromium: full screen and in a narrow side
 * window beside the CRM, modules folded as the agent left them on any workstation, the keyboard's
 * shortcuts, a ring noticed with the tab in the background, and the lines in a window of their own.
 */
class BannerWorkdayBrowserIT extends RelaisDeployment {

  @Test
  void bannerFitsAFullScreenAndASideWindowWithNothingCutNorScrollingSideways() {
    Caller admin = agentInTwoGroups();
    try (Browser ada = new Browser(baseUrl())) {
      ada.login(admin.account(), "ada", "password-of-ada").waitForText("Indisponible");
      SoftAssertions softly = new SoftAssertions();
      for (int[] size : new int[][] {{1366, 768}, {1920, 1080}, {420, 900}}) {
        ada.resize(size[0], size[1]);
        softly.assertThat(Layout.problems(ada.driver())).as("banner at %d px", size[0]).isEmpty();
      }
      ada.resize(420, 900);
      ada.click("desk:available");
      ringAndAnswer(admin, ada);
      softly.assertThat(Layout.problems(ada.driver())).as("in a call at 420 px").isEmpty();
      // The state strip stays in view however far the agent scrolled.
      script(ada, "window.scrollTo(0, document.body.scrollHeight)");
      Number top =
          (Number)
              script(
                  ada,
                  "return document.getElementById('desk:statebar').getBoundingClientRect().top");
      softly.assertThat(top.doubleValue()).as("the state strip's top, scrolled down").isZero();
      ada.press(Keys.F4);
      ada.visible(By.id("qualificationModal"));
      softly
          .assertThat(Layout.problems(ada.driver()))
          .as("qualification pop-up at 420 px")
          .isEmpty();
      softly.assertAll();
    }
  }

  @Test
  void aFoldedModuleStaysFoldedOnTheAgentsNextBannerOnAnotherWorkstation() {
    Caller admin = agentInTwoGroups();
    try (Browser first = new Browser(baseUrl())) {
      first.login(admin.account(), "ada", "password-of-ada").waitForText("Indisponible");
      first.click("toggle-STATISTICS");
      assertThat(first.visible(By.id("toggle-STATISTICS")).getAttribute("aria-expanded"))
          .isEqualTo("false");
      // The choice reaches the server before this workstation's browser closes.
      new org.openqa.selenium.support.ui.WebDriverWait(first.driver(), Duration.ofSeconds(10))
          .until(d -> (Boolean) script(first, "return PrimeFaces.ajax.Queue.isEmpty()"));
      assertThat(first.driver().findElement(By.id("module-STATISTICS-body")).isDisplayed())
          .isFalse();
    }
    try (Browser second = new Browser(baseUrl())) {
      second.login(admin.account(), "ada", "password-of-ada").waitForText("Indisponible");
      awaitAttribute(second, "toggle-STATISTICS", "aria-expanded", "false");
      assertThat(second.driver().findElement(By.id("module-STATISTICS-body")).isDisplayed())
          .isFalse();
      assertThat(second.visible(By.id("module-TEAM-body")).isDisplayed()).isTrue();

      second.click("toggle-STATISTICS");
      second.visible(By.id("module-STATISTICS-body"));
      second.driver().navigate().refresh();
      awaitAttribute(second, "toggle-STATISTICS", "aria-expanded", "true");
    }
  }

  @Test
  void agentWorksACallWithTheKeyboardAloneAndEveryActionTakesTheFocus() {
    Caller admin = agentInTwoGroups();
    try (Browser ada = new Browser(baseUrl())) {
      ada.login(admin.account(), "ada", "password-of-ada").waitForText("Indisponible");
      assertThat(ada.text("shortcuts")).contains("F2", "F4", "F8");

      ada.press(Keys.F8);
      ada.await(Duration.ofSeconds(10), By.id("availability"), "Disponible");
      placeCall(admin);
      ada.await(Duration.ofSeconds(10), By.id("ringing"), "0612345678");
      assertThat(ada.visible(By.id("desk:answer")).getAttribute("aria-keyshortcuts"))
          .isEqualTo("F2");
      ada.press(Keys.F2);
      ada.await(Duration.ofSeconds(10), By.id("activity"), "En communication");
      assertThat(unreachableActions(ada)).as("actions the keyboard cannot reach").isEmpty();

      ada.press(Keys.F4);
      ada.visible(By.id("qualificationModal"));
      awaitFocusIn(ada, "qualificationModal");
      ada.press(Keys.ENTER);
      ada.await(Duration.ofSeconds(10), By.id("activity"), "Pause inter-appel");

      ada.press(Keys.F8);
      ada.await(Duration.ofSeconds(10), By.id("availability"), "Indisponible");
    }
  }

  @Test
  void aRingWithTheTabInTheBackgroundShowsADesktopNotificationOnceTheAgentAllowedIt() {
    Caller admin = agentInTwoGroups();
    try (Browser ada = new Browser(baseUrl())) {
      ((ChromeDriver) ada.driver())
          .executeCdpCommand(
              "Browser.grantPermissions", Map.of("permissions", List.of("notifications")));
      ada.login(admin.account(), "ada", "password-of-ada").waitForText("Indisponible");
      ada.click("ringingAlerts");
      assertThat(ada.visible(By.id("ringingAlerts")).getAttribute("aria-pressed"))
          .isEqualTo("true");
      ada.click("desk:available");
      ada.await(Duration.ofSeconds(10), By.id("availability"), "Disponible");
      // The tab goes to the background; the notifications it shows are counted as they are made.
      script(
          ada,
          "Object.defineProperty(document, 'visibilityState', {get: () => 'hidden'});"
              + "window.shown = [];"
              + "window.Notification = class extends Notification {"
              + "  constructor(title, options) { super(title, options);"
              + "    window.shown.push(title + ' ' + options.body); } };");

      placeCall(admin);

      ada.await(Duration.ofSeconds(10), By.id("ringing"), "0612345678");
      assertThat(script(ada, "return window.shown.join('|')").toString())
          .contains("Appel entrant", "0612345678");
    }
  }

  @Test
  void theLinesModuleDetachedIntoAWindowOfItsOwnFollowsTheCallLive() {
    Caller admin = agentInTwoGroups();
    try (Browser ada = new Browser(baseUrl())) {
      ada.login(admin.account(), "ada", "password-of-ada").waitForText("Indisponible");
      String banner = ada.driver().getWindowHandle();
      ada.click("detach-LINES");
      ada.driver().switchTo().window(otherWindow(ada, banner));
      ada.visible(By.id("module-LINES"));
      assertThat(ada.driver().findElements(By.id("module-SESSION"))).isEmpty();
      assertThat(ada.driver().findElements(By.id("detach-LINES"))).isEmpty();
      String lines = ada.driver().getWindowHandle();

      ada.driver().switchTo().window(banner);
      ada.click("desk:available");
      ringAndAnswer(admin, ada);

      ada.driver().switchTo().window(lines);
      ada.await(Duration.ofSeconds(10), By.cssSelector(".relais-line"), "0612345678");
      ada.click(By.cssSelector(".relais-line-hold"));
      ada.await(Duration.ofSeconds(10), By.cssSelector(".relais-line"), "En attente");
    }
  }

  /** An account with groups of long names and their agent "ada", who has every module. */
  private Caller agentInTwoGroups() {
    Api api = api();
    Caller admin = api.newAccount();
    for (String group : new String[] {"Administration", "Grands-comptes"}) {
      api.send(
          admin,
          "POST",
          "api/v1/groups",
          "{\"name\":\""
              + group
              + "\",\"ringTimeout\":30,\"wrapUp\":5,"
              + "\"qualificationRequired\":true,\"qualifications\":[\"Résolu\",\"Escaladé\"]}");
    }
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"ada\",\"name\":\"Ada Lovelace\",\"password\":\"password-of-ada\","
            + "\"extension\":\"301\",\"groups\":[{\"name\":\"Administration\",\"outbound\":true},"
            + "{\"name\":\"Grands-comptes\"}]}");
    return admin;
  }

  private void placeCall(Caller admin) {
    api()
        .send(
            admin,
            "POST",
            "api/v1/sim/calls",
            "{\"group\":\"Administration\",\"caller\":\"0612345678\",\"ivrPath\":\"GDA\"}");
  }

  private void ringAndAnswer(Caller admin, Browser ada) {
    ada.await(Duration.ofSeconds(10), By.id("availability"), "Disponible");
    placeCall(admin);
    ada.await(Duration.ofSeconds(10), By.id("ringing"), "0612345678");
    ada.click("desk:answer");
    ada.await(Duration.ofSeconds(10), By.id("activity"), "En communication");
  }

  /** Buttons and links of the banner that Tab never reaches. */
  @SuppressWarnings("unchecked")
  private static List<String> unreachableActions(Browser browser) {
    return (List<String>)
        script(
            browser,
            "return Array.from(document.querySelectorAll('main button, main a, main [onclick]'))"
                + ".filter(e => e.getClientRects().length > 0 && !e.disabled)"
                + ".filter(e => e.tabIndex < 0 || (e.tagName === 'A' && !e.hasAttribute('href')))"
                + ".map(e => e.outerHTML.substring(0, 120));");
  }

  private static void awaitFocusIn(Browser browser, String id) {
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(
            d ->
                (Boolean)
                    script(
                        browser,
                        "return document.getElementById('"
                            + id
                            + "').contains(document.activeElement)"));
  }

  private static void awaitAttribute(Browser browser, String id, String name, String value) {
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> value.equals(d.findElement(By.id(id)).getAttribute(name)));
  }

  private static String otherWindow(Browser browser, String known) {
    return new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver(), Duration.ofSeconds(10))
        .until(
            d ->
                d.getWindowHandles().stream()
                    .filter(h -> !h.equals(known))
                    .findFirst()
                    .orElse(null));
  }

  private static Object script(Browser browser, String script) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script);
  }
}
