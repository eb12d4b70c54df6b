package org.relais.dialer;

import java.util.Locale;

/** The rule that refuses a call to a contact now (API: 409 with the rule's name as error). */
public enum DialRefusal {
  /** Outside the campaign's calling hours, or a public holiday, in the callee's zone. */
  OUTSIDE_CALLING_HOURS,
  /** The number is on the do-not-call list. */
  DNC,
  /** The callee refused to be called again less than 60 days ago ({@link Refusal}). */
  REFUSED_RECENTLY,
  /** The number has had its attempts of the last 30 days. */
  MAX_ATTEMPTS,
  /** Another agent reserved the contact. */
  RESERVED;

  /** The name the API and the banner use: {@code outside_calling_hours}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
