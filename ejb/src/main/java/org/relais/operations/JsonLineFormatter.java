package org.relais.operations;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Log records as JSON lines, one object per line, for a log collector ({@code
 * RELAIS_LOG_FORMAT=json}): {@code time}, {@code level}, {@code logger}, {@code message}, the
 * fields of a {@link LogLine} under their own keys, and the stack trace of an error.
 */
public class JsonLineFormatter extends Formatter {

  /** Looked up once: {@code Json.createGenerator} searches the class path each time. */
  private final JsonProvider json = JsonProvider.provider();

  @Override
  public String format(LogRecord record) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator out = json.createGenerator(line)) {
      out.writeStartObject();
      out.write("time", record.getInstant().toString());
      out.write("level", record.getLevel().getName());
      out.write("logger", String.valueOf(record.getLoggerName()));
      if (fieldsOf(record) instanceof LogLine logLine) {
        out.write("message", logLine.event());
        logLine.fields().forEach((name, value) -> write(out, name, value));
      } else {
        out.write("message", String.valueOf(formatMessage(record)));
      }
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        out.write("error", trace.toString());
      }
      out.writeEnd();
    }
    return line.append(System.lineSeparator()).toString();
  }

  private static Object fieldsOf(LogRecord record) {
    Object[] parameters = record.getParameters();
    return parameters != null && parameters.length == 1 ? parameters[0] : null;
  }

  private static void write(JsonGenerator out, String name, Object value) {
    if (value instanceof Integer || value instanceof Long) {
      out.write(name, ((Number) value).longValue());
    } else if (value instanceof BigDecimal
        || value instanceof BigInteger
        || value instanceof Double) {
      out.write(name, new BigDecimal(value.toString()));
    } else if (value instanceof Boolean flag) {
      out.write(name, flag);
    } else {
      out.write(name, String.valueOf(value));
    }
  }
}
