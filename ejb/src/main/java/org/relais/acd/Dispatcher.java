package org.relais.acd;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relais.call.Call;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.routing.Router;
import org.relais.telephony.Switch;

/**
 * Offers waiting calls to eligible agents (SPEC C3, C4) whenever something may have made a pair: a
 * call queued, an agent freed. At once, or, within a batch of switch events, once at the end of the
 * batch: the offers of the whole batch then read the calls and presences they need together,
 * instead of one query each when agents free up one by one while calls wait. No offer is announced,
 * nor rung, before the commit either way.
 */
final class Dispatcher {

  private final Floors floors;
  private final BatchRead read;
  private final AgentMoves moves;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final SwitchNames names;
  private final EngineClock clock;

  /** Set once the call flow exists, which the callbacks end the queued calls through. */
  private QueuedCallbacks callbacks;

  /** During a batch, the accounts whose offers wait for its end; null outside a batch. */
  private Set<Long> atEndOfBatch;

  Dispatcher(
      Floors floors,
      BatchRead read,
      AgentMoves moves,
      EngineTransaction transaction,
      Switch phoneSwitch,
      SwitchNames names,
      EngineClock clock) {
    this.floors = floors;
    this.read = read;
    this.moves = moves;
    this.transaction = transaction;
    this.phoneSwitch = phoneSwitch;
    this.names = names;
    this.clock = clock;
  }

  /** A call whose caller asked to be called back is, when its turn comes, dialled back. */
  void callsBackThrough(QueuedCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  /** Offers the account's waiting calls to its eligible agents, now or at the end of the batch. */
  void dispatch(long accountId) {
    if (atEndOfBatch != null) {
      atEndOfBatch.add(accountId);
    } else {
      dispatchNow(accountId);
    }
  }

  /**
   * Runs the batch, holding its offers back until its end. Batches never nest: a switch command
   * that reports straight back does so after the commit.
   */
  void inBatch(Runnable batch) {
    atEndOfBatch = new LinkedHashSet<>();
    try {
      batch.run();
      atEndOfBatch.forEach(this::dispatchNow);
    } finally {
      atEndOfBatch = null;
    }
  }

  /** Offers waiting calls to eligible agents for as long as the floor finds pairs. */
  private void dispatchNow(long accountId) {
    Floor floor = floors.of(accountId);
    List<Router.Offer> offers = new ArrayList<>();
    for (Optional<Router.Offer> next = floor.nextOffer();
        next.isPresent();
        next = floor.nextOffer()) {
      offers.add(next.get());
    }
    if (offers.isEmpty()) {
      return;
    }
    read.readFor(offers);
    for (Router.Offer offer : offers) {
      Call call = read.call(offer.callId());
      AgentPresence presence = read.presence(offer.agentId());
      if (call.awaitsCallback()) {
        callbacks.dialBack(call, presence);
      } else {
        offer(call, presence);
      }
    }
  }

  /**
   * Rings the agent's phone with the call, for the group's ring timeout: a waiting call the floor
   * paired, or one sent to this agent by name (a consult call, a transfer).
   */
  void offer(Call call, AgentPresence presence) {
    QueueGroup group = call.getGroup();
    OffsetDateTime now = clock.now();
    call.offerTo(presence.getAgent(), now);
    int ringTimeout = group.ringTimeout();
    moves.transition(
        presence, AgentEvent.OFFER, Activity.RINGING, call, group, now.plusSeconds(ringTimeout));
    // The unique call_id and the presence version make the database refuse a double offer, at
    // the latest when the transaction commits.
    String login = presence.getAgent().getLogin();
    transaction.announce(
        new AcdEvent.CallOffered(
            presence.getAccountId(), now, call.getId(), group.getName(), login));
    transaction.announce(new AcdEvent.QueueChanged(presence.getAccountId(), now, group.getName()));
    String caller = call.getCaller();
    String extension = presence.getAgent().getExtension();
    String account = names.accountName(presence.getAccountId());
    transaction.afterCommit(
        () ->
            phoneSwitch.offer(
                account, call.getId(), caller, extension, Duration.ofSeconds(ringTimeout)));
  }
}
