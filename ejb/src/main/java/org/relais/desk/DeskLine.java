package org.relais.desk;

import java.time.OffsetDateTime;
import org.relais.call.Call;
import org.relais.call.LineState;

/**
 * One of the agent's lines as the desk shows it (SPEC B12, API: {@code GET /api/v1/me/lines}):
 * {@code number} is the customer's, or whom a consult call went to; {@code since} starts the line's
 * timer: since it went on hold, else since it was answered, else since it rings.
 */
public record DeskLine(
    String id, String number, String direction, LineState state, OffsetDateTime since) {

  public static DeskLine of(Call line) {
    LineState state = line.lineState();
    OffsetDateTime since =
        state == LineState.HELD
            ? line.getHeldSince()
            : line.getAnsweredAt() != null ? line.getAnsweredAt() : line.getArrivedAt();
    return new DeskLine(
        line.getId().toString(), line.customerNumber(), line.getDirection().name(), state, since);
  }
}
