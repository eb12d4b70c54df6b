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
 * A disconnected agent has no activity, no call and no qualifications.
 */
public record Desk(
    String login,
    Availability availability,
    Activity activity,
    OffsetDateTime since,
    OffsetDateTime deadline,
    DeskCall call,
    List<String> qualifications,
    List<GroupLine> groups) {

  public Desk {
    qualifications = List.copyOf(qualifications);
    groups = List.copyOf(groups);
  }
}
