package org.relais.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.relais.web.it.Api.Caller;
import org.relais.web.it.Api.Reply;

/** The directory API of docs/API.md (SPEC B8, B10, E3): contacts, lookup, CSV import and export. */
class ContactsApiIT extends RelaisDeployment {

  private static final String ÉLODIE =
      "{\"lastName\":\"Lefèvre\",\"firstName\":\"Élodie\",\"company\":\"Cœur & Fils\","
          + "\"email\":\"elodie@exemple.fr\",\"mobile\":\"06 12 34 56 78\","
          + "\"office\":\"01 23 45 67 89\",\"category\":\"Client\",\"visibility\":\"PUBLIC\"}";

  private static final String IMPORT_WITH_ONE_BAD_ROW =
      "Nom;Prénom;Société;Tél. bureau;Portable\r\n"
          + "Durand;Aurélie;Boulangerie Durand;04 72 00 00 01;06 00 00 00 01\r\n"
          + "Petit;Jean;;;06 00 00 00 02\r\n"
          + "Roux;Paul;;;06 00\r\n"
          + ";;\"Garage du Centre; Lyon\";04 72 00 00 03;\r\n";

  @Test
  void agentKeepsPrivateContactsThatAnotherAgentNeverSees() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller marie = agent(api, admin, "marie", "agent");
    Caller paul = agent(api, admin, "paul", "agent");

    Reply created =
        api.send(
            marie,
            "POST",
            "api/v1/contacts",
            "{\"lastName\":\"Martin\",\"mobile\":\"0611111111\",\"description\":\"rappeler\"}");
    long id = created.object().getJsonNumber("id").longValue();
    Reply changed =
        api.send(marie, "PUT", "api/v1/contacts/" + id, "{\"mobile\":\"07 81 22 22 22\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.object().getString("visibility")).isEqualTo("PRIVATE");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.object().getString("mobile")).isEqualTo("07 81 22 22 22");
    assertThat(changed.object().getJsonObject("e164").getString("mobile"))
        .isEqualTo("+33781222222");
    assertThat(changed.object().getString("description")).isEqualTo("rappeler");
    assertThat(api.get(marie, "api/v1/contacts/" + id).status()).isEqualTo(200);
    assertThat(api.get(marie, "api/v1/contacts?q=martin").array()).hasSize(1);
    assertThat(api.get(paul, "api/v1/contacts/" + id).status()).isEqualTo(404);
    assertThat(api.get(paul, "api/v1/contacts?q=martin").array()).isEmpty();
    assertThat(api.get(paul, "api/v1/contacts/lookup?number=0781222222").status()).isEqualTo(404);
    assertThat(api.send(paul, "DELETE", "api/v1/contacts/" + id, null).status()).isEqualTo(404);
    assertThat(api.get(admin, "api/v1/contacts/" + id).status()).isEqualTo(404);

    assertThat(api.send(marie, "DELETE", "api/v1/contacts/" + id, null).status()).isEqualTo(204);
    assertThat(api.get(marie, "api/v1/contacts/" + id).status()).isEqualTo(404);
  }

  @Test
  void publicContactsAreSeenByAllAndWrittenByAdminsAndSupervisorsOnly() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller agent = agent(api, admin, "marie", "agent");
    Caller supervisor = agent(api, admin, "sophie", "supervisor");
    long id = api.send(admin, "POST", "api/v1/contacts", ÉLODIE).object().getInt("id");

    assertThat(api.get(agent, "api/v1/contacts/" + id).object().getString("visibility"))
        .isEqualTo("PUBLIC");
    assertThat(api.send(agent, "PUT", "api/v1/contacts/" + id, "{\"category\":\"x\"}").status())
        .isEqualTo(403);
    assertThat(api.send(agent, "DELETE", "api/v1/contacts/" + id, null).status()).isEqualTo(403);
    assertThat(api.send(agent, "POST", "api/v1/contacts", ÉLODIE).status()).isEqualTo(403);

    Reply edited =
        api.send(supervisor, "PUT", "api/v1/contacts/" + id, "{\"category\":\"Prospect\"}");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.object().getString("category")).isEqualTo("Prospect");
    assertThat(edited.object().getString("lastName")).isEqualTo("Lefèvre");
    assertThat(api.send(supervisor, "DELETE", "api/v1/contacts/" + id, null).status())
        .isEqualTo(204);
  }

  @Test
  void anAgentWhoseProfileAllowsItWritesPublicContacts() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller marie = agent(api, admin, "marie", "agent");
    Reply allowed =
        api.send(admin, "PUT", "api/v1/agents/marie", "{\"publicContactsEditable\":true}");
    assertThat(allowed.object().getBoolean("publicContactsEditable")).isTrue();

    Reply created = api.send(marie, "POST", "api/v1/contacts", ÉLODIE);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.object().getString("visibility")).isEqualTo("PUBLIC");
    long id = created.object().getInt("id");
    api.send(admin, "PUT", "api/v1/agents/marie", "{\"publicContactsEditable\":false}");

    assertThat(api.send(marie, "DELETE", "api/v1/contacts/" + id, null).status()).isEqualTo(403);
  }

  @Test
  void anAgentWithoutTheDirectoryModuleIsRefused() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller agent = agent(api, admin, "marie", "agent");
    api.send(admin, "PUT", "api/v1/agents/marie", "{\"modules\":[\"SESSION\",\"GROUPS\"]}");

    assertThat(api.get(agent, "api/v1/contacts?q=a").status()).isEqualTo(403);
    assertThat(api.send(agent, "POST", "api/v1/contacts", "{\"lastName\":\"A\"}").status())
        .isEqualTo(403);
  }

  @Test
  void searchIgnoresAccentsAndCaseAndFindsAnyFormatOfANumber() {
    Api api = api();
    Caller admin = api.newAccount();
    api.send(admin, "POST", "api/v1/contacts", ÉLODIE);
    api.send(
        admin,
        "POST",
        "api/v1/contacts",
        "{\"lastName\":\"Lefebvre\",\"firstName\":\"Marc\",\"mobile\":\"0699999999\"}");

    assertThat(names(api, admin, "elodie")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "LEFEVRE")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "coeur")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "élodie lefèvre")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "exemple.fr")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "lef")).containsExactly("Lefebvre", "Lefèvre");
    assertThat(names(api, admin, "06 12 34 56 78")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "+33612345678")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "0033 1 23 45 67 89")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "3456")).containsExactly("Lefèvre");
    assertThat(names(api, admin, "0699")).containsExactly("Lefebvre");
    assertThat(names(api, admin, "100%")).isEmpty();
    assertThat(api.get(admin, "api/v1/contacts").array()).hasSize(2);
  }

  @Test
  void lookupIdentifiesANumberInAnyFormatTheAgentsPrivateContactFirst() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller marie = agent(api, admin, "marie", "agent");
    Caller paul = agent(api, admin, "paul", "agent");
    api.send(admin, "POST", "api/v1/contacts", ÉLODIE);
    api.send(
        marie,
        "POST",
        "api/v1/contacts",
        "{\"lastName\":\"Lefèvre (perso)\",\"home\":\"+33 6 12 34 56 78\"}");

    for (String number :
        new String[] {"0612345678", "+33612345678", "0033%206%2012%2034%2056%2078"}) {
      assertThat(lookup(api, marie, number).getString("lastName")).isEqualTo("Lefèvre (perso)");
      assertThat(lookup(api, paul, number).getString("lastName")).isEqualTo("Lefèvre");
    }
    assertThat(lookup(api, paul, "01.23.45.67.89").getString("lastName")).isEqualTo("Lefèvre");
    assertThat(api.get(paul, "api/v1/contacts/lookup?number=0699999999").status()).isEqualTo(404);
    assertThat(api.get(paul, "api/v1/contacts/lookup?number=abc").status()).isEqualTo(404);
    assertThat(api.get(paul, "api/v1/contacts/lookup").object().getString("field"))
        .isEqualTo("number");
  }

  @Test
  void importIsAllOrNothingUnlessTheValidRowsAreAskedFor() {
    Api api = api();
    Caller admin = api.newAccount();
    byte[] file = IMPORT_WITH_ONE_BAD_ROW.getBytes(Charset.forName("windows-1252"));

    Reply refused = importCsv(admin, "", file);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.object().getInt("imported")).isZero();
    JsonObject rejection = refused.object().getJsonArray("rejected").getJsonObject(0);
    assertThat(rejection.getInt("line")).isEqualTo(4);
    assertThat(rejection.getString("field")).isEqualTo("mobile");
    assertThat(rejection.getString("message")).contains("too short");
    assertThat(api.get(admin, "api/v1/contacts").array()).isEmpty();

    Reply imported = importCsv(admin, "?validOnly=true", file);

    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.object().getInt("imported")).isEqualTo(3);
    assertThat(imported.object().getJsonArray("rejected")).hasSize(1);
    assertThat(names(api, admin, "aurelie")).containsExactly("Durand");
    JsonObject garage = lookup(api, admin, "+33472000003");
    assertThat(garage.getString("company")).isEqualTo("Garage du Centre; Lyon");
    assertThat(garage.getString("visibility")).isEqualTo("PUBLIC");
  }

  @Test
  void aRowRefusedAfterSeveralStoredBatchesStillImportsNothing() {
    Api api = api();
    Caller admin = api.newAccount();
    StringBuilder csv = new StringBuilder("Nom;Mobile\n");
    for (int i = 0; i < 2500; i++) {
      csv.append("Nom").append(i).append(";06").append(String.format("%08d", i)).append('\n');
    }
    csv.append("Roux;06 00\n");

    Reply refused = importCsv(admin, "", utf8(csv.toString()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.object().getInt("rows")).isEqualTo(2501);
    assertThat(refused.object().getInt("imported")).isZero();
    assertThat(api.get(admin, "api/v1/contacts?q=nom").array()).isEmpty();
  }

  @Test
  void theManualsColumnNamesImport() {
    Api api = api();
    Caller admin = api.newAccount();

    Reply imported =
        importCsv(
            admin,
            "",
            utf8(
                "Nom;Prénom;Société;Mail;Num. bureau;Mobile;Num. domicile;Num. autre;Catégorie;"
                    + "Données d'appel;Adresse;Description\n"
                    + "Durand;Aurélie;ACME;a@acme.fr;01 23 45 67 89;;04 78 00 00 00;;Client;;"
                    + "Lyon;\n"));

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(lookup(api, admin, "0478000000").getString("home")).isEqualTo("04 78 00 00 00");
  }

  @Test
  void aSecondImportWhileTheFirstRunsAnswers409() throws Exception {
    Caller admin = null;
    StringBuilder csv = new StringBuilder("Nom;Mobile;Bureau\n");
    for (int i = 0; i < 60_000; i++) {
      csv.append("Nom")
          .append(i)
          .append(";06")
          .append(String.format("%08d", i))
          .append(";01 23 45 67 89\n");
    }
    byte[] large = utf8(csv.toString());

    // Whichever takes the account's import first, the other is refused: a probe during the large
    // import, or the large import during a probe. A machine quick enough to finish the large one
    // before any probe starts gets another try.
    int conflicts = 0;
    for (int attempt = 0; attempt < 5 && conflicts == 0; attempt++) {
      Caller owner = api().newAccount();
      admin = owner;
      var first =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> importCsv(owner, "", large));
      while (!first.isDone()) {
        Reply probe = importCsv(owner, "", utf8("Nom\n"));
        if (probe.status() == 409) {
          conflicts++;
          assertThat(probe.object().getString("error")).isEqualTo("conflict");
        }
      }
      Reply big = first.get();
      if (big.status() == 409) {
        conflicts++;
      } else {
        assertThat(big.status()).as(big.body()).isEqualTo(200);
      }
    }

    assertThat(conflicts).as("an import met the running one").isPositive();
    assertThat(importCsv(admin, "", utf8("Nom\nDurand\n")).status()).isEqualTo(200);
  }

  @Test
  void anUnknownColumnImportsNothingAndNamesTheColumn() {
    Caller admin = api().newAccount();

    Reply refused = importCsv(admin, "?validOnly=true", utf8("Nom;Fax\nDurand;0100000000\n"));

    assertThat(refused.status()).isEqualTo(422);
    JsonObject rejection = refused.object().getJsonArray("rejected").getJsonObject(0);
    assertThat(rejection.getInt("line")).isEqualTo(1);
    assertThat(rejection.getString("field")).isEqualTo("Fax");
    assertThat(rejection.getString("reason")).isEqualTo("UNKNOWN_COLUMN");
  }

  @Test
  void exportedFileImportsBackIntoAnotherAccount() {
    Api api = api();
    Caller first = api.newAccount();
    Caller second = api.newAccount();
    importCsv(first, "?validOnly=true", utf8(IMPORT_WITH_ONE_BAD_ROW));
    api.send(first, "POST", "api/v1/contacts", ÉLODIE);

    HttpResponse<byte[]> export = raw(first, "GET", "api/v1/contacts/export", null, null);
    Reply imported = importCsv(second, "", export.body());

    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String csv = new String(export.body(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFlastName;firstName;company;email;office;mobile;");
    assertThat(csv).contains("\"Garage du Centre; Lyon\"", "Cœur & Fils");
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.object().getInt("imported")).isEqualTo(4);
    assertThat(lookup(api, second, "0612345678").getString("firstName")).isEqualTo("Élodie");
  }

  @Test
  void anotherAccountsContactsAnswer404() {
    Api api = api();
    Caller first = api.newAccount();
    Caller second = api.newAccount();
    long id = api.send(first, "POST", "api/v1/contacts", ÉLODIE).object().getInt("id");

    assertThat(api.get(second, "api/v1/contacts/" + id).status()).isEqualTo(404);
    assertThat(api.send(second, "PUT", "api/v1/contacts/" + id, "{\"lastName\":\"X\"}").status())
        .isEqualTo(404);
    assertThat(api.send(second, "DELETE", "api/v1/contacts/" + id, null).status()).isEqualTo(404);
    assertThat(api.get(second, "api/v1/contacts/lookup?number=0612345678").status()).isEqualTo(404);
    assertThat(api.get(second, "api/v1/contacts?q=elodie").array()).isEmpty();
    assertThat(
            new String(
                raw(second, "GET", "api/v1/contacts/export", null, null).body(),
                StandardCharsets.UTF_8))
        .doesNotContain("Lefèvre");
    assertThat(api.get(first, "api/v1/contacts/" + id).status()).isEqualTo(200);
  }

  @Test
  void badFieldsAnswer400NamingTheFieldAndOnlyAdminsImportAndExport() {
    Api api = api();
    Caller admin = api.newAccount();
    Caller agent = agent(api, admin, "marie", "agent");

    assertField(
        api.send(admin, "POST", "api/v1/contacts", "{\"lastName\":\"A\",\"mobile\":\"12\"}"),
        "mobile");
    assertField(api.send(admin, "POST", "api/v1/contacts", "{\"firstName\":\"Jean\"}"), "lastName");
    assertField(
        api.send(admin, "POST", "api/v1/contacts", "{\"lastName\":\"A\",\"email\":\"a-at-b\"}"),
        "email");
    assertField(
        api.send(admin, "POST", "api/v1/contacts", "{\"lastName\":\"" + "x".repeat(129) + "\"}"),
        "lastName");
    assertField(
        api.send(admin, "POST", "api/v1/contacts", "{\"lastName\":\"A\",\"office\":42}"), "office");
    assertField(
        api.send(
            admin, "POST", "api/v1/contacts", "{\"lastName\":\"A\",\"visibility\":\"SECRET\"}"),
        "visibility");
    assertField(api.send(admin, "POST", "api/v1/contacts", "[1]"), "body");
    assertField(api.send(admin, "POST", "api/v1/contacts", "{\"lastName\":"), "body");
    assertField(api.get(admin, "api/v1/contacts?max=100000"), "max");
    assertThat(api.get(admin, "api/v1/contacts/abc").status()).isEqualTo(404);

    assertThat(importCsv(agent, "", utf8("Nom\nA\n")).status()).isEqualTo(403);
    assertThat(raw(agent, "GET", "api/v1/contacts/export", null, null).statusCode()).isEqualTo(403);
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.object().getString("field")).isEqualTo(field);
  }

  private static Caller agent(Api api, Caller admin, String login, String role) {
    Reply reply =
        api.send(
            admin,
            "POST",
            "api/v1/agents",
            "{\"login\":\""
                + login
                + "\",\"name\":\""
                + login
                + "\",\"password\":\"password-of-"
                + login
                + "\",\"role\":\""
                + role
                + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return new Caller(login + "@" + admin.account(), "password-of-" + login);
  }

  private static java.util.List<String> names(Api api, Caller caller, String query) {
    Reply reply =
        api.get(caller, "api/v1/contacts?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.array().stream().map(v -> v.asJsonObject().getString("lastName")).toList();
  }

  private static JsonObject lookup(Api api, Caller caller, String number) {
    Reply reply = api.get(caller, "api/v1/contacts/lookup?number=" + number.replace("+", "%2B"));
    assertThat(reply.status()).as(number + ": " + reply.body()).isEqualTo(200);
    return reply.object();
  }

  private Reply importCsv(Caller caller, String query, byte[] csv) {
    HttpResponse<byte[]> response =
        raw(caller, "POST", "api/v1/contacts/import" + query, "text/csv", csv);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
    return new Reply(
        response.statusCode(),
        body,
        json ? Json.createReader(new StringReader(body)).read() : null);
  }

  private HttpResponse<byte[]> raw(
      Caller caller, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Authorization", caller.authorization());
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
