package org.relais.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.relais.acd.AcdEvent;
import org.relais.call.CallOutcome;
import org.relais.presence.Activity;
import org.relais.presence.Availability;

class EventJsonTest {

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 0, ZoneOffset.UTC);

  private final EventJson json = new EventJson(JsonProvider.provider());

  @Test
  void anEventIsItsTypeAndItsFieldsWithoutTheInternalIds() {
    String text =
        json.of(
            new AcdEvent.AgentState(7, AT, 42, "alice", Availability.AVAILABLE, Activity.WRAP_UP));

    assertThat(text).startsWith("{\"type\":\"AGENT_STATE\",");
    assertThat(parse(text))
        .containsOnlyKeys("type", "at", "agent", "availability", "activity")
        .containsEntry("agent", Json.createValue("alice"))
        .containsEntry("availability", Json.createValue("AVAILABLE"))
        .containsEntry("activity", Json.createValue("WRAP_UP"));
  }

  @Test
  void timesAreIsoWithTheirOffsetAndSecondsEvenWhenZero() {
    JsonObject event = parse(json.of(new AcdEvent.QueueChanged(7, AT, "Support")));

    assertThat(event.getString("at")).isEqualTo("2026-03-02T09:15:00Z");
    assertThat(OffsetDateTime.parse(event.getString("at"))).isEqualTo(AT);
  }

  @Test
  void callIdsAreStringsAndOtherNumbersNumbers() {
    JsonObject event =
        parse(json.of(new AcdEvent.CallAbandoned(7, AT, 9_007_199_254_740_993L, "Support", 42)));

    assertThat(event.getString("callId")).isEqualTo("9007199254740993");
    assertThat(event.getJsonNumber("waited").longValue()).isEqualTo(42);
  }

  @Test
  void flagsAreBooleans() {
    JsonObject event =
        parse(json.of(new AcdEvent.AgentGroup(7, AT, 42, "alice", "Support", false, true)));

    assertThat(event).containsOnlyKeys("type", "at", "agent", "group", "inbound", "outbound");
    assertThat(event.getBoolean("inbound")).isFalse();
    assertThat(event.getBoolean("outbound")).isTrue();
  }

  @Test
  void anAbsentValueIsLeftOut() {
    JsonObject event =
        parse(json.of(new AcdEvent.CallEnded(7, AT, 5, null, CallOutcome.LOST, null)));

    assertThat(event).containsOnlyKeys("type", "at", "callId", "outcome");
    assertThat(event.getString("outcome")).isEqualTo("LOST");
  }

  @Test
  void textIsEscaped() {
    JsonObject event =
        parse(json.of(new AcdEvent.CallQueued(7, AT, 5, "Après-vente \"VIP\"", "+33 6 12")));

    assertThat(event.getString("group")).isEqualTo("Après-vente \"VIP\"");
    assertThat(event.getString("caller")).isEqualTo("+33 6 12");
  }

  private static JsonObject parse(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
