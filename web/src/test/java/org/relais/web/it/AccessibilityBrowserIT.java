package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.relais.web.it.Api.Caller;

/**
 * Every page passes axe-core's WCAG 2 A and AA rules in headless Chromium: the login, the error
 * page, the banner with all its modules (idle, ringing, qualifying) and each page of the console.
 */
class AccessibilityBrowserIT extends RelaisDeployment {

  private static final List<String> CONSOLE =
      List.of(
          "admin/agents.xhtml",
          "admin/agent.xhtml",
          "admin/agent.xhtml?login=ada",
          "admin/groups.xhtml",
          "admin/group.xhtml",
          "admin/group.xhtml?name=Support",
          "admin/contacts.xhtml",
          "admin/campaigns.xhtml",
          "admin/campaign.xhtml?name=Relance",
          "admin/account.xhtml",
          "admin/calls.xhtml",
          "admin/states.xhtml");

  private final Axe axe = new Axe();

  @Test
  void loginAndErrorPagesBreakNoRule() {
    try (Browser browser = new Browser(baseUrl())) {
      browser.open("login.xhtml").waitForText("Mot de passe");
      assertThat(axe.violations(browser.driver())).as("login").isEmpty();

      browser.open("error.xhtml");
      assertThat(axe.violations(browser.driver())).as("error page").isEmpty();
    }
  }

  @Test
  void everyConsolePageBreaksNoRule() {
    Caller admin = agentInGroup();
    // Predictive and beyond the legal hours, so that its page shows every field and a warning.
    api()
        .send(
            admin,
            "POST",
            "api/v1/campaigns",
            "{\"name\":\"Relance\",\"group\":\"Support\",\"mode\":\"PREDICTIVE\","
                + "\"callingHours\":[{\"days\":\"SAT\",\"from\":\"09:00\",\"to\":\"12:00\"}]}");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin").waitForText("Agents");
      SoftAssertions softly = new SoftAssertions();
      for (String page : CONSOLE) {
        browser.open(page);
        softly.assertThat(axe.violations(browser.driver())).as(page).isEmpty();
      }
      softly.assertAll();
    }
  }

  @Test
  void bannerWithAllItsModulesBreaksNoRuleIdleRingingOrQualifying() {
    Caller admin = agentInGroup();
    try (Browser ada = new Browser(baseUrl())) {
      ada.login(admin.account(), "ada", "password-of-ada").waitForText("Indisponible");
      ada.click("desk:available");
      ada.await(Duration.ofSeconds(10), By.id("availability"), "Disponible");
      assertThat(axe.violations(ada.driver())).as("idle banner").isEmpty();

      ada.click("desk:settings");
      ada.visible(By.id("settingsForm:extension"));
      assertThat(axe.violations(ada.driver())).as("settings dialog").isEmpty();
      ada.driver().navigate().refresh();

      api()
          .send(
              admin,
              "POST",
              "api/v1/sim/calls",
              "{\"group\":\"Support\",\"caller\":\"0612345678\",\"ivrPath\":\"GDA\"}");
      ada.await(Duration.ofSeconds(10), By.id("ringing"), "0612345678");
      assertThat(axe.violations(ada.driver())).as("ringing banner").isEmpty();

      ada.click("desk:answer");
      ada.await(Duration.ofSeconds(10), By.id("activity"), "En communication");
      ada.click("desk:hangup");
      ada.visible(By.id("qualificationModal"));
      assertThat(axe.violations(ada.driver())).as("qualification pop-up").isEmpty();
    }
  }

  /** An account with a group "Support" and its agent "ada", whose banner shows every module. */
  private Caller agentInGroup() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(
        admin,
        "POST",
        "api/v1/groups",
        "{\"name\":\"Support\",\"ringTimeout\":30,\"wrapUp\":3,"
            + "\"qualificationRequired\":true,\"qualifications\":[\"Résolu\",\"Escaladé\"]}");
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"ada\",\"name\":\"Ada\",\"password\":\"password-of-ada\","
            + "\"extension\":\"301\",\"groups\":[{\"name\":\"Support\",\"outbound\":true}]}");
    return admin;
  }
}
