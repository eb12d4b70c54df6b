package org.relais.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Times the directory's CSV import (SPEC E3) on a running Relais: creates an account, generates a
 * file of French contacts as Excel saves it (Windows-1252, ';', quoted addresses with line breaks),
 * posts it to {@code /api/v1/contacts/import}, then checks a lookup and the export.
 *
 * <p>Usage: {@code java -jar directory-import.jar <base-url> <operator-password> [rows]}
 */
public final class DirectoryImport {

  private static final String[] LAST_NAMES = {
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "García", "Roux", "Fournier", "Girard"
  };
  private static final String[] FIRST_NAMES = {
    "Élodie", "Hélène", "Jérôme", "François", "Aurélie", "Cédric", "Zoé", "Noël", "Anaïs", "Loïc"
  };
  private static final String[] CATEGORIES = {"Client", "Prospect", "Fournisseur", "Partenaire"};

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  private DirectoryImport(String base) {
    this.base = base.endsWith("/") ? base : base + "/";
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: java -jar directory-import.jar <base-url> <operator-password> [rows]");
      System.exit(2);
    }
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    new DirectoryImport(args[0]).run(args[1], rows);
  }

  private void run(String operatorPassword, int rows) throws Exception {
    String account = "dir" + UUID.randomUUID().toString().substring(0, 8);
    String admin = "admin@" + account;
    HttpResponse<String> created =
        send("operator", operatorPassword, "POST", "api/v1/accounts", "application/json",
            ("{\"name\":\"" + account + "\",\"admin\":{\"login\":\"admin\","
                + "\"password\":\"bench-admin-password\"}}").getBytes(StandardCharsets.UTF_8));
    expect(201, created);

    byte[] file = csv(rows);
    System.out.printf("account %s: importing %,d rows (%,d bytes, Windows-1252, ';')%n",
        account, rows, file.length);
    long start = System.nanoTime();
    HttpResponse<String> imported =
        send(admin, "bench-admin-password", "POST", "api/v1/contacts/import", "text/csv", file);
    double seconds = (System.nanoTime() - start) / 1e9;
    expect(200, imported);
    String summary = imported.body().length() > 200
        ? imported.body().substring(0, 200) + "…" : imported.body();
    System.out.printf("imported in %.2f s (%,.0f rows/s): %s%n", seconds, rows / seconds, summary);

    String number = "06" + String.format("%08d", rows / 2);
    long lookupStart = System.nanoTime();
    HttpResponse<String> found =
        send(admin, "bench-admin-password", "GET", "api/v1/contacts/lookup?number=%2B33" + number.substring(1),
            null, null);
    expect(200, found);
    System.out.printf("lookup of %s: %.1f ms%n", number, (System.nanoTime() - lookupStart) / 1e6);

    long exportStart = System.nanoTime();
    HttpResponse<String> export =
        send(admin, "bench-admin-password", "GET", "api/v1/contacts/export", null, null);
    expect(200, export);
    System.out.printf("export: %,d lines in %.2f s%n",
        export.body().lines().count(), (System.nanoTime() - exportStart) / 1e9);
  }

  /** Rows of French contacts; every mobile number is distinct, so lookups find exactly one. */
  private static byte[] csv(int rows) {
    StringBuilder text = new StringBuilder(rows * 160);
    text.append("Nom;Prénom;Société;E-mail;Tél. bureau;Portable;Catégorie;Adresse;Description\r\n");
    for (int i = 0; i < rows; i++) {
      String last = LAST_NAMES[i % LAST_NAMES.length];
      String first = FIRST_NAMES[(i / LAST_NAMES.length) % FIRST_NAMES.length];
      text.append(last).append(';')
          .append(first).append(';')
          .append("Société ").append(i % 997).append(';')
          .append("contact").append(i).append("@exemple.fr;")
          .append("01 ").append(String.format("%02d %02d %02d %02d",
              (i / 1_000_000) % 100 + 40, (i / 10_000) % 100, (i / 100) % 100, i % 100))
          .append(';')
          .append("06 ").append(String.format("%02d %02d %02d %02d",
              (i / 1_000_000) % 100, (i / 10_000) % 100, (i / 100) % 100, i % 100))
          .append(';')
          .append(CATEGORIES[i % CATEGORIES.length]).append(';')
          .append('"').append(i % 200 + 1).append(" rue de l'Église\r\n69002 Lyon\";")
          .append("Fiche n° ").append(i).append("\r\n");
    }
    return text.toString().getBytes(Charset.forName("windows-1252"));
  }

  private HttpResponse<String> send(String user, String password, String method, String path,
      String contentType, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException("expected HTTP " + status + ", got " + response.statusCode()
          + ": " + response.body());
    }
  }
}
