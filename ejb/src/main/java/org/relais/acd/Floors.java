package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.relais.call.Call;
import org.relais.call.CallStatus;
import org.relais.call.TimeRange;
import org.relais.presence.AgentPresence;

/**
 * The {@link Floor} of each account, built from the database at its first use. A floor changes with
 * the transaction that changes the rows; if that transaction rolls back, the floor's memory is
 * wrong: it is dropped, and the next use rebuilds it.
 */
final class Floors {

  private final Map<Long, Floor> byAccount = new HashMap<>();
  private final EntityManager em;
  private final EngineTransaction transaction;
  private final LongFunction<TimeRange> today;
  private final EngineClock clock;

  /**
   * @param today the account's current day, for the calls each agent answered today
   */
  Floors(
      EntityManager em,
      EngineTransaction transaction,
      LongFunction<TimeRange> today,
      EngineClock clock) {
    this.em = em;
    this.transaction = transaction;
    this.today = today;
    this.clock = clock;
  }

  /**
   * The account's floor, which this transaction may change; built afresh at the account's midnight,
   * so that the fewest-calls strategy counts the new day's calls.
   */
  Floor of(long accountId) {
    Floor floor;
    synchronized (byAccount) {
      floor = byAccount.get(accountId);
    }
    if (floor == null || !floor.lasts(clock.now())) {
      floor = rebuild(accountId, today.apply(accountId));
      synchronized (byAccount) {
        byAccount.put(accountId, floor);
      }
    }
    transaction.kept(
        "relais.floor." + accountId,
        () -> {
          transaction.afterRollback(() -> forget(accountId));
          return Boolean.TRUE;
        });
    return floor;
  }

  /** The account's floor if it is built: only to guess ahead, never to change it. */
  Optional<Floor> built(long accountId) {
    synchronized (byAccount) {
      return Optional.ofNullable(byAccount.get(accountId));
    }
  }

  /** Forgets every floor: the next use of each rebuilds it from the database. */
  void forgetAll() {
    synchronized (byAccount) {
      byAccount.clear();
    }
  }

  /**
   * The agent's calls answered since the start of the account's day. A call is answered within
   * hours of its arrival: looking no further back than the day before keeps the read to the agent's
   * recent calls (its index by arrival), whatever the agent's history.
   */
  int answeredToday(AgentPresence presence) {
    return answeredSince(presence, of(presence.getAccountId()).day().from());
  }

  private int answeredSince(AgentPresence presence, OffsetDateTime since) {
    return em.createQuery(
            "SELECT COUNT(c) FROM Call c WHERE c.agent.id = :agent AND c.arrivedAt >= :dayBefore"
                + " AND c.answeredAt >= :since",
            Long.class)
        .setParameter("agent", presence.getAgentId())
        .setParameter("dayBefore", since.minusDays(1))
        .setParameter("since", since)
        .getSingleResult()
        .intValue();
  }

  private void forget(long accountId) {
    synchronized (byAccount) {
      byAccount.remove(accountId);
    }
  }

  private Floor rebuild(long accountId, TimeRange day) {
    Floor floor = new Floor(day);
    for (AgentPresence p :
        em.createQuery(
                "SELECT p FROM AgentPresence p WHERE p.accountId = :account", AgentPresence.class)
            .setParameter("account", accountId)
            .getResultList()) {
      floor.join(p, p.getAgent());
      floor.callsToday(p.getAgentId(), answeredSince(p, day.from()));
    }
    for (Call call :
        em.createQuery(
                "SELECT c FROM Call c WHERE c.account.id = :account AND c.status = :queued",
                Call.class)
            .setParameter("account", accountId)
            .setParameter("queued", CallStatus.QUEUED)
            .getResultList()) {
      floor.enqueue(call, call.getGroup());
    }
    return floor;
  }
}
