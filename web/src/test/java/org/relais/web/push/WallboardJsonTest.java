package org.relais.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.presence.Activity;
import org.relais.presence.Availability;
import org.relais.supervision.AgentCounts;
import org.relais.supervision.DayCurve.Slot;
import org.relais.supervision.DayFigures;
import org.relais.supervision.SupervisionQueries.AgentDay;
import org.relais.supervision.SupervisionQueries.AgentLine;
import org.relais.supervision.SupervisionQueries.Board;
import org.relais.supervision.SupervisionQueries.CurrentCall;
import org.relais.supervision.SupervisionQueries.GroupLine;
import org.relais.supervision.Thresholds;

class WallboardJsonTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 3, 2, 8, 20, 0, 0, ZoneOffset.UTC);

  private final WallboardJson json = new WallboardJson(JsonProvider.provider());

  private JsonObject message(Board board) {
    String text = json.of(board, Thresholds.defaults(), ZoneId.of("Europe/Paris"), "the-pass");
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void eachGroupsFiguresCarryTheirSignalAgainstTheThresholds() {
    GroupLine support =
        new GroupLine(
            "Support",
            20,
            2,
            75,
            new AgentCounts(1, 2, 0, 1, 4),
            new DayFigures(10, 8, 2, 0.75, 0.2, 12, 180));

    JsonObject group =
        message(new Board(NOW, List.of(support), List.of(), List.of()))
            .getJsonArray("groups")
            .getJsonObject(0);

    assertThat(group.getString("name")).isEqualTo("Support");
    assertThat(group.getJsonObject("agents").getInt("busy")).isEqualTo(2);
    assertThat(group.getJsonObject("today").getInt("abandoned")).isEqualTo(2);
    JsonObject signals = group.getJsonObject("signals");
    assertThat(signals.getString("serviceLevel")).isEqualTo("AMBER");
    assertThat(signals.getString("abandonRate")).isEqualTo("RED");
    assertThat(signals.getString("longestWait")).isEqualTo("RED");
    assertThat(signals.getString("averageWait")).isEqualTo("GREEN");
  }

  @Test
  void instantsAreMillisecondsAndTheCurveIsLabelledInTheAccountsZone() {
    AgentLine alice =
        new AgentLine(
            "alice",
            "Alice",
            List.of("Support"),
            List.of("Support"),
            Availability.AVAILABLE,
            Activity.TALKING,
            NOW.minusSeconds(30),
            new CurrentCall("5", "0600000001", "Support", NOW.minusSeconds(25)),
            new AgentDay(3, 1, 140));
    AgentLine bob =
        new AgentLine(
            "bob",
            "Bob",
            List.of(),
            List.of(),
            Availability.DISCONNECTED,
            null,
            null,
            null,
            new AgentDay(0, 0, 0));
    List<Slot> curve =
        List.of(
            new Slot(NOW.minusMinutes(20), 4, 3, 1, 2.0 / 3),
            new Slot(NOW.minusMinutes(5), 0, 0, 0, null));

    JsonObject message = message(new Board(NOW, List.of(), List.of(alice, bob), curve));

    assertThat(message.getJsonNumber("at").longValue()).isEqualTo(NOW.toInstant().toEpochMilli());
    assertThat(message.getString("pass")).isEqualTo("the-pass");
    JsonObject first = message.getJsonArray("agents").getJsonObject(0);
    assertThat(first.getJsonObject("call").getJsonNumber("since").longValue())
        .isEqualTo(NOW.minusSeconds(25).toInstant().toEpochMilli());
    assertThat(first.getJsonObject("today").getInt("handle")).isEqualTo(140);
    JsonObject second = message.getJsonArray("agents").getJsonObject(1);
    assertThat(second.isNull("activity")).isTrue();
    assertThat(second.isNull("call")).isTrue();
    JsonObject chart = message.getJsonObject("curve");
    assertThat(chart.getJsonArray("labels").getString(0)).isEqualTo("09:00");
    assertThat(chart.getJsonArray("offered").getInt(0)).isEqualTo(4);
    assertThat(chart.getJsonArray("serviceLevel").getJsonNumber(0).doubleValue()).isEqualTo(66.7);
    assertThat(chart.getJsonArray("serviceLevel").isNull(1)).isTrue();
  }
}
