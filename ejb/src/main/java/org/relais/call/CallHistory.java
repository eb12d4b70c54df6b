package org.relais.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.directory.Directory;

/**
 * Reads the account's call history (SPEC B6, E6): the agent's own calls for the banner and the API,
 * the account's calls for reports. Every method is scoped to one account; a filter naming another
 * account's group or agent simply matches nothing.
 *
 * <p>Durations of a call still in progress run up to now: a call ringing or talking shows the time
 * it has waited or talked so far, the same figures the statistics count.
 */
@ApplicationScoped
public class CallHistory {

  /** Rows read at once when a whole history is written out (CSV). */
  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;
  @Inject Directory directory;
  @Inject RecordingArchive recordings;

  /** One call as history and reports show it; durations in whole seconds. */
  public record HistoryLine(
      String id,
      OffsetDateTime time,
      CallDirection direction,
      String number,
      String contact,
      String group,
      String agent,
      String agentName,
      long waited,
      long talked,
      String qualification,
      CallOutcome outcome,
      CallStatus status,
      OffsetDateTime answeredAt,
      OffsetDateTime endedAt,
      long held,
      String transferredTo,
      List<RecordingArchive.RecordingLine> recordings) {}

  /**
   * Which calls a history or a report reads: every criterion but the range is optional (null). The
   * agent is a login, the group a name as the call recorded it (a deleted group's calls keep it).
   */
  public record CallFilter(
      TimeRange range, String group, String agent, CallDirection direction, CallOutcome outcome) {

    /** One agent's calls over a range (the history module). */
    public static CallFilter of(Agent agent, TimeRange range) {
      return new CallFilter(range, null, agent.getLogin(), null, null);
    }
  }

  /** The account's call with this id; another account's call is as missing as an unknown one. */
  public Call get(Account account, String id) {
    Call call;
    try {
      call = em.find(Call.class, Long.parseLong(id));
    } catch (NumberFormatException e) {
      call = null;
    }
    if (call == null || !call.getAccount().getId().equals(account.getId())) {
      throw new NoSuchEntityException("call");
    }
    return call;
  }

  /** How many calls match the filter. */
  public long count(Account account, CallFilter filter) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(account, filter, parameters);
    TypedQuery<Long> query = em.createQuery("SELECT COUNT(c) FROM Call c" + where, Long.class);
    parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** One page of the matching calls, newest first, named from the public directory. */
  public List<HistoryLine> lines(Account account, CallFilter filter, int first, int max) {
    return read(account, null, filter, first, max, true);
  }

  /**
   * One page of the matching calls, newest first, as the agent sees them in its history module
   * (SPEC B6), which its profile must have: named from the public directory and from the agent's
   * private contacts.
   */
  public List<HistoryLine> lines(
      Account account, Agent viewer, CallFilter filter, int first, int max) {
    viewer.requireModule(BannerModule.HISTORY);
    return read(account, viewer, filter, first, max, true);
  }

  /**
   * Every matching call, oldest first, read a chunk at a time so that a long report never sits in
   * memory whole; calls arriving meanwhile come last and shift nothing.
   */
  public void each(Account account, CallFilter filter, Consumer<HistoryLine> sink) {
    for (int first = 0; ; first += CHUNK) {
      List<HistoryLine> chunk = read(account, null, filter, first, CHUNK, false);
      chunk.forEach(sink);
      if (chunk.size() < CHUNK) {
        return;
      }
    }
  }

  private List<HistoryLine> read(
      Account account, Agent viewer, CallFilter filter, int first, int max, boolean newestFirst) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(account, filter, parameters);
    String order = newestFirst ? " DESC" : " ASC";
    TypedQuery<Call> query =
        em.createQuery(
            "SELECT c FROM Call c LEFT JOIN FETCH c.agent"
                + where
                + " ORDER BY c.arrivedAt"
                + order
                + ", c.id"
                + order,
            Call.class);
    parameters.forEach(query::setParameter);
    List<Call> calls = query.setFirstResult(first).setMaxResults(max).getResultList();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, String> names =
        directory.names(account, viewer, calls.stream().map(Call::customerNumber).toList());
    Map<Long, List<RecordingArchive.RecordingLine>> recorded =
        viewer == null || viewer.hasModule(BannerModule.RECORDING)
            ? recordings.ofCalls(calls)
            : Map.of();
    List<HistoryLine> lines = new ArrayList<>(calls.size());
    for (Call c : calls) {
      lines.add(
          line(c, names.get(c.customerNumber()), now, recorded.getOrDefault(c.getId(), List.of())));
    }
    return lines;
  }

  private static HistoryLine line(
      Call c, String contact, OffsetDateTime now, List<RecordingArchive.RecordingLine> recordings) {
    Agent agent = c.getAgent();
    return new HistoryLine(
        c.getId().toString(),
        c.getArrivedAt(),
        c.getDirection(),
        c.customerNumber(),
        contact,
        c.getGroupName(),
        agent == null ? null : agent.getLogin(),
        agent == null ? null : agent.getName(),
        c.waitSeconds(now),
        c.talkSeconds(now),
        c.getQualification(),
        c.getOutcome(),
        c.getStatus(),
        c.getAnsweredAt(),
        c.getEndedAt(),
        c.holdSeconds(now),
        c.getTransferredTo(),
        recordings);
  }

  private static String where(Account account, CallFilter filter, Map<String, Object> parameters) {
    StringBuilder where = new StringBuilder(" WHERE c.account.id = :account");
    parameters.put("account", account.getId());
    if (filter.range() != null) {
      where.append(" AND c.arrivedAt >= :from AND c.arrivedAt < :to");
      parameters.put("from", filter.range().from());
      parameters.put("to", filter.range().to());
    }
    if (filter.group() != null) {
      where.append(" AND c.groupName = :group");
      parameters.put("group", filter.group());
    }
    if (filter.agent() != null) {
      where.append(" AND c.agent.login = :agent");
      parameters.put("agent", filter.agent());
    }
    if (filter.direction() != null) {
      where.append(" AND c.direction = :direction");
      parameters.put("direction", filter.direction());
    }
    if (filter.outcome() != null) {
      where.append(" AND c.outcome = :outcome");
      parameters.put("outcome", filter.outcome());
    }
    return where.toString();
  }

  /** The agent's latest outbound call, whose outcome the click-to-dial module shows (SPEC B9). */
  public Optional<Call> lastOutbound(Agent agent) {
    return em.createQuery(
            "SELECT c FROM Call c WHERE c.agent = :agent AND c.direction = :outbound"
                + " ORDER BY c.arrivedAt DESC, c.id DESC",
            Call.class)
        .setParameter("agent", agent)
        .setParameter("outbound", CallDirection.OUTBOUND)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
