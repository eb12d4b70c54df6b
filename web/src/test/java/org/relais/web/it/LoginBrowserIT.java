package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.relais.web.it.Api.Caller;

/** The login page (SPEC A1, A2) and landing on the banner, in headless Chromium. */
class LoginBrowserIT extends RelaisDeployment {

  @Test
  void loginPageIsInFrenchByDefaultAndSwitchesToEnglishAndSpanish() {
    try (Browser browser = new Browser(baseUrl())) {
      browser.open("login.xhtml");
      assertThat(browser.pageText()).contains("Compte", "Identifiant", "Mot de passe");

      browser.visible(org.openqa.selenium.By.cssSelector("a[data-lang='en']")).click();
      browser.waitForText("Account");
      assertThat(browser.pageText()).contains("Login", "Password", "Remember me");

      browser.open("login.xhtml");
      assertThat(browser.pageText()).as("the choice is remembered").contains("Account");

      browser.visible(org.openqa.selenium.By.cssSelector("a[data-lang='es']")).click();
      browser.waitForText("Cuenta");
    }
  }

  @Test
  void wrongPasswordShowsOneGenericMessage() {
    Caller admin = api().newAccount();
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "not-the-password");
      browser.waitForText("Identifiants incorrects.");

      browser.login(admin.account(), "nobody", "secret-admin");
      browser.waitForText("Identifiants incorrects.");
      assertThat(browser.url()).contains("login.xhtml");
    }
  }

  @Test
  void agentLandsOnTheBannerWithItsEnabledModulesAndLogsOut() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"marie\",\"name\":\"Marie Curie\",\"password\":\"marie-password\","
            + "\"extension\":\"201\",\"modules\":[\"SESSION\",\"TEAM\"]}");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "marie", "marie-password");

      browser.waitForText("Marie Curie");
      assertThat(browser.url()).contains("agent/banner.xhtml");
      // The page connects the agent itself, by a POST once loaded.
      browser.await(Duration.ofSeconds(10), By.id("availability"), "Indisponible");
      assertThat(browser.text("availability"))
          .as("connected, not yet available")
          .isEqualTo("Indisponible");
      assertThat(browser.pageText()).contains("Session", "Agents").doesNotContain("Annuaire");

      browser.click("desk:logout");
      browser.driver().switchTo().alert().accept();
      browser.waitForText("Mot de passe");
      browser.open("agent/banner.xhtml");
      assertThat(browser.url()).as("the banner needs a login again").contains("login.xhtml");
    }
  }

  @Test
  void rememberMeFillsInAccountAndLoginButNeverThePassword() {
    Caller admin = api().newAccount();
    try (Browser browser = new Browser(baseUrl())) {
      browser.open("login.xhtml");
      browser
          .type("login:account", admin.account())
          .type("login:username", "admin")
          .type("login:password", "secret-admin");
      browser
          .visible(org.openqa.selenium.By.cssSelector("#login\\:remember .ui-chkbox-box"))
          .click();
      browser.click("login:submit");
      browser.waitForText("admin");

      browser.driver().manage().deleteCookieNamed("JSESSIONID");
      browser.open("login.xhtml");

      assertThat(browser.visible(org.openqa.selenium.By.id("login:account")).getAttribute("value"))
          .isEqualTo(admin.account());
      assertThat(browser.visible(org.openqa.selenium.By.id("login:username")).getAttribute("value"))
          .isEqualTo("admin");
      assertThat(browser.visible(org.openqa.selenium.By.id("login:password")).getAttribute("value"))
          .isEmpty();
    }
  }
}
