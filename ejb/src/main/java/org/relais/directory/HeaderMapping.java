package org.relais.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an account's admin said the CSV headers that the import does not recognise hold (SPEC B10):
 * a contact field, or nothing (the column is skipped). Headers are kept as compared ({@link
 * ContactField#headerKey}).
 */
public record HeaderMapping(Map<String, ContactField> fields, Set<String> skipped) {

  public static final HeaderMapping NONE = new HeaderMapping(Map.of(), Set.of());

  public HeaderMapping {
    fields = Map.copyOf(fields);
    skipped = Set.copyOf(skipped);
  }

  static HeaderMapping of(Collection<ImportColumn> columns) {
    Map<String, ContactField> fields = new HashMap<>();
    Set<String> skipped = new HashSet<>();
    for (ImportColumn c : columns) {
      if (c.getField() == null) {
        skipped.add(c.getHeader());
      } else {
        fields.put(c.getHeader(), c.getField());
      }
    }
    return new HeaderMapping(fields, skipped);
  }

  /** The field a header cell holds: a name the import knows, else the admin's choice. */
  Optional<ContactField> fieldOf(String cell) {
    return ContactField.ofHeader(cell)
        .or(() -> Optional.ofNullable(fields.get(ContactField.headerKey(cell))));
  }

  boolean skips(String cell) {
    return skipped.contains(ContactField.headerKey(cell));
  }
}
