package org.relais.operations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One meaningful event for the operators' logs (a call arrived, an agent connected, ...) with its
 * fields: written {@code call offered account=acme call=12 agent=alice} in plain text, and each
 * field under its own key by {@link JsonLineFormatter}. Phone numbers are {@link #masked} before
 * they get here: no log holds a full number.
 */
public record LogLine(String event, Map<String, Object> fields) {

  private static final Logger LOG = Logger.getLogger("org.relais.operations");

  private static final int TYPED_MAX = 64;
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d{6,}");

  public LogLine {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** An event and its fields as name, value pairs; null values are left out. */
  public static LogLine of(String event, Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return new LogLine(event, fields);
  }

  /** Logs the line at INFO; nothing is built when INFO is off. */
  public void log() {
    if (LOG.isLoggable(Level.INFO)) {
      LogRecord record = new LogRecord(Level.INFO, text());
      record.setLoggerName(LOG.getName());
      record.setParameters(new Object[] {this});
      LOG.log(record);
    }
  }

  /** The plain-text line: the event, then {@code name=value}, values quoted where they need it. */
  public String text() {
    List<String> parts = new ArrayList<>();
    parts.add(event);
    fields.forEach((name, value) -> parts.add(name + "=" + plain(String.valueOf(value))));
    return String.join(" ", parts);
  }

  /**
   * A phone number reduced to its last 4 digits, enough to tell calls apart in a log and not enough
   * to call anyone back: {@code 0612345678} is {@code ****5678}.
   */
  public static String masked(String number) {
    if (number == null) {
      return null;
    }
    String digits = number.replaceAll("\\D", "");
    return "****" + (digits.length() > 4 ? digits.substring(digits.length() - 4) : "");
  }

  /**
   * Text a client typed (a login as it came) fit for a log: at most {@value #TYPED_MAX} characters,
   * nothing but letters, digits and {@code . _ - + @} (others become {@code ?}), any run of 6
   * digits or more {@link #masked}: a log never replays what a client sent, nor holds a phone
   * number.
   */
  public static String typed(String text) {
    if (text == null) {
      return null;
    }
    String cut = text.length() > TYPED_MAX ? text.substring(0, TYPED_MAX) : text;
    return DIGIT_RUN
        .matcher(cut.replaceAll("[^\\p{L}\\p{N}._+@-]", "?"))
        .replaceAll(run -> masked(run.group()));
  }

  /** A value on one line, quoted if it holds a space, a quote or an equals sign. */
  private static String plain(String value) {
    String oneLine = value.replaceAll("\\p{Cntrl}", " ");
    if (oneLine.isEmpty() || oneLine.matches(".*[\\s\"=].*")) {
      return '"' + oneLine.replace("\"", "\\\"") + '"';
    }
    return oneLine;
  }
}
