package org.relais.dialer;

import java.util.ArrayList;
import java.util.List;
import org.relais.InvalidFieldException;
import org.relais.group.QueueGroup;

/**
 * What an admin sets on a campaign (SPEC E4): its group, mode, caller ID, recycling rules, calling
 * hours and limits, and whether it runs. The limits may go beyond the legal defaults: the console
 * warns, the campaign decides.
 */
public record CampaignDraft(
    QueueGroup group,
    DialMode mode,
    String callerId,
    Recycling recycling,
    CallingHours callingHours,
    int maxAttempts30Days,
    double maxAbandonRate,
    boolean active) {

  public CampaignDraft {
    if (group == null) {
      throw new InvalidFieldException("group", "the name of one of the account's groups");
    }
    if (mode == null) {
      throw new InvalidFieldException("mode", "one of MANUAL, PREVIEW, AUTOMATIC, PREDICTIVE");
    }
    if (maxAttempts30Days < 1 || maxAttempts30Days > 100) {
      throw new InvalidFieldException("maxAttempts30Days", "between 1 and 100");
    }
    if (!(maxAbandonRate >= 0 && maxAbandonRate <= 1)) {
      throw new InvalidFieldException("maxAbandonRate", "between 0 and 1");
    }
    callerId = callerId == null || callerId.isBlank() ? null : callerId.strip();
  }

  /**
   * The fields set beyond the French legal defaults (Code de la consommation D.223-9): {@code
   * callingHours} when they call outside Monday to Friday 10:00-13:00 and 14:00-20:00, {@code
   * maxAttempts30Days} above 4. The campaign may go beyond; the console warns.
   */
  public List<String> beyondLegalDefaults() {
    List<String> fields = new ArrayList<>();
    if (!callingHours.within(CallingHours.FRENCH_DEFAULT)) {
      fields.add("callingHours");
    }
    if (maxAttempts30Days > DialRules.DEFAULT_MAX_ATTEMPTS) {
      fields.add("maxAttempts30Days");
    }
    return fields;
  }

  /** The same settings, running or not: how a campaign is started, paused and stopped. */
  public CampaignDraft withActive(boolean running) {
    return new CampaignDraft(
        group, mode, callerId, recycling, callingHours, maxAttempts30Days, maxAbandonRate, running);
  }

  /** A new campaign of the group: the legal defaults, manual, running. */
  public static CampaignDraft of(QueueGroup group) {
    return new CampaignDraft(
        group,
        DialMode.MANUAL,
        null,
        Recycling.DEFAULTS,
        CallingHours.FRENCH_DEFAULT,
        DialRules.DEFAULT_MAX_ATTEMPTS,
        0.03,
        true);
  }
}
