package org.relais.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.relais.call.CallDirection;
import org.relais.call.CallHistory.HistoryLine;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.presence.Activity;
import org.relais.presence.Availability;
import org.relais.presence.StateHistory.StateLine;

class ReportCsvTest {

  private static final OffsetDateTime TIME =
      OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void aContactNamedLikeAFormulaIsQuotedAndTheCallersNumberIsNot() {
    HistoryLine call =
        new HistoryLine(
            "c1",
            TIME,
            CallDirection.INBOUND,
            "+33612345678",
            "=HYPERLINK(\"http://evil\",\"clic\")",
            "Commercial",
            "agent1",
            "@agent",
            12,
            34,
            "-Vente",
            CallOutcome.ANSWERED,
            CallStatus.ENDED,
            TIME,
            TIME,
            5,
            "=agent2",
            List.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ReportCsv.calls(out, ZoneId.of("UTC"), Function.identity(), rows -> rows.accept(call));

    String row = out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
    assertThat(row)
        .isEqualTo(
            "2025-03-01T09:00:00Z;INBOUND;+33612345678;"
                + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"clic\"\")\";Commercial;agent1;'@agent;"
                + "12;34;'-Vente;ANSWERED;ENDED;5;'=agent2");
  }

  @Test
  void anAgentNamedLikeAFormulaIsQuotedInTheStatesReport() {
    StateLine state =
        new StateLine(
            "s1", TIME, "agent1", "+cmd", Availability.AVAILABLE, Activity.IDLE, null, 5L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ReportCsv.states(out, ZoneId.of("UTC"), Function.identity(), rows -> rows.accept(state));

    assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("2025-03-01T09:00:00Z;agent1;'+cmd;AVAILABLE;IDLE;5;");
  }
}
