package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.ZonedDateTime;
import java.util.function.BiConsumer;
import org.relais.account.Account;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.group.OpeningHours;
import org.relais.group.QueueGroup;
import org.relais.telephony.Switch;

/**
 * The group's rules a call meets before it queues (SPEC E2): outside the opening hours, read in the
 * account's time zone, the call is turned away (the switch plays the closed message and hangs up)
 * and recorded as {@code CLOSED}.
 */
final class QueueRules {

  private final EntityManager em;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final SwitchNames names;
  private final EngineClock clock;

  QueueRules(
      EntityManager em,
      EngineTransaction transaction,
      Switch phoneSwitch,
      SwitchNames names,
      EngineClock clock) {
    this.em = em;
    this.transaction = transaction;
    this.phoneSwitch = phoneSwitch;
    this.names = names;
    this.clock = clock;
  }

  /**
   * Whether the group turns the new call away; if so the call has ended, announced by {@code end}.
   */
  boolean turnsAway(Call call, QueueGroup group, BiConsumer<Call, CallOutcome> end) {
    OpeningHours hours = group.openingHours();
    if (hours.isAlwaysOpen()) {
      return false;
    }
    ZonedDateTime now =
        clock.now().atZoneSameInstant(em.find(Account.class, call.getAccountId()).getTimeZone());
    if (hours.isOpen(now)) {
      return false;
    }
    end.accept(call, CallOutcome.CLOSED);
    String account = names.accountName(call.getAccountId());
    long callId = call.getId();
    transaction.afterCommit(() -> phoneSwitch.hangUp(account, callId));
    return true;
  }
}
