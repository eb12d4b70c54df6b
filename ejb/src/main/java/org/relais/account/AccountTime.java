package org.relais.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.relais.call.HistoryPeriod;
import org.relais.call.TimeRange;

/**
 * The account's calendar: its time zone, now and today there, from the application's one clock.
 * Whatever counts days (the banner's and the API's "today", history periods, reports, the
 * fewest-calls strategy) asks here, so that an agent's "today" is the same everywhere and follows
 * the account's setting rather than the server's zone.
 */
@ApplicationScoped
public class AccountTime {

  @Inject Clock clock;
  @Inject KnownAccounts accounts;

  /**
   * The zone of the account's calendar, as last saved: read from the accounts known to the
   * application rather than from the copy the caller holds, which may predate a change.
   */
  public ZoneId zone(Account account) {
    return zone(account.getId());
  }

  public ZoneId zone(long accountId) {
    return accounts.withId(accountId).getTimeZone();
  }

  /** Now, in the account's calendar: what periods are computed from. */
  public ZonedDateTime now(Account account) {
    return ZonedDateTime.now(clock.withZone(zone(account)));
  }

  /** The account's current day, from its midnight to the next. */
  public TimeRange today(Account account) {
    return today(account.getId());
  }

  public TimeRange today(long accountId) {
    return HistoryPeriod.TODAY.around(ZonedDateTime.now(clock.withZone(zone(accountId))));
  }
}
