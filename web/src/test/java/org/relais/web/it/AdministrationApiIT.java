package org.relais.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relais.telephony.PhoneCredential;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/**
 * The operator and administration API of docs/API.md, its error shape, roles and tenant isolation.
 */
class AdministrationApiIT extends RelaisDeployment {

  /** The OpenAPI linter, at a pinned version (Node.js 20.19 or newer). */
  private static final String REDOCLY = "@redocly/cli@2.77.0";

  /** relais.api.max-json-bytes, by default. */
  private static final int JSON_LIMIT = 1 << 20;

  private static final String GROUP =
      "{\"name\":\"Administratif\",\"ringTimeout\":20,\"penalty\":30,\"wrapUp\":10,"
          + "\"qualificationRequired\":true,\"autoQualify\":0,"
          + "\"qualifications\":[\"Prise commande\",\"Réclamation\"],"
          + "\"strategy\":\"LONGEST_IDLE\",\"priority\":0}";

  private static final String AGENT =
      "{\"login\":\"agent1\",\"name\":\"Agent 1\",\"password\":\"agent-password\",\"role\":\"agent\","
          + "\"extension\":\"0290\",\"groups\":[{\"name\":\"Administratif\",\"inbound\":true,"
          + "\"outbound\":false,\"level\":5}]}";

  @Test
  void operatorCreatesAnAccountWhoseAdminManagesGroupsAndAgents() {
    Api api = api();
    Caller admin = api.newAccount();

    Reply group = api.send(admin, "POST", "api/v1/groups", GROUP);
    Reply agent = api.send(admin, "POST", "api/v1/agents", AGENT);

    assertThat(group.status()).isEqualTo(201);
    assertThat(group.object().getJsonArray("qualifications").getString(1)).isEqualTo("Réclamation");
    assertThat(agent.status()).isEqualTo(201);
    JsonObject created = api.get(admin, "api/v1/agents/agent1").object();
    assertThat(created.getString("extension")).isEqualTo("0290");
    assertThat(created.getJsonArray("groups").getJsonObject(0).getInt("level")).isEqualTo(5);
    assertThat(agent.body())
        .doesNotContain("agent-password")
        .doesNotContainIgnoringCase("password");
    assertThat(api.get(admin, "api/v1/agents").body()).doesNotContainIgnoringCase("password");
  }

  @Test
  void theSipPasswordIsTakenOnCreationAndUpdateButNeverAnsweredBack() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/groups", GROUP);

    Reply created =
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            AGENT.replace("\"role\"", "\"sipPassword\":\"phone-secret-1\",\"role\""));
    Reply updated =
        api.send(admin, "PUT", "api/v1/agents/agent1", "{\"sipPassword\":\"phone-secret-2\"}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    for (Reply reply :
        List.of(
            created,
            updated,
            api.get(admin, "api/v1/agents/agent1"),
            api.get(admin, "api/v1/agents"))) {
      assertThat(reply.body())
          .doesNotContain("phone-secret")
          .doesNotContain("sipPassword")
          .doesNotContain(PhoneCredential.ha1("0290", admin.account(), "phone-secret-1"))
          .doesNotContain(PhoneCredential.ha1("0290", admin.account(), "phone-secret-2"));
    }
  }

  @Test
  void aSipPasswordTooShortTooLongOrForAnAgentWithoutExtensionAnswers400NamingIt() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"ab\",\"name\":\"A\",\"password\":\"password-one\"}");

    for (String body :
        List.of(
            "{\"extension\":\"0291\",\"sipPassword\":\"7-chars\"}",
            "{\"extension\":\"0291\",\"sipPassword\":\"" + "x".repeat(65) + "\"}",
            "{\"sipPassword\":\"long-enough\"}")) {
      assertField(api.send(admin, "PUT", "api/v1/agents/ab", body), "sipPassword");
    }
  }

  @Test
  void aGroupNamedWithSpacesAndAccentsIsCreatedAtAnEncodedLocationThatAnswers() {
    Api api = api();
    Caller admin = api.newAccount();

    Reply created = api.send(admin, "POST", "api/v1/groups", "{\"name\":\"Service après vente\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.location()).endsWith("/api/v1/groups/Service%20apr%C3%A8s%20vente");
    Reply read =
        api.get(admin, created.location().substring(created.location().indexOf("api/v1/")));
    assertThat(read.object().getString("name")).isEqualTo("Service après vente");
  }

  @Test
  void accountListIsTheOperatorsAndNamesTheNewAccount() {
    Api api = api();
    Caller admin = api.newAccount();
    String account = admin.account();

    assertThat(api.get(api.operator(), "api/v1/accounts").body()).contains(account);
    assertThat(api.get(admin, "api/v1/accounts").status()).isEqualTo(403);
  }

  @Test
  void createdAgentAuthenticatesWithItsOwnPassword() {
    Api api = api();
    Caller agent = new Caller(agentOf(api, api.newAccount()), "agent-password");

    assertThat(api.get(agent, "api/v1/agents").status()).isEqualTo(403);
    assertThat(api.get(new Caller(agent.user(), "wrong"), "api/v1/agents").status()).isEqualTo(401);
  }

  @Test
  void rememberedCredentialsGiveWayAtOnceToAPasswordRoleOrEnabledChange() {
    Api api = api();
    Caller admin = api.newAccount();
    String user = agentOf(api, admin);
    Caller before = new Caller(user, "agent-password");
    Caller after = new Caller(user, "new-password");
    // 403, not 401: authenticated (and now remembered), but an agent does not manage agents.
    assertThat(api.get(before, "api/v1/agents").status()).isEqualTo(403);

    api.send(admin, "PUT", "api/v1/agents/agent1", "{\"password\":\"new-password\"}");
    assertThat(api.get(before, "api/v1/agents").status()).isEqualTo(401);
    assertThat(api.get(after, "api/v1/agents").status()).isEqualTo(403);

    api.send(admin, "PUT", "api/v1/agents/agent1", "{\"role\":\"admin\"}");
    assertThat(api.get(after, "api/v1/agents").status()).isEqualTo(200);

    api.send(admin, "PUT", "api/v1/agents/agent1", "{\"enabled\":false}");
    assertThat(api.get(after, "api/v1/agents").status()).isEqualTo(401);

    api.send(admin, "PUT", "api/v1/agents/agent1", "{\"enabled\":true}");
    assertThat(api.get(after, "api/v1/agents").status()).isEqualTo(200);
    api.send(admin, "DELETE", "api/v1/agents/agent1", null);
    assertThat(api.get(after, "api/v1/agents").status()).isEqualTo(401);
  }

  @Test
  void updateChangesOnlyTheGivenFieldsAndDeleteRemoves() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/groups", GROUP);

    Reply updated =
        api.send(
            admin,
            "PUT",
            "api/v1/groups/Administratif",
            "{\"wrapUp\":45,\"strategy\":\"SKILL_LEVEL\"}");
    Reply deleted = api.send(admin, "DELETE", "api/v1/groups/Administratif", null);

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.object().getInt("wrapUp")).isEqualTo(45);
    assertThat(updated.object().getInt("penalty")).isEqualTo(30);
    assertThat(updated.object().getString("strategy")).isEqualTo("SKILL_LEVEL");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get(admin, "api/v1/groups/Administratif").status()).isEqualTo(404);
  }

  @Test
  void accountSettingsAreReadByItsAgentsAndChangedByItsAdminOnly() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller agent = new Caller(agentOf(api, admin), "agent-password");
    Caller other = api.newAccount();

    JsonObject defaults = api.get(agent, "api/v1/account").object();
    Reply refused = api.send(agent, "PUT", "api/v1/account", "{\"timeZone\":\"Asia/Tokyo\"}");
    Reply moved = api.send(admin, "PUT", "api/v1/account", "{\"timeZone\":\"Asia/Tokyo\"}");
    Reply country = api.send(admin, "PUT", "api/v1/account", "{\"country\":\"BE\"}");

    assertThat(defaults.getString("timeZone")).isEqualTo("Europe/Paris");
    assertThat(defaults.getString("country")).isEqualTo("FR");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.object().getString("timeZone")).isEqualTo("Asia/Tokyo");
    assertThat(moved.object().getString("country")).isEqualTo("FR");
    assertThat(country.object().getString("timeZone")).isEqualTo("Asia/Tokyo");
    assertThat(api.get(agent, "api/v1/account").object().getString("country")).isEqualTo("BE");
    assertThat(api.get(other, "api/v1/account").object().getString("timeZone"))
        .isEqualTo("Europe/Paris");
    assertThat(api.get(api.operator(), "api/v1/account").status()).isEqualTo(403);
  }

  @Test
  void badAccountSettingsAnswer400NamingTheFieldAndChangeNothing() {
    Api api = api();
    Caller admin = api.newAccount();

    assertField(api.send(admin, "PUT", "api/v1/account", "{\"timeZone\":\"+02:00\"}"), "timeZone");
    assertField(
        api.send(admin, "PUT", "api/v1/account", "{\"timeZone\":\"Mars/Olympus\"}"), "timeZone");
    assertField(api.send(admin, "PUT", "api/v1/account", "{\"timeZone\":2}"), "timeZone");
    assertField(
        api.send(
            admin, "PUT", "api/v1/account", "{\"timeZone\":\"Asia/Tokyo\",\"country\":\"XX\"}"),
        "country");

    assertThat(api.get(admin, "api/v1/account").object().getString("timeZone"))
        .isEqualTo("Europe/Paris");
  }

  @Test
  void theAccountsTodayRunsFromMidnightInItsTimeZone() {
    Api api = api();
    Caller admin = api.newAccount();
    ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");

    api.send(admin, "PUT", "api/v1/account", "{\"timeZone\":\"Pacific/Kiritimati\"}");
    JsonObject today = api.get(admin, "api/v1/me/history?period=today").object();

    OffsetDateTime from = OffsetDateTime.parse(today.getString("from"));
    assertThat(from.getOffset().getTotalSeconds()).isEqualTo(14 * 3600);
    assertThat(from.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(from.toLocalDate()).isEqualTo(LocalDate.now(kiritimati));
  }

  @Test
  void badInputAnswers400NamingTheField() {
    Api api = api();
    Caller admin = api.newAccount();

    assertField(
        api.send(admin, "POST", "api/v1/groups", "{\"name\":\"G\",\"ringTimeout\":\"x\"}"),
        "ringTimeout");
    assertField(api.send(admin, "POST", "api/v1/groups", "{\"ringTimeout\":20}"), "name");
    assertField(
        api.send(admin, "POST", "api/v1/groups", "{\"name\":\"G\",\"penalty\":-1}"), "penalty");
    assertField(
        api.send(admin, "POST", "api/v1/groups", "{\"name\":\"G\",\"strategy\":\"RANDOM\"}"),
        "strategy");
    assertField(
        api.send(admin, "POST", "api/v1/groups", "{\"name\":\"" + "x".repeat(65) + "\"}"), "name");
    assertField(api.send(admin, "POST", "api/v1/groups", "{\"name\":"), "body");
    assertField(api.send(admin, "POST", "api/v1/groups", "[1,2]"), "body");
    assertField(
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\"a b\",\"name\":\"A\",\"password\":\"password-one\"}"),
        "login");
    assertField(
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\"ab\",\"name\":\"A\",\"password\":\"password-one\",\"extension\":\"12a\"}"),
        "extension");
    assertField(
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\"ab\",\"name\":\"A\",\"password\":\"password-one\",\"role\":\"king\"}"),
        "role");
    assertField(
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\"ab\",\"name\":\"A\",\"password\":\"password-one\",\"groups\":[{\"name\":\"Nowhere\"}]}"),
        "groups");
    assertField(
        api.send(admin, "POST", "api/v1/agents", "{\"login\":\"ab\",\"name\":\"A\"}"), "password");
  }

  @Test
  void takenNameAnswers409() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/groups", GROUP);

    Reply again = api.send(admin, "POST", "api/v1/groups", GROUP);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.object().getString("field")).isEqualTo("name");
  }

  @Test
  void anotherAccountsAgentsAndGroupsAnswer404() {
    Api api = api();
    Caller first = api.newAccount();
    Caller second = api.newAccount();
    api.send(first, "POST", "api/v1/groups", GROUP);
    api.send(first, "POST", "api/v1/agents", AGENT);

    assertThat(api.get(second, "api/v1/agents/agent1").status()).isEqualTo(404);
    assertThat(api.get(second, "api/v1/groups/Administratif").status()).isEqualTo(404);
    assertThat(api.send(second, "PUT", "api/v1/agents/agent1", "{\"name\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(api.send(second, "DELETE", "api/v1/groups/Administratif", null).status())
        .isEqualTo(404);
    assertThat(api.get(second, "api/v1/agents").body()).doesNotContain("agent1");
    assertThat(api.get(first, "api/v1/agents/agent1").status()).isEqualTo(200);
  }

  @Test
  void fiveFailedLoginsThrottleEvenTheRightPassword() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller wrong = new Caller(admin.user(), "not-the-password");

    for (int i = 0; i < 5; i++) {
      assertThat(api.get(wrong, "api/v1/groups").status()).isEqualTo(401);
    }
    Reply refused = api.get(admin, "api/v1/groups");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.object().getString("error")).isEqualTo("too_many_attempts");
  }

  @Test
  void apiWithoutCredentialsAnswers401InTheErrorShape() {
    Reply reply = api().get(null, "api/v1/groups");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.object().getString("error")).isEqualTo("unauthorized");
  }

  @Test
  void readinessIsUpWithTheDatabaseAndOpenApiDescribesTheApi() {
    Api api = api();

    Reply ready = api.get(null, "/health/ready");
    Reply openapi = api.get(null, "/openapi");

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("\"UP\"");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/v1/groups")
        .contains("/api/v1/accounts")
        .contains("/api/v1/events");
  }

  /** Creates GROUP and AGENT in the admin's account; answers the agent's user name. */
  private static String agentOf(Api api, Caller admin) {
    api.send(admin, "POST", "api/v1/groups", GROUP);
    api.send(admin, "POST", "api/v1/agents", AGENT);
    return "agent1@" + admin.account();
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.object().getString("field")).as(reply.body()).isEqualTo(field);
    assertThat(reply.body()).doesNotContain("Exception");
  }

  @Test
  void aParameterThatIsNotOfItsTypeIsA400NamingIt() {
    Api api = api();
    Caller admin = api.newAccount();

    Reply reply = api.get(admin, "api/v1/contacts?max=abc");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.object().getString("error")).isEqualTo("invalid");
    assertThat(reply.object().getString("field")).isEqualTo("max");
    assertThat(api.get(admin, "api/v1/contacts?first=1.5").object().getString("field"))
        .isEqualTo("first");
  }

  @Test
  void aJsonBodyOverItsLimitIsRefusedBeforeItIsParsed() {
    Api api = api();
    Caller admin = api.newAccount();
    byte[] tooLong = jsonOf(JSON_LIMIT + 1);

    Reply declared =
        api.send(
            admin,
            "POST",
            "api/v1/contacts",
            "application/json",
            BodyPublishers.ofByteArray(tooLong));
    Reply streamed =
        api.send(
            admin,
            "POST",
            "api/v1/contacts",
            "application/json",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLong)));

    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.object().getString("error")).isEqualTo("too_large");
    assertThat(streamed.status()).isEqualTo(413);
    assertThat(streamed.object().getString("field")).isEqualTo("body");
    // Under the limit, the same kind of body is read and judged on its content.
    assertThat(api.send(admin, "POST", "api/v1/contacts", new String(jsonOf(1000), UTF_8)).status())
        .isEqualTo(201);
  }

  @Test
  void aFileToImportMayBeLongerThanAJsonBody() {
    Api api = api();
    Caller admin = api.newAccount();
    // A column no import knows: the file is read whole, then refused for its header, cheaply.
    byte[] csv = ("Nom;Inconnu\n" + "Durand;Aurélie\n".repeat(JSON_LIMIT / 10)).getBytes(UTF_8);

    Reply reply =
        api.send(
            admin,
            "POST",
            "api/v1/contacts/import",
            "text/csv",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv)));

    assertThat(csv.length).isGreaterThan(JSON_LIMIT);
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body()).contains("Inconnu");
  }

  /** A contact whose description pads the body to {@code length} bytes. */
  private static byte[] jsonOf(int length) {
    String start = "{\"lastName\":\"Durand\",\"description\":\"";
    String end = "\"}";
    return (start + "x".repeat(length - start.length() - end.length()) + end).getBytes(UTF_8);
  }

  @Test
  void theOpenApiDocumentPassesTheLinterWithoutError() throws Exception {
    Reply document = api().get(null, "/openapi");
    assertThat(document.status()).isEqualTo(200);
    Path file = Path.of("target", "openapi.yaml");
    Files.writeString(file, document.body(), UTF_8);

    Process lint =
        new ProcessBuilder("npx", "--yes", REDOCLY, "lint", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(lint.getInputStream().readAllBytes(), UTF_8);

    assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(lint.exitValue()).as(output).isZero();
  }
}
