package org.relais.desk;

import java.time.OffsetDateTime;
import java.util.List;
import org.relais.desk.DeskQueries.GroupLine;
import org.relais.presence.Activity;
import org.relais.presence.Availability;

/**
 * The agent's desk as committed (SPEC B1-B3, C): its state, the running timer's deadline, the call
 * in its hands, the qualifications it may choose among after that call, and its groups with their
 * queues. The banner renders it and {@code GET /api/v1/me} answers it, so both always say the same.
 * A disconnected agent has no activity, no call and no qualifications. Its phone says whether the
 * switch can ring it (SPEC F2): an agent whose phone is not registered is offered no call.
 */
public record Desk(
    String login,
    Availability availability,
    Activity activity,
    OffsetDateTime since,
    OffsetDateTime deadline,
    DeskCall call,
    List<String> qualifications,
    List<GroupLine> groups,
    Phone phone) {

  /** The agent's phone as the switch knows it. */
  public record Phone(boolean registered) {}

  public Desk {
    qualifications = List.copyOf(qualifications);
    groups = List.copyOf(groups);
  }
}
