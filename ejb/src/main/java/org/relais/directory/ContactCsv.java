package org.relais.directory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
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

  /**
   * What a read found: how many rows make valid contacts, and why the others (or the file) were
   * refused.
   */
  public record Parsed(int valid, List<Rejection> rejected, int rejectedRows, boolean readable) {

    /** Rows the file holds, valid or not. */
    public int total() {
      return valid + rejectedRows;
    }
  }

  /** A valid row, checked, and the line where it starts. */
  public record Row(int line, ContactDetails.Checked contact) {

    public ContactDetails details() {
      return contact.details();
    }
  }

  /** Where a read hands the rows, as it reads them. */
  public interface Rows {

    /**
     * @param bytesRead how far into the file the read is
     */
    void valid(Row row, long bytesRead);

    /** A row was refused (the report lists why). */
    default void rejected() {}
  }

  /**
   * Reads a file row by row, handing each valid row on as soon as it is checked, so that neither
   * the file nor its rows sit in memory. A file-level problem (no header, an unknown or repeated
   * column, a quote left open) makes it unreadable: the rows handed on before it must be dropped.
   *
   * @param maxListed the largest number of rejections listed (all rejected rows are counted)
   */
  public static Parsed read(
      CsvFile file, PhoneNumbers numbers, int maxListed, HeaderMapping mapping, Rows rows) {
    return read(file, numbers, maxListed, mapping, true, rows);
  }

  /**
   * As {@link #read(CsvFile, PhoneNumbers, int, HeaderMapping, Rows)}, where rows may leave the
   * name out when {@code nameRequired} is false (a list of numbers to call).
   */
  public static Parsed read(
      CsvFile file,
      PhoneNumbers numbers,
      int maxListed,
      HeaderMapping mapping,
      boolean nameRequired,
      Rows rows) {
    List<Rejection> rejected = new ArrayList<>();
    int valid = 0;
    int rejectedRows = 0;
    long lineCount = 0;
    try {
      Charset charset = charsetOf(file);
      String headerLine;
      try (BufferedReader reader = reader(file.open(), charset)) {
        headerLine = reader.readLine();
      }
      if (headerLine == null || headerLine.isBlank()) {
        return unreadable(new Rejection(1, null, "NO_HEADER", "the file has no header line"));
      }
      try (CountingStream in = new CountingStream(file.open());
          CSVParser parser = format(headerLine).parse(reader(in, charset))) {
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
            checked.problems().stream()
                .filter(p -> nameRequired || p.reason() != ContactProblem.Reason.REQUIRED)
                .forEach(p -> problems.add(Rejection.of(line, p)));
          }
          if (problems.isEmpty()) {
            valid++;
            rows.valid(new Row(line, checked), in.count);
          } else {
            rejectedRows++;
            rows.rejected();
            for (Rejection p : problems) {
              if (rejected.size() < maxListed) {
                rejected.add(p);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Parsed(valid, rejected, rejectedRows, true);
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
  public static List<String> unknownHeaders(CsvFile file, HeaderMapping mapping) {
    try (BufferedReader reader = reader(file.open(), charsetOf(file))) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        return List.of();
      }
      List<String> unknown = new ArrayList<>();
      try (CSVParser parser = format(headerLine).parse(new StringReader(headerLine))) {
        for (CSVRecord record : parser) {
          for (String cell : record) {
            String key = ContactField.headerKey(cell);
            if (!key.isEmpty()
                && !VISIBILITY_NAMES.contains(key)
                && mapping.fieldOf(cell).isEmpty()
                && !mapping.skips(cell)
                && !unknown.contains(cell.strip())) {
              unknown.add(cell.strip());
            }
          }
        }
      }
      return unknown;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return List.of();
    }
  }

  /** The CSV format of a file: the separator its header line uses. */
  private static CSVFormat format(String headerLine) {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(separatorOf(headerLine))
        .setIgnoreEmptyLines(false)
        .setIgnoreSurroundingSpaces(false)
        .get();
  }

  /** The file's text from its start, without its byte-order mark. */
  private static BufferedReader reader(InputStream in, Charset charset) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    reader.mark(1);
    if (reader.read() != BOM) {
      reader.reset();
    }
    return reader;
  }

  /**
   * UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what Excel saves as "CSV"): a first read
   * of the whole file, which keeps nothing of it.
   */
  static Charset charsetOf(CsvFile file) throws IOException {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader reader = new InputStreamReader(file.open(), utf8)) {
      char[] buffer = new char[1 << 16];
      while (reader.read(buffer) >= 0) {
        // only whether every byte decodes matters
      }
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return WINDOWS_1252;
    }
  }

  /** An input stream that counts the bytes read through it, for the progress of a read. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
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
    return new Parsed(0, List.of(problems), 0, false);
  }
}
