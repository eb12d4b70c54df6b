package org.relais.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.relais.account.AccountNames;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvent.AgentState;
import org.relais.acd.AcdEvent.CallAbandoned;
import org.relais.acd.AcdEvent.CallAnswered;
import org.relais.acd.AcdEvent.CallDialing;
import org.relais.acd.AcdEvent.CallEnded;
import org.relais.acd.AcdEvent.CallNotAnswered;
import org.relais.acd.AcdEvent.CallOffered;
import org.relais.acd.AcdEvent.CallQueued;
import org.relais.acd.AcdEvent.DialerAttempt;
import org.relais.dialer.AttemptOutcome;
import org.relais.operations.FloorFigures.GroupKey;

/**
 * The floor's counters on {@code /metrics}, per account and group: {@code
 * relais_calls_offered_total}, {@code relais_calls_answered_total}, {@code
 * relais_calls_missed_total} (an offer not answered or refused), {@code
 * relais_calls_abandoned_total}, and the time from a call's arrival to its first offer, {@code
 * relais_calls_arrival_to_offer_seconds}; per account and outcome, the outbound engine's attempts,
 * {@code relais_dialer_attempts_total} (SPEC B11: every mode's, predictive calls dropped for want
 * of an agent as {@code DROPPED}). Counted from the committed events on the {@link OperatorsFeed}'s
 * thread, never the engine's; it also shows {@link FloorGauges} the groups and accounts that
 * appear.
 *
 * <p>Only the feed's thread calls {@link #count}: its maps need no lock.
 */
@ApplicationScoped
public class FloorCounters {

  private static final Counted OFFERED =
      new Counted("relais_calls_offered", "Calls offered to agents");
  private static final Counted ANSWERED = new Counted("relais_calls_answered", "Calls answered");
  private static final Counted MISSED =
      new Counted("relais_calls_missed", "Offers not answered in time or refused");
  private static final Counted ABANDONED =
      new Counted("relais_calls_abandoned", "Callers who hung up while waiting");

  /** A counter's name and description. */
  private record Counted(String name, String description) {}

  /** What a call in progress is remembered by: the events after its arrival do not name it. */
  private record InFlight(GroupKey group, OffsetDateTime arrived) {}

  private record Key(Counted counted, GroupKey group) {}

  private record AttemptKey(long accountId, AttemptOutcome outcome) {}

  @Inject Meters meters;
  @Inject AccountNames accounts;
  @Inject FloorGauges gauges;

  private final Map<Long, InFlight> calls = new HashMap<>();
  private final Map<Key, LongConsumer> counters = new HashMap<>();
  private final Map<GroupKey, Consumer<Duration>> latencies = new HashMap<>();
  private final Map<AttemptKey, LongConsumer> attempts = new HashMap<>();

  void count(List<AcdEvent> events) {
    for (AcdEvent event : events) {
      if (event instanceof CallQueued queued) {
        GroupKey group = new GroupKey(queued.accountId(), queued.group());
        calls.put(queued.callId(), new InFlight(group, queued.at()));
        gauges.watchQueue(group);
      } else if (event instanceof CallDialing dialing) {
        calls.put(
            dialing.callId(),
            new InFlight(new GroupKey(dialing.accountId(), dialing.group()), null));
      } else if (event instanceof CallOffered offered) {
        offered(offered);
      } else if (event instanceof CallAnswered answered) {
        count(ANSWERED, answered.accountId(), answered.callId());
      } else if (event instanceof CallNotAnswered missed) {
        count(MISSED, missed.accountId(), missed.callId());
      } else if (event instanceof CallAbandoned abandoned) {
        counter(ABANDONED, new GroupKey(abandoned.accountId(), abandoned.group())).accept(1);
        calls.remove(abandoned.callId());
      } else if (event instanceof CallEnded ended) {
        calls.remove(ended.callId());
      } else if (event instanceof DialerAttempt attempt) {
        attempted(attempt);
      } else if (event instanceof AgentState state) {
        gauges.watchAgents(state.accountId());
      }
    }
  }

  private void offered(CallOffered offered) {
    GroupKey group = new GroupKey(offered.accountId(), offered.group());
    counter(OFFERED, group).accept(1);
    InFlight call = calls.get(offered.callId());
    if (call != null && call.arrived() != null) {
      latencies
          .computeIfAbsent(
              group,
              g ->
                  meters.timer(
                      "relais_calls_arrival_to_offer",
                      "From a call's arrival to its first offer to an agent",
                      labels(g)))
          .accept(Duration.between(call.arrived(), offered.at()));
      // Only the first offer: a call offered again after a miss has waited for other reasons.
      calls.put(offered.callId(), new InFlight(call.group(), null));
    }
  }

  private void attempted(DialerAttempt attempt) {
    attempts
        .computeIfAbsent(
            new AttemptKey(attempt.accountId(), attempt.outcome()),
            key ->
                meters.counter(
                    "relais_dialer_attempts",
                    "Outbound engine attempts, by how they ended",
                    Map.of(
                        "account",
                        accounts.nameOf(key.accountId()),
                        "outcome",
                        key.outcome().name())))
        .accept(1);
  }

  /** Counted under the call's group; a call this node did not see arrive counts under none. */
  private void count(Counted counted, long accountId, long callId) {
    InFlight call = calls.get(callId);
    counter(counted, call != null ? call.group() : new GroupKey(accountId, "")).accept(1);
  }

  private LongConsumer counter(Counted counted, GroupKey group) {
    return counters.computeIfAbsent(
        new Key(counted, group),
        key -> meters.counter(counted.name(), counted.description(), labels(group)));
  }

  private Map<String, String> labels(GroupKey group) {
    return Map.of("account", accounts.nameOf(group.accountId()), "group", group.group());
  }
}
