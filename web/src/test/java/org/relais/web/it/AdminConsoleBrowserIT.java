package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relais.web.it.Api.Caller;

/** The admin console (SPEC E1, E2, E3, E6) in headless Chromium, as an admin clicks through it. */
class AdminConsoleBrowserIT extends RelaisDeployment {

  @Test
  void adminCreatesACampaignWithTheLegalDefaultsAndPausesIt() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/groups", "{\"name\":\"Ventes\"}");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.waitForText("Agents");
      browser.click("navCampaigns");
      browser.waitForText("règles légales françaises");

      browser.type("list:name", "Hiver").choose("list:mode", "Automatique").click("list:create");
      browser.await(Duration.ofSeconds(15), By.id("list:campaigns"), "Hiver");
      assertThat(browser.text("list:campaigns")).contains("Ventes", "Automatique", "0 / 0");
      browser.click("list:campaigns:0:toggle");
      browser.await(Duration.ofSeconds(15), By.id("list:campaigns"), "Démarrer");
    }
    assertThat(api.get(admin, "api/v1/campaigns/Hiver").object().getBoolean("active")).isFalse();
  }

  @Test
  void adminSetsAPredictiveCampaignBeyondTheLegalHoursIsWarnedAndTheSettingsAreKept() {
    Api api = api();
    Caller admin = salesCampaign(api, "Printemps");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.waitForText("Agents");
      browser.click("navCampaigns");
      browser.clickLink("Printemps");
      browser.waitForText("Campagne Printemps");

      browser.type("form:callerId", "0140000000");
      browser.type("form:recycling:0:afterMinutes_input", "30");
      browser.type("form:recycling:0:maxAttempts_input", "2");
      browser.click("form:addWindow");
      browser.type("form:callingHours:2:days", "SAT");
      browser.type("form:callingHours:2:from", "09:00").type("form:callingHours:2:to", "12:00");
      browser.visible(By.xpath("//label[text()='Pas intéressé']")).click();
      browser.type("form:dialLevel_input", "2,5");
      browser.click("form:save");

      browser.waitForText("Enregistré.");
      assertThat(browser.text("form:warnings")).contains("sortent des heures légales françaises");
      assertThat(browser.visible(By.id("form:callerId")).getAttribute("value"))
          .isEqualTo("0140000000");
      assertThat(browser.visible(By.id("form:callingHours:2:days")).getAttribute("value"))
          .isEqualTo("SAT");
    }
    JsonObject campaign = api.get(admin, "api/v1/campaigns/Printemps").object();
    assertThat(campaign.getString("callerId")).isEqualTo("0140000000");
    assertThat(campaign.getJsonObject("recycling").getJsonObject("BUSY").toString())
        .isEqualTo("{\"afterMinutes\":30,\"maxAttempts\":2}");
    assertThat(campaign.getJsonArray("callingHours").getJsonObject(2).toString())
        .isEqualTo("{\"days\":\"SAT\",\"from\":\"09:00\",\"to\":\"12:00\"}");
    assertThat(campaign.getJsonArray("refusals").getString(0)).isEqualTo("Pas intéressé");
    assertThat(campaign.getJsonNumber("dialLevel").doubleValue()).isEqualTo(2.5);
  }

  @Test
  void campaignFormNamesTheWrongFieldInTheUsersLanguageAndKeepsWhatWasTyped() {
    Api api = api();
    Caller admin = salesCampaign(api, "Automne");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.visible(By.cssSelector("a[data-lang='en']")).click();
      browser.waitForText("New agent");
      browser.open("admin/campaign.xhtml?name=Automne");

      browser.type("form:callerId", "0140000000");
      browser.type("form:callingHours:0:from", "13:00").type("form:callingHours:0:to", "10:00");
      browser.click("form:save");
      browser.waitForText("Calling hours: 1 to 20 windows");
      assertThat(browser.visible(By.id("form:callerId")).getAttribute("value"))
          .isEqualTo("0140000000");
      assertThat(browser.visible(By.id("form:callingHours:0:from")).getAttribute("value"))
          .isEqualTo("13:00");

      browser.type("form:callingHours:0:from", "10:00").type("form:callingHours:0:to", "13:00");
      browser.type("form:dialLevel_input", "5");
      browser.click("form:save");
      browser.waitForText("Dial level: between 1 and 4 calls per free agent.");
      assertThat(browser.visible(By.id("form:callerId")).getAttribute("value"))
          .isEqualTo("0140000000");
    }
    JsonObject campaign = api.get(admin, "api/v1/campaigns/Automne").object();
    assertThat(campaign.getString("callerId", null)).isNull();
    assertThat(campaign.getJsonNumber("dialLevel").doubleValue()).isEqualTo(1.0);
  }

  @Test
  void adminStopsACampaignThenDeletesItOnceConfirmed() {
    Api api = api();
    Caller admin = salesCampaign(api, "Hiver");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.waitForText("Agents");
      browser.open("admin/campaign.xhtml?name=Hiver");
      assertThat(browser.text("form:state")).isEqualTo("En cours");

      browser.click("form:toggle");
      browser.waitForText("Campagne arrêtée.");
      assertThat(browser.text("form:state")).isEqualTo("En pause");
      assertThat(api.get(admin, "api/v1/campaigns/Hiver").object().getBoolean("active")).isFalse();

      browser.click("form:delete");
      browser.driver().switchTo().alert().accept();
      browser.waitForText("Supprimé.");
      assertThat(browser.url()).contains("admin/campaigns.xhtml");
    }
    assertThat(api.get(admin, "api/v1/campaigns/Hiver").status()).isEqualTo(404);
  }

  /** A new account with a group "Ventes" and its predictive campaign, running. */
  private static Caller salesCampaign(Api api, String name) {
    Caller admin = api.newAccount();
    api.send(
        admin,
        "POST",
        "api/v1/groups",
        "{\"name\":\"Ventes\",\"qualifications\":[\"Vente\",\"Pas intéressé\"]}");
    api.send(
        admin,
        "POST",
        "api/v1/campaigns",
        "{\"name\":\"" + name + "\",\"group\":\"Ventes\",\"mode\":\"PREDICTIVE\"}");
    return admin;
  }

  @Test
  void adminCreatesAnAgentWhoThenLogsInAndSeesTheBanner() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();
    api.send(admin, "POST", "api/v1/groups", "{\"name\":\"Technique\"}");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(account, "admin", "secret-admin");
      browser.waitForText("Agents");
      assertThat(browser.url()).contains("admin/agents.xhtml");

      browser.click("list:newAgent");
      browser.type("form:login", "zoe").type("form:name", "Zoé Martin");
      browser.type("form:password", "zoe-secret-pass").type("form:extension", "12a");
      browser.click("form:save");
      browser.waitForText("Numéro du poste : des chiffres uniquement.");

      browser.type("form:extension", "0291").type("form:password", "zoe-secret-pass");
      browser.visible(By.cssSelector("[data-group='Technique'] .ui-chkbox-box")).click();
      browser.click("form:save");
      browser.waitForText("Enregistré.");
      assertThat(browser.text("list:agents")).contains("zoe", "Zoé Martin", "0291", "Technique");

      browser.click("adminUser:logout");
      browser.login(account, "zoe", "zoe-secret-pass");
      browser.waitForText("Zoé Martin");
      assertThat(browser.url()).contains("agent/banner.xhtml");
      assertThat(browser.text("extension")).isEqualTo("0291");
    }
    assertThat(
            api.get(admin, "api/v1/agents/zoe")
                .object()
                .getJsonArray("groups")
                .getJsonObject(0)
                .getString("name"))
        .isEqualTo("Technique");
  }

  @Test
  void agentFormRefusesAShortPasswordAndAnExtensionAlreadyTaken() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"marc\",\"name\":\"Marc\",\"password\":\"marc-password\","
            + "\"extension\":\"0291\"}");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.waitForText("Agents");
      browser.click("list:newAgent");
      browser.type("form:login", "zoe").type("form:name", "Zoé Martin");
      browser.type("form:password", "zoe-secret").type("form:extension", "0291");
      browser.click("form:save");
      browser.waitForText("Mot de passe : 12 caractères au moins (128 au plus).");

      browser.type("form:password", "zoe-secret-pass").type("form:extension", "0291");
      browser.click("form:save");
      browser.waitForText("Ce numéro de poste est déjà celui d'un autre agent.");
    }
    assertThat(api.get(admin, "api/v1/agents/zoe").status()).isEqualTo(404);
  }

  @Test
  void groupFormNamesTheFieldThatIsWrongInTheUsersLanguage() {
    Caller admin = api().newAccount();
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.visible(By.cssSelector("a[data-lang='en']")).click();
      browser.waitForText("New agent");
      browser.open("admin/group.xhtml");
      browser.type("form:name", "Ventes").type("form:ringTimeout_input", "0");
      browser.click("form:save");
      browser.waitForText("Ring timeout: between 1 and 3600 seconds.");

      browser.type("form:ringTimeout_input", "25").type("form:qualifications", "Vente\nDevis");
      browser.click("form:save");
      browser.waitForText("Saved.");
      assertThat(browser.text("list:groups")).contains("Ventes", "25");
    }
  }

  @Test
  void adminMovesTheAccountToAnotherTimeZoneAndCountryInTheUsersLanguage() {
    Api api = api();
    Caller admin = api.newAccount();
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.visible(By.cssSelector("a[data-lang='es']")).click();
      browser.waitForText("Nuevo agente");
      browser.clickLink("Cuenta");
      browser.waitForText("Zona horaria");
      assertThat(browser.text("form:timeZone_label")).isEqualTo("Europe/Paris");
      assertThat(browser.text("form:country_label")).isEqualTo("Francia");

      browser.choose("form:timeZone", "America/Martinique");
      browser.choose("form:country", "Bélgica");
      browser.click("form:save");
      browser.waitForText("Guardado.");
      assertThat(browser.text("form:timeZone_label")).isEqualTo("America/Martinique");
    }
    JsonObject settings = api.get(admin, "api/v1/account").object();
    assertThat(settings.getString("timeZone")).isEqualTo("America/Martinique");
    assertThat(settings.getString("country")).isEqualTo("BE");
  }

  @Test
  void anotherAccountsAgentPageAnswers404() {
    Api api = api();
    Caller first = api.newAccount();
    Caller second = api.newAccount();
    api.send(
        first,
        "POST",
        "api/v1/agents",
        "{\"login\":\"marc\",\"name\":\"Marc\",\"password\":\"marc-password\"}");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(second.account(), "admin", "secret-admin");
      browser.waitForText("Agents");

      browser.open("admin/agent.xhtml?login=marc");

      assertThat(browser.pageText()).contains("404").doesNotContain("Marc");
    }
  }

  @Test
  void adminImportsACsvReadsTheReportThenImportsTheValidRows() throws IOException {
    Caller admin = api().newAccount();
    Path csv = Files.createTempFile("annuaire", ".csv");
    Files.write(
        csv,
        ("Nom;Prénom;Société;Portable\r\n"
                + "Durand;Aurélie;Boulangerie Durand;06 00 00 00 01\r\n"
                + "Roux;Paul;;06 00\r\n"
                + "Petit;Jean;;06 00 00 00 02\r\n")
            .getBytes(Charset.forName("windows-1252")));
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.waitForText("Agents");
      browser.click("navContacts");
      browser.waitForText("Importer un fichier CSV");

      browser.driver().findElement(By.cssSelector("input[type='file']")).sendKeys(csv.toString());
      browser.waitForText(csv.getFileName().toString());
      browser.click("import:start");
      browser.await(
          Duration.ofSeconds(30),
          By.id("import:report"),
          "Rien n'a été importé : 1 ligne(s) refusée(s)");
      assertThat(browser.text("import:rejections")).contains("3", "Mobile", "Numéro trop court.");
      assertThat(browser.text("list:contacts")).contains("Aucun contact.");

      browser.visible(By.cssSelector("[id='import:validOnly'] .ui-chkbox-box")).click();
      browser.click("import:start");

      browser.await(
          Duration.ofSeconds(30),
          By.id("import:report"),
          "2 contact(s) importé(s), 1 ligne(s) refusée(s).");
      browser.await(Duration.ofSeconds(10), By.id("list:contacts"), "Durand");
      assertThat(browser.text("list:contacts"))
          .contains("Aurélie", "Boulangerie Durand", "Petit", "06 00 00 00 02")
          .doesNotContain("Roux");
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  @Test
  void adminMapsAColumnTheImportDoesNotKnowAndTheNextImportRemembersIt() throws IOException {
    Caller admin = api().newAccount();
    Path first = Files.createTempFile("crm", ".csv");
    Path second = Files.createTempFile("crm-suite", ".csv");
    Files.writeString(first, "Nom;Portable perso;Fax\r\nDurand;06 00 00 00 01;01 99\r\n");
    Files.writeString(second, "Nom;Portable perso;Fax\r\nPetit;06 00 00 00 02;\r\n");
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.waitForText("Agents");
      browser.click("navContacts");
      browser.waitForText("Importer un fichier CSV");

      browser.driver().findElement(By.cssSelector("input[type='file']")).sendKeys(first.toString());
      browser.await(Duration.ofSeconds(10), By.id("import:mapping"), "Portable perso");
      assertThat(browser.text("import:mapping")).contains("Colonnes à associer", "Fax");
      browser.choose("import:columns:0:field", "Mobile");
      browser.click("import:start");
      browser.await(
          Duration.ofSeconds(30),
          By.id("import:report"),
          "1 contact(s) importé(s), 0 ligne(s) refusée(s).");
      browser.await(Duration.ofSeconds(10), By.id("list:contacts"), "06 00 00 00 01");

      browser
          .driver()
          .findElement(By.cssSelector("input[type='file']"))
          .sendKeys(second.toString());
      browser.waitForText(second.getFileName().toString());
      assertThat(browser.text("import:mapping")).doesNotContain("Portable perso");
      browser.click("import:start");
      browser.await(Duration.ofSeconds(30), By.id("list:contacts"), "06 00 00 00 02");
      assertThat(browser.text("list:contacts")).contains("Durand", "Petit");
    } finally {
      Files.deleteIfExists(first);
      Files.deleteIfExists(second);
    }
  }

  @Test
  void adminFiltersTheCallsReportByGroupAndExportsTheRowsAsCsv() {
    Api api = api();
    Caller admin = api.newAccount();
    for (String[] call : new String[][] {{"Support", "0711111111"}, {"Ventes", "0722222222"}}) {
      api.send(admin, "POST", "api/v1/groups", "{\"name\":\"" + call[0] + "\"}");
      String id =
          api.send(
                  admin,
                  "POST",
                  "api/v1/sim/calls",
                  "{\"group\":\"" + call[0] + "\",\"caller\":\"" + call[1] + "\"}")
              .object()
              .getString("callId");
      api.send(admin, "POST", "api/v1/sim/calls/" + id + "/hangup", null);
    }
    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.waitForText("Agents");
      browser.clickLink("Historique des appels");
      browser.waitForText("Exporter en CSV");
      assertThat(browser.text("report:calls")).contains("0711111111", "0722222222");

      browser.choose("report:group", "Support");
      browser.click("report:apply");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .ignoring(StaleElementReferenceException.class)
          .until(d -> !d.findElement(By.id("report:calls")).getText().contains("0722222222"));
      assertThat(browser.text("report:calls")).contains("0711111111", "Support", "Abandonné");

      assertThat(browser.visible(By.id("report:export")).isEnabled()).isTrue();
      String csv =
          (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(SUBMIT_EXPORT);
      assertThat(csv).startsWith("text/csv");
      List<String> lines = csv.lines().toList();
      assertThat(lines.get(1)).as("UTF-8 byte-order mark").isEqualTo("239,187,191");
      assertThat(lines.get(2)).startsWith("Date et heure;Sens;Numéro;Contact;Groupement;");
      assertThat(lines).hasSize(4);
      assertThat(lines.get(3))
          .contains(";INBOUND;0711111111;;Support;")
          .endsWith(";ABANDONED;ENDED;0;");
    }
  }

  @Test
  void theCallsReportPlaysARecordedCallToAnAdmin() {
    Api api = api();
    Caller admin = api.newAccount();
    assertThat(
            api.send(
                    admin,
                    "POST",
                    "api/v1/groups",
                    "{\"name\":\"Support\",\"recording\":\"ALWAYS\"}")
                .status())
        .isEqualTo(201);
    api.availableAgent(admin, "erin", "305", "Support");
    String callId =
        api.send(
                admin,
                "POST",
                "api/v1/sim/calls",
                "{\"group\":\"Support\",\"caller\":\"0733333333\"}")
            .object()
            .getString("callId");
    Await.until(
        Duration.ofSeconds(15),
        () -> {
          api.send(admin, "POST", "api/v1/sim/extensions/305/answer", null);
          return api.get(admin, "api/v1/calls/" + callId).object().getString("status");
        },
        "TALKING"::equals);
    api.send(admin, "POST", "api/v1/sim/extensions/305/hangup", null);
    Await.until(
        Duration.ofSeconds(15),
        () -> api.get(admin, "api/v1/calls/" + callId).object().getJsonArray("recordings"),
        recordings -> !recordings.isEmpty());

    try (Browser browser = new Browser(baseUrl())) {
      browser.login(admin.account(), "admin", "secret-admin");
      browser.waitForText("Agents");
      browser.clickLink("Historique des appels");
      browser.waitForText("Exporter en CSV");
      WebElement player = browser.visible(By.cssSelector("#report\\:calls audio"));
      String answer =
          (String)
              ((JavascriptExecutor) browser.driver())
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "fetch(arguments[0].src, {credentials: 'same-origin'})"
                          + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')))"
                          + ".catch(e => done('failed: ' + e));",
                      player);
      assertThat(answer).isEqualTo("200 audio/wav");
    }
  }

  /**
   * Posts the report form as its export button does, and hands back what the browser would save as
   * a file: the answer's content type, its first three bytes, then its text.
   */
  private static final String SUBMIT_EXPORT =
      "const done = arguments[arguments.length - 1];"
          + "const form = document.getElementById('report');"
          + "const data = new URLSearchParams(new FormData(form));"
          + "data.append('report:export', '');"
          + "fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})"
          + ".then(r => r.arrayBuffer().then(b => done(r.headers.get('Content-Type') + '\\n'"
          + " + new Uint8Array(b).slice(0, 3).join(',') + '\\n' + new TextDecoder().decode(b))))"
          + ".catch(e => done('failed: ' + e));";
}
