package org.relais.desk;

import java.time.OffsetDateTime;
import org.relais.call.Call;

/**
 * A call as the desk shows it: the one in the agent's hands, or the one click-to-dial just placed.
 * {@code caller} is the calling number as the switch gave it; {@code number} is the customer's,
 * whichever way the call goes.
 */
public record DeskCall(
    String id,
    String status,
    String outcome,
    String direction,
    String caller,
    String number,
    String group,
    String ivrPath,
    OffsetDateTime arrivedAt,
    long waited) {

  /** The call as the desk shows it; null for no call. */
  public static DeskCall of(Call c) {
    return c == null
        ? null
        : new DeskCall(
            c.getId().toString(),
            c.getStatus().name(),
            c.getOutcome() == null ? null : c.getOutcome().name(),
            c.getDirection().name(),
            c.getCaller(),
            c.customerNumber(),
            c.getGroupName(),
            c.getIvrPath(),
            c.getArrivedAt(),
            c.waitSeconds());
  }
}
