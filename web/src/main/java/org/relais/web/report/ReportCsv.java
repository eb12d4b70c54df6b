package org.relais.web.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.relais.call.CallHistory.HistoryLine;
import org.relais.platform.CsvCells;
import org.relais.presence.StateHistory.StateLine;

/**
 * The CSV files of the reports (SPEC E6), for the admin console's export button and the API alike:
 * UTF-8 with a byte-order mark and ';' between fields, which is what spreadsheets in French (and
 * most European) settings open without an import dialog. Times are in the account's zone, durations
 * in whole seconds. Column keys are stable; the console puts labels in the user's language. Text
 * cells that a spreadsheet would run as a formula are quoted ({@link CsvCells}); the caller's
 * number is data and stays as it is.
 */
public final class ReportCsv {

  public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

  /** The calls report's columns, in order. */
  public static final List<String> CALL_COLUMNS =
      List.of(
          "time",
          "direction",
          "number",
          "contact",
          "group",
          "agent",
          "agentName",
          "waited",
          "talked",
          "qualification",
          "outcome",
          "status",
          "held",
          "transferredTo");

  /** The agent-states report's columns, in order. */
  public static final List<String> STATE_COLUMNS =
      List.of("time", "agent", "agentName", "availability", "activity", "seconds", "callId");

  /** The columns that hold a phone number (a transfer may name an agent or a group instead). */
  private static final Set<String> PHONE_COLUMNS = Set.of("number", "transferredTo");

  private static final char BOM = '\uFEFF';

  private ReportCsv() {}

  /** Writes the calls that {@code source} hands, one row each. */
  public static void calls(
      OutputStream out,
      ZoneId zone,
      Function<String, String> header,
      Consumer<Consumer<HistoryLine>> source) {
    write(
        out,
        CALL_COLUMNS,
        header,
        printer ->
            source.accept(
                c ->
                    row(
                        printer,
                        CALL_COLUMNS,
                        time(c.time(), zone),
                        c.direction(),
                        c.number(),
                        c.contact(),
                        c.group(),
                        c.agent(),
                        c.agentName(),
                        c.waited(),
                        c.talked(),
                        c.qualification(),
                        c.outcome(),
                        c.status(),
                        c.held(),
                        c.transferredTo())));
  }

  /** Writes the agent states that {@code source} hands, one row each. */
  public static void states(
      OutputStream out,
      ZoneId zone,
      Function<String, String> header,
      Consumer<Consumer<StateLine>> source) {
    write(
        out,
        STATE_COLUMNS,
        header,
        printer ->
            source.accept(
                s ->
                    row(
                        printer,
                        STATE_COLUMNS,
                        time(s.time(), zone),
                        s.agent(),
                        s.agentName(),
                        s.availability(),
                        s.activity(),
                        s.seconds(),
                        s.callId())));
  }

  private static void write(
      OutputStream out,
      List<String> columns,
      Function<String, String> header,
      Consumer<CSVPrinter> rows) {
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write(BOM);
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(';')
              .setHeader(columns.stream().map(header).toArray(String[]::new))
              .get();
      CSVPrinter printer = new CSVPrinter(writer, format);
      rows.accept(printer);
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints one row, each text cell as {@link CsvCells} makes it safe in a spreadsheet. */
  private static void row(CSVPrinter printer, List<String> columns, Object... values) {
    Object[] cells = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      cells[i] =
          !(values[i] instanceof String text)
              ? values[i]
              : PHONE_COLUMNS.contains(columns.get(i)) ? CsvCells.phone(text) : CsvCells.text(text);
    }
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String time(OffsetDateTime time, ZoneId zone) {
    return time == null
        ? null
        : time.atZoneSameInstant(zone)
            .toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
