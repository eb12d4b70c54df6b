package org.relais.web.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.relais.InvalidFieldException;

/**
 * Reads a JSON request body field by field, so that a missing field, a wrong type or an oversized
 * value answers 400 with the field's name instead of a generic parse error. Nested fields are named
 * with dots and indexes ({@code groups[1].level}).
 */
public final class JsonInput {

  private final JsonObject body;
  private final String prefix;

  private JsonInput(JsonObject body, String prefix) {
    this.body = body;
    this.prefix = prefix;
  }

  public static JsonInput of(JsonValue body) {
    if (!(body instanceof JsonObject object)) {
      throw new InvalidFieldException("body", "a JSON object");
    }
    return new JsonInput(object, "");
  }

  /** A nested object, whose fields are named {@code field.x} in errors. */
  public JsonInput object(String field) {
    if (!(body.get(field) instanceof JsonObject object)) {
      throw invalid(field, "an object");
    }
    return new JsonInput(object, prefix + field + ".");
  }

  public boolean has(String field) {
    return body.containsKey(field) && body.get(field).getValueType() != JsonValue.ValueType.NULL;
  }

  public String string(String field, int maxLength) {
    String value = optionalString(field, maxLength);
    if (value == null || value.isBlank()) {
      throw invalid(field, "a non-empty string");
    }
    return value;
  }

  public String optionalString(String field, int maxLength) {
    if (!has(field)) {
      return null;
    }
    if (!(body.get(field) instanceof JsonString s)) {
      throw invalid(field, "a string");
    }
    if (s.getString().length() > maxLength) {
      throw invalid(field, "at most " + maxLength + " characters");
    }
    return s.getString();
  }

  public int integer(String field, int defaultValue) {
    if (!has(field)) {
      return defaultValue;
    }
    if (!(body.get(field) instanceof JsonNumber n) || !n.isIntegral()) {
      throw invalid(field, "a whole number");
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(field, "a whole number");
    }
  }

  public double decimal(String field, double defaultValue) {
    if (!has(field)) {
      return defaultValue;
    }
    if (!(body.get(field) instanceof JsonNumber n)) {
      throw invalid(field, "a number");
    }
    return n.doubleValue();
  }

  public boolean bool(String field, boolean defaultValue) {
    if (!has(field)) {
      return defaultValue;
    }
    JsonValue v = body.get(field);
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    throw invalid(field, "true or false");
  }

  /** A list of strings, or {@code defaultValue} when absent. */
  public List<String> strings(
      String field, int maxItems, int maxLength, List<String> defaultValue) {
    return list(
        field,
        maxItems,
        defaultValue,
        (item, name) -> {
          if (!(item instanceof JsonString s)) {
            throw new InvalidFieldException(name, "a string");
          }
          if (s.getString().length() > maxLength) {
            throw new InvalidFieldException(name, "at most " + maxLength + " characters");
          }
          return s.getString();
        });
  }

  /** A list of objects, each read with its own {@link JsonInput}, or {@code defaultValue}. */
  public <T> List<T> objects(
      String field,
      int maxItems,
      List<T> defaultValue,
      java.util.function.Function<JsonInput, T> reader) {
    return list(
        field,
        maxItems,
        defaultValue,
        (item, name) -> {
          if (!(item instanceof JsonObject o)) {
            throw new InvalidFieldException(name, "an object");
          }
          return reader.apply(new JsonInput(o, name + "."));
        });
  }

  private <T> List<T> list(
      String field, int maxItems, List<T> defaultValue, BiFunction<JsonValue, String, T> reader) {
    if (!has(field)) {
      return defaultValue;
    }
    if (!(body.get(field) instanceof JsonArray array)) {
      throw invalid(field, "a list");
    }
    if (array.size() > maxItems) {
      throw invalid(field, "at most " + maxItems + " items");
    }
    List<T> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      values.add(reader.apply(array.get(i), prefix + field + "[" + i + "]"));
    }
    return values;
  }

  private InvalidFieldException invalid(String field, String expected) {
    return new InvalidFieldException(prefix + field, expected);
  }
}
