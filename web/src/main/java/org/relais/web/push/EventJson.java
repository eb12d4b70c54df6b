package org.relais.web.push;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.relais.acd.AcdEvent;

/**
 * An event as the API writes it (docs/API.md, Events): its {@code type}, then its fields in the
 * order the event declares them. The internal account and agent ids stay inside (agents are named
 * by login), ids are strings as the API answers them everywhere, and absent values are left out.
 * Written in one pass: the stream writes every event of every account.
 */
final class EventJson {

  private static final Set<String> INTERNAL = Set.of("accountId", "agentId");
  private static final Set<String> IDS =
      Set.of("callId", "contactId", "continuedAs", "recordingId");

  /** Each event's fields as the API shows them, found once per kind of event. */
  private static final ClassValue<List<RecordComponent>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
          return Arrays.stream(type.getRecordComponents())
              .filter(field -> !INTERNAL.contains(field.getName()))
              .toList();
        }
      };

  private final JsonProvider json;

  EventJson(JsonProvider json) {
    this.json = json;
  }

  String of(AcdEvent event) {
    StringWriter out = new StringWriter(192);
    try (JsonGenerator generator = json.createGenerator(out)) {
      generator.writeStartObject().write("type", event.type());
      for (RecordComponent field : FIELDS.get(event.getClass())) {
        write(generator, field.getName(), valueOf(field, event));
      }
      generator.writeEnd();
    }
    return out.toString();
  }

  private static void write(JsonGenerator generator, String name, Object value) {
    if (value == null) {
      return;
    }
    if (IDS.contains(name)) {
      generator.write(name, value.toString());
    } else if (value instanceof Long number) {
      generator.write(name, number);
    } else if (value instanceof Boolean flag) {
      generator.write(name, flag);
    } else if (value instanceof String text) {
      generator.write(name, text);
    } else if (value instanceof Enum<?> constant) {
      generator.write(name, constant.name());
    } else if (value instanceof OffsetDateTime at) {
      generator.write(name, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
    } else {
      throw new IllegalArgumentException(
          "no JSON form for " + name + " of type " + value.getClass().getName());
    }
  }

  private static Object valueOf(RecordComponent field, AcdEvent event) {
    try {
      return field.getAccessor().invoke(event);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + field.getName() + " of " + event, e);
    }
  }
}
