package org.relais.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/** The outbound engine's campaigns, their numbers and the do-not-call list (docs/API.md). */
class CampaignsApiIT extends RelaisDeployment {

  private static final String GROUP = "{\"name\":\"Ventes\",\"callerIds\":[\"+33180000000\"]}";

  private static final String SUPERVISOR =
      "{\"login\":\"chef\",\"name\":\"Chef\",\"password\":\"chef-password\",\"role\":\"supervisor\","
          + "\"extension\":\"0201\",\"groups\":[]}";

  private static final String AGENT =
      "{\"login\":\"agent1\",\"name\":\"Agent 1\",\"password\":\"agent-password\",\"role\":\"agent\","
          + "\"extension\":\"0202\",\"groups\":[]}";

  @Test
  void adminCreatesACampaignWithTheLegalDefaultsAndChangesIt() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/groups", GROUP);
    api.send(admin, "POST", "api/v1/agents", SUPERVISOR);
    api.send(admin, "POST", "api/v1/agents", AGENT);
    String account = admin.account();

    Reply created =
        api.send(admin, "POST", "api/v1/campaigns", "{\"name\":\"Hiver\",\"group\":\"Ventes\"}");
    Reply changed =
        api.send(
            admin,
            "PUT",
            "api/v1/campaigns/Hiver",
            "{\"mode\":\"PREVIEW\",\"active\":false,\"recycling\":{\"BUSY\":{\"afterMinutes\":5}},"
                + "\"callingHours\":[{\"days\":\"MON-SAT\",\"from\":\"09:00\",\"to\":\"21:00\"}]}");
    Reply badMode = api.send(admin, "PUT", "api/v1/campaigns/Hiver", "{\"mode\":\"TURBO\"}");
    Reply badHours =
        api.send(
            admin,
            "PUT",
            "api/v1/campaigns/Hiver",
            "{\"callingHours\":[{\"days\":\"MON\",\"from\":\"20:00\",\"to\":\"10:00\"}]}");
    Reply twice =
        api.send(admin, "POST", "api/v1/campaigns", "{\"name\":\"Hiver\",\"group\":\"Ventes\"}");
    Reply unknownGroup =
        api.send(admin, "POST", "api/v1/campaigns", "{\"name\":\"Été\",\"group\":\"Nope\"}");

    assertThat(created.status()).isEqualTo(201);
    JsonObject defaults = created.object();
    assertThat(defaults.getString("mode")).isEqualTo("MANUAL");
    assertThat(defaults.getInt("maxAttempts30Days")).isEqualTo(4);
    assertThat(defaults.getJsonNumber("maxAbandonRate").doubleValue()).isEqualTo(0.03);
    assertThat(defaults.getJsonObject("recycling").getJsonObject("BUSY").getInt("afterMinutes"))
        .isEqualTo(15);
    assertThat(defaults.getJsonArray("callingHours").getJsonObject(1).getString("from"))
        .isEqualTo("14:00");
    assertThat(defaults.getJsonArray("callingHours").getJsonObject(1).getString("days"))
        .isEqualTo("MON-FRI");
    JsonObject after = changed.object();
    assertThat(after.getString("mode")).isEqualTo("PREVIEW");
    assertThat(after.getBoolean("active")).isFalse();
    assertThat(after.getJsonObject("recycling").getJsonObject("BUSY").getInt("afterMinutes"))
        .isEqualTo(5);
    assertThat(after.getJsonObject("recycling").getJsonObject("BUSY").getInt("maxAttempts"))
        .isEqualTo(3);
    assertThat(after.getJsonArray("callingHours")).hasSize(1);
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(badMode.object().getString("field")).isEqualTo("mode");
    assertThat(badHours.status()).isEqualTo(400);
    assertThat(badHours.object().getString("field")).isEqualTo("callingHours");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(unknownGroup.status()).isEqualTo(400);

    Caller supervisor = new Caller("chef@" + account, "chef-password");
    Caller agent = new Caller("agent1@" + account, "agent-password");
    assertThat(api.get(supervisor, "api/v1/campaigns").array()).hasSize(1);
    assertThat(api.get(supervisor, "api/v1/campaigns/Hiver/stats").status()).isEqualTo(200);
    assertThat(api.send(supervisor, "DELETE", "api/v1/campaigns/Hiver", null).status())
        .isEqualTo(403);
    assertThat(api.get(agent, "api/v1/campaigns").status()).isEqualTo(403);
    assertThat(api.get(api.newAccount(), "api/v1/campaigns/Hiver").status()).isEqualTo(404);

    api.send(
        admin, "PUT", "api/v1/groups/Ventes", "{\"qualifications\":[\"Vendu\",\"Pas intéressé\"]}");
    Reply refusals =
        api.send(admin, "PUT", "api/v1/campaigns/Hiver", "{\"refusals\":[\"Pas intéressé\"]}");
    assertThat(refusals.status()).as(refusals.body()).isEqualTo(200);
    assertThat(refusals.object().getJsonArray("refusals").getString(0)).isEqualTo("Pas intéressé");
    Reply unknownRefusal =
        api.send(admin, "PUT", "api/v1/campaigns/Hiver", "{\"refusals\":[\"Inconnu\"]}");
    assertThat(unknownRefusal.status()).isEqualTo(400);
    assertThat(unknownRefusal.object().getString("field")).isEqualTo("refusals");

    assertThat(api.send(admin, "DELETE", "api/v1/campaigns/Hiver", null).status()).isEqualTo(204);
    assertThat(api.get(admin, "api/v1/campaigns/Hiver").status()).isEqualTo(404);
  }

  @Test
  void numbersLoadOncePerCampaignFromCsvAndJsonWithAReport() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/groups", GROUP);
    api.send(admin, "POST", "api/v1/campaigns", "{\"name\":\"Hiver\",\"group\":\"Ventes\"}");
    String csv =
        "Nom;Prénom;Mobile;Données d'appel\n"
            + "Martin;Léa;06 12 34 56 78;client 42\n"
            + ";;01 23 45 67 89;\n"
            + "Durand;Paul;+33 6 12 34 56 78;\n"
            + "Petit;Jean;12;\n"
            + "Sans;Numéro;;\n";

    Reply fromCsv =
        api.send(
            admin,
            "POST",
            "api/v1/campaigns/Hiver/contacts",
            "text/csv",
            BodyPublishers.ofString(csv, UTF_8));
    Reply fromJson =
        api.send(
            admin,
            "POST",
            "api/v1/campaigns/Hiver/contacts",
            "[{\"number\":\"0699887766\",\"lastName\":\"Roux\",\"data\":\"vip\"},"
                + "{\"number\":\"0123456789\"},{\"number\":\"abc\"}]");
    JsonArray contacts = api.get(admin, "api/v1/campaigns/Hiver/contacts?max=10").array();
    JsonArray page = api.get(admin, "api/v1/campaigns/Hiver/contacts?first=1&max=1").array();
    JsonObject stats = api.get(admin, "api/v1/campaigns/Hiver/stats").object();

    assertThat(fromCsv.status()).isEqualTo(200);
    assertThat(fromCsv.object().getInt("imported")).isEqualTo(2);
    JsonArray rejected = fromCsv.object().getJsonArray("rejected");
    assertThat(rejected).hasSize(3);
    assertThat(rejected.getJsonObject(0).getInt("line")).isEqualTo(4);
    assertThat(rejected.getJsonObject(0).getString("reason")).isEqualTo("DUPLICATE");
    assertThat(rejected.getJsonObject(1).getInt("line")).isEqualTo(5);
    assertThat(rejected.getJsonObject(1).getString("field")).isEqualTo("mobile");
    assertThat(rejected.getJsonObject(2).getInt("line")).isEqualTo(6);
    assertThat(rejected.getJsonObject(2).getString("reason")).isEqualTo("REQUIRED");
    assertThat(fromJson.object().getInt("imported")).isEqualTo(1);
    assertThat(fromJson.object().getJsonArray("rejected")).hasSize(2);
    assertThat(contacts).hasSize(3);
    JsonObject first = contacts.getJsonObject(0);
    assertThat(first.getString("number")).isEqualTo("+33612345678");
    assertThat(first.getString("status")).isEqualTo("PENDING");
    assertThat(first.getInt("attempts")).isZero();
    assertThat(page.getJsonObject(0).getString("number")).isEqualTo("+33123456789");
    assertThat(api.get(admin, "api/v1/campaigns/Hiver/contacts?status=DONE").array().isEmpty())
        .isTrue();
    assertThat(api.get(admin, "api/v1/campaigns/Hiver/contacts?status=NOPE").status())
        .isEqualTo(400);
    assertThat(stats.getInt("total")).isEqualTo(3);
    assertThat(stats.getInt("pending")).isEqualTo(3);
    assertThat(stats.getInt("attempts")).isZero();
  }

  @Test
  void numbersOnTheDoNotCallListAreNeverToBeCalled() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/groups", GROUP);
    api.send(admin, "POST", "api/v1/campaigns", "{\"name\":\"Hiver\",\"group\":\"Ventes\"}");
    api.send(
        admin,
        "POST",
        "api/v1/campaigns/Hiver/contacts",
        "[{\"number\":\"0612345678\"},{\"number\":\"0699887766\"}]");

    Reply listed =
        api.send(admin, "POST", "api/v1/dnc", "{\"numbers\":[\"06 12 34 56 78\",\"oops\"]}");
    Reply fromCsv =
        api.send(
            admin,
            "POST",
            "api/v1/dnc",
            "text/csv",
            BodyPublishers.ofString("numero\n0155555555\n", UTF_8));
    api.send(admin, "POST", "api/v1/campaigns/Hiver/contacts", "[{\"number\":\"0155555555\"}]");

    assertThat(listed.object().getInt("imported")).isEqualTo(1);
    assertThat(listed.object().getJsonArray("rejected")).hasSize(1);
    assertThat(fromCsv.object().getInt("imported")).isEqualTo(1);
    assertThat(api.get(admin, "api/v1/dnc/+33612345678").status()).isEqualTo(200);
    assertThat(api.get(admin, "api/v1/dnc/0699887766").status()).isEqualTo(404);
    JsonArray barred = api.get(admin, "api/v1/campaigns/Hiver/contacts?status=DNC").array();
    assertThat(barred).hasSize(2);
    assertThat(api.get(api.newAccount(), "api/v1/dnc/0612345678").status()).isEqualTo(404);
    assertThat(api.send(admin, "DELETE", "api/v1/dnc/0612345678", null).status()).isEqualTo(204);
    assertThat(api.get(admin, "api/v1/dnc/0612345678").status()).isEqualTo(404);
  }

  @Test
  void anAgentCallsTheContactsOfItsOutboundGroupsWithinTheRules() {
    Api api = api();
    Caller admin = api.newAccount();
    // Belgium: no French public holiday stops the calls, whatever day the test runs.
    api.send(admin, "PUT", "api/v1/account", "{\"country\":\"BE\"}");
    api.send(admin, "POST", "api/v1/groups", GROUP);
    Reply created =
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\"alice\",\"name\":\"Alice\",\"password\":\"alice-password\","
                + "\"extension\":\"0301\",\"groups\":[{\"name\":\"Ventes\",\"inbound\":false,"
                + "\"outbound\":true}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Caller alice = new Caller("alice@" + admin.account(), "alice-password");
    api.send(alice, "POST", "api/v1/me/session", null);
    api.send(alice, "PUT", "api/v1/sim/extensions/0301/autopilot", "{\"answerAfterMs\":0}");
    String tomorrow =
        ZonedDateTime.now(ZoneId.of("Europe/Paris")).getDayOfWeek().plus(1).name().substring(0, 3);
    campaign(api, admin, "Jour", "MON-SUN", "+33611111111", "+33622222222");
    campaign(api, admin, "Demain", tomorrow, "+33633333333");
    api.send(
        admin, "PUT", "api/v1/sim/numbers/%2B33611111111", "{\"answer\":\"BUSY\",\"afterMs\":0}");

    JsonObject module = api.get(alice, "api/v1/me/dialer").object();
    Reply next = api.send(alice, "POST", "api/v1/me/dialer/next", null);
    String first = next.object().getString("id");
    Reply placed = api.send(alice, "POST", "api/v1/me/dialer/contacts/" + first + "/call", null);
    JsonObject recycled =
        Await.until(
                Duration.ofSeconds(30),
                () -> api.get(admin, "api/v1/campaigns/Jour/contacts?status=RECYCLED").array(),
                list -> !list.isEmpty())
            .getJsonObject(0);
    Await.until(
        Duration.ofSeconds(30),
        () -> api.get(alice, "api/v1/me").object(),
        me -> "IDLE".equals(me.getString("activity", null)));
    Reply second = api.send(alice, "POST", "api/v1/me/dialer/next", null);
    String tomorrows =
        api.get(admin, "api/v1/campaigns/Demain/contacts")
            .array()
            .getJsonObject(0)
            .get("id")
            .toString();

    assertThat(module.getString("mode")).isEqualTo("PREVIEW");
    assertThat(module.getJsonArray("contacts")).hasSize(3);
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.object().getString("number")).isEqualTo("+33611111111");
    assertThat(next.object().getString("status")).isEqualTo("RESERVED");
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(recycled.getString("lastOutcome")).isEqualTo("BUSY");
    assertThat(recycled.getInt("attempts")).isEqualTo(1);
    assertThat(second.object().getString("number")).isEqualTo("+33622222222");
    String secondId = second.object().getString("id");
    assertThat(api.get(alice, "api/v1/me/dialer").object().getJsonObject("current").getString("id"))
        .isEqualTo(secondId);
    Reply tooSoon =
        api.send(
            alice,
            "PUT",
            "api/v1/me/dialer/contacts/" + secondId + "/callback",
            "{\"in\":\"PT1M\"}");
    assertThat(tooSoon.status()).isEqualTo(400);
    assertThat(tooSoon.object().getString("field")).isEqualTo("in");
    assertThat(
            api.send(
                    alice,
                    "PUT",
                    "api/v1/me/dialer/contacts/" + secondId + "/callback",
                    "{\"in\":\"PT15M\"}")
                .status())
        .isEqualTo(204);
    Reply outside =
        api.send(alice, "POST", "api/v1/me/dialer/contacts/" + tomorrows + "/call", null);
    assertThat(outside.status()).isEqualTo(409);
    assertThat(outside.object().getString("error")).isEqualTo("outside_calling_hours");
    api.send(admin, "POST", "api/v1/dnc", "{\"numbers\":[\"+33622222222\"]}");
    Reply barred = api.send(alice, "POST", "api/v1/me/dialer/contacts/" + secondId + "/call", null);
    assertThat(barred.status()).isEqualTo(409);
    assertThat(barred.object().getString("error")).isEqualTo("dnc");
    Caller stranger = api.newAccount();
    assertThat(
            api.send(stranger, "POST", "api/v1/me/dialer/contacts/" + first + "/reserve", null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void aPredictiveCampaignCallsAheadAndDropsTheAnswerNoAgentIsFreeFor() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "PUT", "api/v1/account", "{\"country\":\"BE\"}");
    api.send(admin, "POST", "api/v1/groups", GROUP);
    api.send(
        admin,
        "POST",
        "api/v1/agents",
        "{\"login\":\"alice\",\"name\":\"Alice\",\"password\":\"alice-password\","
            + "\"extension\":\"0401\",\"groups\":[{\"name\":\"Ventes\",\"inbound\":false,"
            + "\"outbound\":true}]}");
    Caller alice = new Caller("alice@" + admin.account(), "alice-password");
    api.send(
        admin, "PUT", "api/v1/sim/numbers/%2B33644444444", "{\"answer\":\"ANSWER\",\"afterMs\":0}");
    api.send(
        admin,
        "PUT",
        "api/v1/sim/numbers/%2B33655555555",
        "{\"answer\":\"ANSWER\",\"afterMs\":3000}");
    Reply created =
        api.send(
            admin,
            "POST",
            "api/v1/campaigns",
            "{\"name\":\"Predictif\",\"group\":\"Ventes\",\"mode\":\"PREDICTIVE\","
                + "\"dialLevel\":2,\"callingHours\":[{\"days\":\"MON-SUN\",\"from\":\"00:00\","
                + "\"to\":\"23:59\"}]}");
    Reply tooFast = api.send(admin, "PUT", "api/v1/campaigns/Predictif", "{\"dialLevel\":4.5}");
    api.send(
        admin,
        "POST",
        "api/v1/campaigns/Predictif/contacts",
        "[{\"number\":\"+33644444444\"},{\"number\":\"+33655555555\"}]");

    api.send(alice, "POST", "api/v1/me/session", null);
    api.send(alice, "PUT", "api/v1/me/availability", "{\"available\":true}");
    JsonObject talking =
        Await.until(
            Duration.ofSeconds(30),
            () -> api.get(alice, "api/v1/me").object(),
            me -> "TALKING".equals(me.getString("activity", null)));
    JsonObject dropped =
        Await.until(
                Duration.ofSeconds(30),
                () -> api.get(admin, "api/v1/campaigns/Predictif/contacts?status=RECYCLED").array(),
                list -> !list.isEmpty())
            .getJsonObject(0);
    api.send(alice, "POST", "api/v1/sim/extensions/0401/hangup", null);
    JsonObject stats =
        Await.until(
            Duration.ofSeconds(30),
            () -> api.get(admin, "api/v1/campaigns/Predictif/stats").object(),
            s -> s.getInt("answered") == 1);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.object().getJsonNumber("dialLevel").doubleValue()).isEqualTo(2.0);
    assertThat(tooFast.status()).isEqualTo(400);
    assertThat(tooFast.object().getString("field")).isEqualTo("dialLevel");
    assertThat(talking.getJsonObject("call").getString("number")).isEqualTo("+33644444444");
    assertThat(talking.getJsonObject("call").getString("direction")).isEqualTo("OUTBOUND");
    assertThat(dropped.getString("number")).isEqualTo("+33655555555");
    assertThat(dropped.getString("lastOutcome")).isEqualTo("DROPPED");
    assertThat(stats.getInt("attempts")).isEqualTo(2);
    assertThat(stats.getInt("dropped")).isEqualTo(1);
    assertThat(stats.getJsonNumber("abandonRate").doubleValue()).isEqualTo(0.5);
  }

  /**
   * A running preview campaign of the group, calling all day on the given days, and its numbers.
   */
  private static void campaign(Api api, Caller admin, String name, String days, String... numbers) {
    Reply created =
        api.send(
            admin,
            "POST",
            "api/v1/campaigns",
            "{\"name\":\""
                + name
                + "\",\"group\":\"Ventes\",\"mode\":\"PREVIEW\",\"callingHours\":[{\"days\":\""
                + days
                + "\",\"from\":\"00:00\",\"to\":\"23:59\"}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    StringBuilder json = new StringBuilder("[");
    for (String number : numbers) {
      json.append(json.length() > 1 ? "," : "")
          .append("{\"number\":\"")
          .append(number)
          .append("\"}");
    }
    api.send(admin, "POST", "api/v1/campaigns/" + name + "/contacts", json.append("]").toString());
  }
}
