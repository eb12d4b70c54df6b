package org.relais.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relais.account.Account;
import org.relais.directory.ContactCsv.Parsed;
import org.relais.directory.ContactCsv.Row;

class ContactCsvTest {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private final PhoneNumbers france = PhoneNumbers.of("FR");

  @Test
  void frenchExcelFileInWindows1252WithSemicolonsAndFrenchHeaders() {
    String csv =
        "Nom;Prénom;Société;E-mail;Tél. bureau;Portable;Domicile;Autre;Catégorie;Données d'appel;"
            + "Adresse;Description;Visibilité\r\n"
            + "Lefèvre;Élodie;Cœur & Fils;elodie@exemple.fr;01 23 45 67 89;06 12 34 56 78;;;"
            + "Client;VIP;12 rue de l'Église, Lyon;Préfère le matin;Public\r\n";

    Read parsed = read(csv.getBytes(WINDOWS_1252));

    assertThat(parsed.rejected()).isEmpty();
    assertThat(parsed.rows()).hasSize(1);
    ContactDetails d = parsed.rows().get(0).details();
    assertThat(d.lastName()).isEqualTo("Lefèvre");
    assertThat(d.firstName()).isEqualTo("Élodie");
    assertThat(d.company()).isEqualTo("Cœur & Fils");
    assertThat(d.office()).isEqualTo("01 23 45 67 89");
    assertThat(d.mobile()).isEqualTo("06 12 34 56 78");
    assertThat(d.category()).isEqualTo("Client");
    assertThat(d.callData()).isEqualTo("VIP");
    assertThat(d.address()).isEqualTo("12 rue de l'Église, Lyon");
    assertThat(d.description()).isEqualTo("Préfère le matin");
  }

  @Test
  void theManualsOwnColumnNamesAreAccepted() {
    String csv =
        "Nom;Prénom;Société;Mail;Num. bureau;Mobile;Num. domicile;Num. autre;Catégorie;"
            + "Données d'appel;Adresse;Description\r\n"
            + "Durand;Aurélie;ACME;a@acme.fr;01 23 45 67 89;06 12 34 56 78;04 78 00 00 00;"
            + "09 70 00 00 00;Client;VIP;Lyon;Rappeler\r\n";

    Read parsed = read(utf8(csv));

    assertThat(parsed.rejected()).isEmpty();
    ContactDetails d = parsed.rows().get(0).details();
    assertThat(d.email()).isEqualTo("a@acme.fr");
    assertThat(d.office()).isEqualTo("01 23 45 67 89");
    assertThat(d.home()).isEqualTo("04 78 00 00 00");
    assertThat(d.other()).isEqualTo("09 70 00 00 00");
    assertThat(parsed.rows().get(0).contact().e164(ContactField.OTHER)).isEqualTo("+33970000000");
  }

  @Test
  void headersTheAdminMappedAreReadAndThoseItSkippedAreIgnored() {
    byte[] file = utf8("Nom;Portable perso;Fax\nDurand;06 12 34 56 78;01 99\n");
    HeaderMapping mapping =
        new HeaderMapping(Map.of("portableperso", ContactField.MOBILE), Set.of("fax"));

    assertThat(ContactCsv.unknownHeaders(CsvFile.of(file), HeaderMapping.NONE))
        .containsExactly("Portable perso", "Fax");
    assertThat(ContactCsv.unknownHeaders(CsvFile.of(file), mapping)).isEmpty();
    assertThat(read(file).rejected()).extracting(Rejection::reason).contains("UNKNOWN_COLUMN");

    Read parsed = read(file, mapping);
    assertThat(parsed.rejected()).isEmpty();
    assertThat(parsed.rows().get(0).details().mobile()).isEqualTo("06 12 34 56 78");
    assertThat(parsed.rows().get(0).details().office()).isNull();
  }

  @Test
  void utf8WithAndWithoutByteOrderMarkReadTheSame() {
    String csv = "nom;prenom;mobile\nDurand;Aurélie;0600000000\n";
    byte[] plain = csv.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);

    assertThat(read(plain).rows().get(0).details().firstName()).isEqualTo("Aurélie");
    assertThat(read(withBom).rows().get(0).details().firstName()).isEqualTo("Aurélie");
    assertThat(read(withBom).rejected()).isEmpty();
  }

  @Test
  void englishHeadersWithCommasInAnyOrder() {
    String csv =
        "Mobile,Last name,firstName,Company,EMAIL,callData\n"
            + "+33 6 00 00 00 01,Smith,John,\"Acme, Inc.\",john@acme.com,\"id=42\"\n";

    Read parsed = read(utf8(csv));

    assertThat(parsed.rejected()).isEmpty();
    ContactDetails d = parsed.rows().get(0).details();
    assertThat(d.lastName()).isEqualTo("Smith");
    assertThat(d.company()).isEqualTo("Acme, Inc.");
    assertThat(d.mobile()).isEqualTo("+33 6 00 00 00 01");
  }

  @Test
  void quotedFieldsHoldSeparatorsAndLineBreaksAndLinesStayPhysical() {
    String csv =
        "Nom;Adresse;Mobile\n"
            + "Martin;\"3 place Bellecour;\n69002 Lyon\";0600000001\n"
            + "\n"
            + "Bernard;\"a \"\"quoted\"\" word\";06 00 00\n";

    Read parsed = read(utf8(csv));

    assertThat(parsed.rows()).hasSize(1);
    assertThat(parsed.rows().get(0).line()).isEqualTo(2);
    assertThat(parsed.rows().get(0).details().address())
        .isEqualTo("3 place Bellecour;\n69002 Lyon");
    assertThat(parsed.rejected())
        .containsExactly(
            new Rejection(
                5,
                "mobile",
                "NUMBER_TOO_SHORT",
                "mobile: must be a phone number (this one is too short)"));
  }

  @Test
  void everyBadRowIsReportedWithItsLineFieldAndReason() {
    String csv =
        "Nom;Prénom;Société;Courriel;Mobile\r\n"
            + "Petit;Jean;;;0611111111\r\n"
            + ";Jeanne;;;0622222222\r\n"
            + "Roux;Paul;;paul-at-example;06 33\r\n"
            + ";;Garage Moderne;;abc\r\n"
            + "Blanc;"
            + "x".repeat(129)
            + ";;;\r\n";

    Read parsed = read(utf8(csv));

    assertThat(parsed.rows()).extracting(Row::line).containsExactly(2);
    assertThat(parsed.rejectedRows()).isEqualTo(4);
    assertThat(parsed.rejected())
        .extracting(r -> r.line() + " " + r.field() + " " + r.reason())
        .containsExactly(
            "3 lastName REQUIRED",
            "4 email INVALID_EMAIL",
            "4 mobile NUMBER_TOO_SHORT",
            "5 mobile NOT_A_NUMBER",
            "6 firstName TOO_LONG");
  }

  @Test
  void anUnknownColumnMakesTheWholeFileUnreadable() {
    Read parsed = read(utf8("Nom;Fax;Mobile\nDupont;0100000000;0600000000\n"));

    assertThat(parsed.readable()).isFalse();
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.rejected())
        .containsExactly(new Rejection(1, "Fax", "UNKNOWN_COLUMN", "unknown column 'Fax'"));
  }

  @Test
  void aRepeatedColumnAnUnclosedQuoteOrNoHeaderAreFileLevelErrors() {
    assertThat(read(utf8("Nom;Last name\nA;B\n")).rejected().get(0).reason())
        .isEqualTo("DUPLICATE_COLUMN");
    Read unclosed = read(utf8("Nom;Adresse\nA;\"rue\nB;C\n"));
    assertThat(unclosed.readable()).isFalse();
    assertThat(unclosed.rejected().get(0).reason()).isEqualTo("MALFORMED");
    assertThat(unclosed.rejected().get(0).line()).isEqualTo(2);
    assertThat(read(new byte[0]).rejected().get(0).reason()).isEqualTo("NO_HEADER");
  }

  @Test
  void moreValuesThanColumnsOrAPrivateVisibilityRejectTheRow() {
    Read parsed = read(utf8("Nom;Mobile;Visibilité\nA;0600000000;;extra\nB;0600000000;Privé\n"));

    assertThat(parsed.rejected())
        .extracting(r -> r.line() + " " + r.field() + " " + r.reason())
        .containsExactly("2 null EXTRA_VALUES", "3 visibility ONLY_PUBLIC");
  }

  @Test
  void exportIsUtf8WithBomAndSemicolonsAndImportsBack() throws IOException {
    Account account = new Account("demo", OffsetDateTime.now(ZoneOffset.UTC));
    Contact contact =
        new Contact(
            account,
            null,
            new ContactDetails(
                "Lefèvre",
                "Élodie",
                "Cœur; Fils",
                null,
                null,
                "06 12 34 56 78",
                null,
                null,
                null,
                null,
                "1 rue \"Haute\"\nParis",
                null),
            france,
            OffsetDateTime.now(ZoneOffset.UTC));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ContactCsv.Printer printer = ContactCsv.writer(out);
    printer.print(contact);
    printer.flush();

    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith(
            "\uFEFFlastName;firstName;company;email;office;mobile;home;other;category;callData;"
                + "address;description\r\n");
    Read back = read(utf8(csv));
    assertThat(back.rejected()).isEmpty();
    assertThat(back.rows().get(0).details()).isEqualTo(contact.details());
  }

  @Test
  void formulasAreQuotedInTheExportAndImportBackAsTheyWere() throws IOException {
    ContactDetails details =
        new ContactDetails(
            "=HYPERLINK(\"http://evil\",\"clic\")",
            "@SUM(A1)",
            "-2+3+cmd|' /C calc'!A0",
            null,
            "+33 4 78 00 00 00",
            "+33612345678",
            null,
            null,
            "'=déjà quoté",
            "+1",
            "'t Hooft",
            null);
    Contact contact =
        new Contact(
            new Account("demo", OffsetDateTime.now(ZoneOffset.UTC)),
            null,
            details,
            france,
            OffsetDateTime.now(ZoneOffset.UTC));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContactCsv.Printer printer = ContactCsv.writer(out);
    printer.print(contact);
    printer.flush();

    String row = out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
    assertThat(row)
        .isEqualTo(
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"clic\"\")\";'@SUM(A1);"
                + "'-2+3+cmd|' /C calc'!A0;;+33 4 78 00 00 00;+33612345678;;;''=déjà quoté;"
                + "'+1;'t Hooft;");
    Read back = read(out.toByteArray());
    assertThat(back.rejected()).isEmpty();
    assertThat(back.rows().get(0).details()).isEqualTo(details);
  }

  @Test
  void rowsAreHandedOnAsTheyAreReadWithHowFarTheReadIs() {
    byte[] file = utf8("Nom;Mobile\nA;0600000001\nB;06 00\nC;0600000003\n");
    List<Long> positions = new ArrayList<>();
    int[] rejected = {0};

    Parsed parsed =
        ContactCsv.read(
            CsvFile.of(file),
            france,
            1000,
            HeaderMapping.NONE,
            new ContactCsv.Rows() {
              @Override
              public void valid(Row row, long bytesRead) {
                positions.add(bytesRead);
              }

              @Override
              public void rejected() {
                rejected[0]++;
              }
            });

    assertThat(parsed.valid()).isEqualTo(2);
    assertThat(parsed.total()).isEqualTo(3);
    assertThat(rejected[0]).isEqualTo(1);
    assertThat(positions).hasSize(2).allSatisfy(p -> assertThat(p).isBetween(1L, 46L));
  }

  @Test
  void separatorIsTheOneTheHeaderUses() {
    assertThat(ContactCsv.separatorOf("Nom;Prénom;Société")).isEqualTo(';');
    assertThat(ContactCsv.separatorOf("lastName,firstName")).isEqualTo(',');
    assertThat(ContactCsv.separatorOf("\"Nom, complet\";Mobile")).isEqualTo(';');
    assertThat(ContactCsv.separatorOf("Nom\tMobile")).isEqualTo('\t');
  }

  @Test
  void aHundredThousandRowsAreAllRead() {
    StringBuilder csv = new StringBuilder("Nom;Prénom;Société;Mobile;Bureau\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append("Nom")
          .append(i)
          .append(";Prénom;Société ")
          .append(i % 100)
          .append(";06")
          .append(String.format("%08d", i))
          .append(";01 23 45 67 89\n");
    }
    Read parsed = read(utf8(csv.toString()));

    assertThat(parsed.rows()).hasSize(100_000);
  }

  /** What a read handed on and reported. */
  private record Read(List<Row> rows, Parsed parsed) {
    List<Rejection> rejected() {
      return parsed.rejected();
    }

    int rejectedRows() {
      return parsed.rejectedRows();
    }

    boolean readable() {
      return parsed.readable();
    }
  }

  private Read read(byte[] bytes) {
    return read(bytes, HeaderMapping.NONE);
  }

  private Read read(byte[] bytes, HeaderMapping mapping) {
    List<Row> rows = new ArrayList<>();
    Parsed parsed =
        ContactCsv.read(CsvFile.of(bytes), france, 1000, mapping, (row, at) -> rows.add(row));
    return new Read(rows, parsed);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
