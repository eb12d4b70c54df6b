package org.relais.directory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.relais.platform.CsvCells;

/**
 * The directory's CSV file format (SPEC E3), as spreadsheets write it: the separator ({@code ;} as
 * French Excel writes it, {@code ,} or tab) is the one the header line uses; the text is UTF-8,
 * with or without a byte-order mark, or else Windows-1252; quoted fields may hold separators and
 * line breaks. The header names the columns, in French or English, in any case and with or without
 * accents ({@code Nom}, {@code Prénom}, {@code Num. bureau}, {@code lastName}, {@code Mobile}…, see
 * {@link ContactField}), or as the account's admin mapped them ({@link HeaderMapping}); missing
 * columns are empty. Rows are checked as contacts are, and every problem is reported with the
 * physical line where its row starts. Export writes UTF-8 with a byte-order mark and {@code ;},
 * with the English header that import reads back. Cells a spreadsheet would run as formulas are
 * quoted on export and unquoted on import ({@link CsvCells}), so that an export imports back as it
 * was; phone numbers in their own characters ({@code +33 6...}) are written as they are.
 */
public final class ContactCsv {

  /** The column of the visibility, which an import only accepts empty or public. */
  public static final String VISIBILITY = "visibility";

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final char BOM = '\uFEFF';
  private static final Set<String> VISIBILITY_NAMES =
      Set.of("visibility", "visibilite", "visibilidad");
  private static final Set<String> PUBLIC_WORDS =
      Set.of("public", "publique", "publico", "publica", "publiques");

  private ContactCsv() {}

  /** The rows of a file that make valid contacts, and why the others (or the file) were refused. */
  public record Parsed(
      List<Row> rows, List<Rejection> rejected, int rejectedRows, boolean readable) {

    /** Rows the file holds, valid or not. */
    public int total() {
      return rows.size() + rejectedRows;
    }
  }

  /** A valid row, checked, and the line where it starts. */
  public record Row(int line, ContactDetails.Checked contact) {

    public ContactDetails details() {
      return contact.details();
    }
  }

  /**
   * Reads a whole file. A file-level problem (no header, an unknown or repeated column, a quote
   * left open) makes it unreadable: no row is kept.
   *
   * @param maxListed the largest number of rejections listed (all rejected rows are counted)
   */
  public static Parsed read(
      byte[] file, PhoneNumbers numbers, int maxListed, HeaderMapping mapping) {
    String text = text(file);
    if (text.lines().findFirst().orElse("").isBlank()) {
      return unreadable(new Rejection(1, null, "NO_HEADER", "the file has no header line"));
    }
    CSVFormat format = format(text);
    List<Row> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    int rejectedRows = 0;
    long lineCount = 0;
    try (CSVParser parser = format.parse(new StringReader(text))) {
      var records = parser.iterator();
      Columns columns = null;
      while (true) {
        int line = (int) lineCount + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          return unreadable(
              new Rejection(
                  line,
                  null,
                  "MALFORMED",
                  "a quoted field is never closed, or a quote is misplaced"));
        }
        lineCount = parser.getCurrentLineNumber();
        if (columns == null) {
          columns = new Columns();
          List<Rejection> headerProblems = header(record, columns, mapping);
          if (!headerProblems.isEmpty()) {
            return unreadable(headerProblems.toArray(Rejection[]::new));
          }
          continue;
        }
        if (isBlank(record)) {
          continue;
        }
        List<Rejection> problems = new ArrayList<>(0);
        ContactDetails details = row(record, columns, line, problems);
        ContactDetails.Checked checked = null;
        if (details != null) {
          checked = details.check(numbers);
          checked.problems().forEach(p -> problems.add(Rejection.of(line, p)));
        }
        if (problems.isEmpty()) {
          rows.add(new Row(line, checked));
        } else {
          rejectedRows++;
          for (Rejection p : problems) {
            if (rejected.size() < maxListed) {
              rejected.add(p);
            }
          }
        }
      }
      if (columns == null) {
        return unreadable(new Rejection(1, null, "NO_HEADER", "the file has no header line"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Parsed(rows, rejected, rejectedRows, true);
  }

  /**
   * Writes the header in UTF-8, then one line per contact, numbers as they were typed: the one
   * export writer of the API and the console.
   */
  public static Printer writer(OutputStream output) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
    out.write(BOM);
    CSVPrinter printer =
        CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get().print(out);
    printer.printRecord(ContactField.apiNames());
    return new Printer(printer);
  }

  /** Prints contacts under the header {@link #writer} wrote. */
  public static final class Printer {
    private final CSVPrinter printer;

    private Printer(CSVPrinter printer) {
      this.printer = printer;
    }

    public void print(Contact contact) throws IOException {
      ContactDetails details = contact.details();
      printer.printRecord(
          Arrays.stream(ContactField.values())
              .map(
                  f ->
                      f.isPhone()
                          ? CsvCells.phone(details.value(f))
                          : CsvCells.text(details.value(f)))
              .toList());
    }

    public void flush() throws IOException {
      printer.flush();
    }
  }

  /**
   * The header cells of a file that name no field the import knows and that the mapping neither
   * maps nor skips, as the file writes them: what the console asks the admin about.
   */
  public static List<String> unknownHeaders(byte[] file, HeaderMapping mapping) {
    String text = text(file);
    try (CSVParser parser = format(text).parse(new StringReader(text))) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        return List.of();
      }
      List<String> unknown = new ArrayList<>();
      for (String cell : records.next()) {
        String key = ContactField.headerKey(cell);
        if (!key.isEmpty()
            && !VISIBILITY_NAMES.contains(key)
            && mapping.fieldOf(cell).isEmpty()
            && !mapping.skips(cell)
            && !unknown.contains(cell.strip())) {
          unknown.add(cell.strip());
        }
      }
      return unknown;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return List.of();
    }
  }

  /** The file's text, without its byte-order mark. */
  private static String text(byte[] file) {
    String text = decode(file);
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }

  /** The CSV format of a file: the separator its header line uses. */
  private static CSVFormat format(String text) {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(separatorOf(text.lines().findFirst().orElse("")))
        .setIgnoreEmptyLines(false)
        .setIgnoreSurroundingSpaces(false)
        .get();
  }

  /** UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what Excel saves as "CSV"). */
  static String decode(byte[] file) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(file))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(file, WINDOWS_1252);
    }
  }

  /** The separator the header line uses most, outside quotes: {@code ;}, {@code ,} or tab. */
  static char separatorOf(String headerLine) {
    int semicolons = 0;
    int commas = 0;
    int tabs = 0;
    boolean quoted = false;
    for (char c : headerLine.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        switch (c) {
          case ';' -> semicolons++;
          case ',' -> commas++;
          case '\t' -> tabs++;
          default -> {}
        }
      }
    }
    if (tabs > semicolons && tabs > commas) {
      return '\t';
    }
    return commas > semicolons ? ',' : ';';
  }

  /**
   * What each column of a file holds: a contact field, the visibility, or nothing (an empty header
   * cell).
   */
  private static final class Columns {
    final List<ContactField> fields = new ArrayList<>();
    final Set<Integer> skipped = new HashSet<>();
    int visibility = -1;

    int size() {
      return fields.size();
    }
  }

  /** Maps each header cell to a field (null for an empty trailing cell); lists what is wrong. */
  private static List<Rejection> header(CSVRecord record, Columns columns, HeaderMapping mapping) {
    List<Rejection> problems = new ArrayList<>();
    for (String cell : record) {
      String key = ContactField.headerKey(cell);
      Optional<ContactField> field = mapping.fieldOf(cell);
      if (key.isEmpty()) {
        columns.fields.add(null);
      } else if (VISIBILITY_NAMES.contains(key)) {
        columns.visibility = columns.size();
        columns.fields.add(null);
      } else if (field.isEmpty() && mapping.skips(cell)) {
        columns.skipped.add(columns.size());
        columns.fields.add(null);
      } else if (field.isEmpty()) {
        problems.add(
            new Rejection(
                1, cell.strip(), "UNKNOWN_COLUMN", "unknown column '" + cell.strip() + "'"));
        columns.fields.add(null);
      } else {
        if (columns.fields.contains(field.get())) {
          String name = field.get().apiName();
          problems.add(
              new Rejection(
                  1,
                  name,
                  "DUPLICATE_COLUMN",
                  "two columns hold " + name + " ('" + cell.strip() + "')"));
        }
        columns.fields.add(field.get());
      }
    }
    return problems;
  }

  /** The details of one record, or null when its shape is wrong (reported in problems). */
  private static ContactDetails row(
      CSVRecord record, Columns columns, int line, List<Rejection> problems) {
    Map<ContactField, String> values = new EnumMap<>(ContactField.class);
    for (int i = 0; i < record.size(); i++) {
      String value = record.get(i);
      ContactField field = i < columns.size() ? columns.fields.get(i) : null;
      if (i == columns.visibility) {
        if (!value.isBlank() && !PUBLIC_WORDS.contains(ContactDetails.fold(value.strip()))) {
          problems.add(
              new Rejection(line, VISIBILITY, "ONLY_PUBLIC", "imported contacts are public"));
        }
      } else if (field != null) {
        values.put(field, CsvCells.read(value));
      } else if (!value.isBlank() && !columns.skipped.contains(i)) {
        problems.add(
            new Rejection(
                line,
                null,
                "EXTRA_VALUES",
                "more values (" + record.size() + ") than columns (" + columns.size() + ")"));
        return null;
      }
    }
    return ContactDetails.of(values::get);
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Parsed unreadable(Rejection... problems) {
    return new Parsed(List.of(), List.of(problems), 0, false);
  }
}
