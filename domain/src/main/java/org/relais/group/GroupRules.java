package org.relais.group;

import org.relais.InvalidFieldException;

/**
 * What a group sets apart from how the engine handles its calls (SPEC E2, E5): the supervisors'
 * service level target and the opening hours, checked as one value.
 *
 * @param serviceLevelSeconds a call answered after at most this many seconds in queue is answered
 *     in time
 * @param openingHours week-day windows as {@link OpeningHours} reads them; empty for always open
 * @param holidays closed days, as {@link OpeningHours} reads them
 * @param callbackWhenClosed whether a call that comes while the group is closed goes to the group's
 *     callback list, to be called back by its agents, rather than only hearing the closed message
 */
public record GroupRules(
    int serviceLevelSeconds, String openingHours, String holidays, boolean callbackWhenClosed) {

  /**
   * The usual target, a call answered within 20 seconds in queue is answered in time; always open.
   */
  public static final GroupRules DEFAULT = new GroupRules(20, "", "", false);

  public GroupRules {
    if (serviceLevelSeconds < 1 || serviceLevelSeconds > GroupSettings.MAX_SECONDS) {
      throw new InvalidFieldException(
          "serviceLevelSeconds", "between 1 and " + GroupSettings.MAX_SECONDS);
    }
    openingHours = openingHours == null ? "" : openingHours.strip();
    holidays = holidays == null ? "" : holidays.strip();
    if (openingHours.length() > 512) {
      throw new InvalidFieldException("openingHours", "at most 512 characters");
    }
    if (holidays.length() > 2048) {
      throw new InvalidFieldException("holidays", "at most 2048 characters");
    }
    OpeningHours.parse(openingHours, holidays);
  }

  public OpeningHours hours() {
    return OpeningHours.parse(openingHours, holidays);
  }
}
