package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberedTest {

  private record Row(long id, String name) {}

  private final Map<Long, Row> table = new HashMap<>();
  private final List<String> lookUps = new ArrayList<>();
  private final Remembered<String, Row> byName =
      new Remembered<>(
          table::get,
          (name, row) -> row.name().equals(name),
          name -> {
            lookUps.add(name);
            return table.values().stream()
                .filter(row -> row.name().equals(name))
                .findFirst()
                .orElseThrow();
          },
          Row::id);

  @Test
  void aNameSeenBeforeIsFoundByItsIdWithoutALookUp() {
    table.put(1L, new Row(1, "Sales"));

    byName.get("Sales");
    Row again = byName.get("Sales");

    assertThat(again.id()).isEqualTo(1);
    assertThat(lookUps).containsExactly("Sales");
    assertThat(byName.knownId("Sales")).contains(1L);
  }

  @Test
  void aRowRenamedSinceIsLookedUpAfresh() {
    table.put(1L, new Row(1, "Sales"));
    byName.get("Sales");
    table.put(1L, new Row(1, "Support"));
    table.put(2L, new Row(2, "Sales"));

    assertThat(byName.get("Sales").id()).isEqualTo(2);
    assertThat(lookUps).containsExactly("Sales", "Sales");
  }

  @Test
  void aNameNeverSeenIsNotKnown() {
    assertThat(byName.knownId("Sales")).isEmpty();
  }
}
