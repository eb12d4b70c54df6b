package org.relais.dialer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The rules that decide whether a contact may be called now, and what becomes of it after an
 * attempt (SPEC B11; Code de la consommation D.223-9 by default): pure, the time given.
 */
public final class DialRules {

  /** The period the attempts per number are counted over. */
  public static final Duration LIMIT_PERIOD = Duration.ofDays(30);

  /** At most this many attempts per number per period, by default (the French rule). */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  private DialRules() {}

  /** What a contact becomes after an attempt: its status and when it is due again. */
  public record Next(ContactStatus status, OffsetDateTime nextAttempt) {}

  /**
   * The rule that forbids {@code agentId} to call the contact now, or null when the call may go.
   *
   * @param reservedBy the agent the contact is reserved to, or null
   * @param agentId the agent who would call, or null for the predictive dialler, which calls for no
   *     agent in particular and so leaves every reserved contact to its agent
   * @param refusedRecently whether the callee refused further calls within {@link
   *     Refusal#BLOCKED_FOR}
   * @param attempts the number's attempts within the last {@link #LIMIT_PERIOD}
   * @param localNow now, in the callee's time zone
   * @param country the callee's country (ISO code), whose public holidays are no calling days
   */
  public static DialRefusal refusal(
      Long reservedBy,
      Long agentId,
      boolean onDoNotCallList,
      boolean refusedRecently,
      int attempts,
      int maxAttempts,
      CallingHours hours,
      LocalDateTime localNow,
      String country) {
    if (onDoNotCallList) {
      return DialRefusal.DNC;
    }
    if (reservedBy != null && !reservedBy.equals(agentId)) {
      return DialRefusal.RESERVED;
    }
    if (refusedRecently) {
      return DialRefusal.REFUSED_RECENTLY;
    }
    if (attempts >= maxAttempts) {
      return DialRefusal.MAX_ATTEMPTS;
    }
    if (!hours.allows(localNow, country)) {
      return DialRefusal.OUTSIDE_CALLING_HOURS;
    }
    return null;
  }

  /**
   * What a contact becomes after an attempt: done when answered, spent when its number fails or its
   * cause's attempts are used up, else recycled after its cause's delay, and never before the
   * number may be called again within the 30-day limit.
   *
   * @param causeAttempts the contact's attempts that ended this way, this one included
   * @param limitFrees when the 30-day limit lets the number be called again, or null
   */
  public static Next afterAttempt(
      AttemptOutcome outcome,
      int causeAttempts,
      Recycling recycling,
      OffsetDateTime now,
      OffsetDateTime limitFrees) {
    if (outcome == AttemptOutcome.ANSWERED) {
      return new Next(ContactStatus.DONE, null);
    }
    RecycleRule rule = recycling.rule(outcome);
    if (rule == null || causeAttempts >= rule.maxAttempts()) {
      return new Next(ContactStatus.EXHAUSTED, null);
    }
    OffsetDateTime next = now.plusMinutes(rule.afterMinutes());
    if (limitFrees != null && limitFrees.isAfter(next)) {
      next = limitFrees;
    }
    return new Next(ContactStatus.RECYCLED, next);
  }

  /**
   * When the number may be called again under the limit of {@code max} attempts per period, given
   * its attempts within the last period (any order); null while it is under the limit.
   */
  public static OffsetDateTime limitFrees(List<OffsetDateTime> attempts, int max) {
    if (attempts.size() < max) {
      return null;
    }
    List<OffsetDateTime> sorted = attempts.stream().sorted().toList();
    return sorted.get(sorted.size() - max).plus(LIMIT_PERIOD);
  }
}
