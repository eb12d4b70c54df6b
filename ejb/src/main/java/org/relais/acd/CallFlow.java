package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.call.LineTarget;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.telephony.DialFailure;
import org.relais.telephony.Switch;

/**
 * The life of a call and of the agent who takes it (SPEC C1-C5): what each switch event and each
 * deadline does in each state. A call queues in its group, is offered ({@link Dispatcher}), rings,
 * is answered, refused or times out (penalty, then back to the queue), ends; the agent then
 * qualifies and wraps up. An outbound call dials, is answered or fails; a predictive call, dialled
 * before any agent is chosen, is the {@link Predictive} dialler's until its customer answers.
 *
 * <p>Every method runs inside the engine's transaction, under its lock; what the switch must do
 * runs once the transaction has committed ({@link EngineTransaction#afterCommit}).
 */
final class CallFlow implements QueueRules.Ends {

  private static final Logger LOG = Logger.getLogger(CallFlow.class.getName());

  private final EntityManager em;
  private final SwitchNames names;
  private final BatchRead read;
  private final Floors floors;
  private final AgentMoves moves;
  private final Dispatcher dispatcher;
  private final Dialer dialer;
  private final Predictive predictive;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final Deadlines deadlines;
  private final EngineClock clock;
  private final Monitors monitors;
  private final QueueRules rules;
  private final Recordings recordings;

  /** The agents' lines, which take the switch's events about consult calls. */
  private Lines lines;

  CallFlow(
      EntityManager em,
      SwitchNames names,
      BatchRead read,
      Floors floors,
      AgentMoves moves,
      Dispatcher dispatcher,
      Dialer dialer,
      Predictive predictive,
      EngineTransaction transaction,
      Switch phoneSwitch,
      Deadlines deadlines,
      EngineClock clock,
      Monitors monitors,
      QueueRules rules,
      Recordings recordings) {
    this.em = em;
    this.names = names;
    this.read = read;
    this.floors = floors;
    this.moves = moves;
    this.dispatcher = dispatcher;
    this.dialer = dialer;
    this.predictive = predictive;
    this.transaction = transaction;
    this.phoneSwitch = phoneSwitch;
    this.deadlines = deadlines;
    this.clock = clock;
    this.monitors = monitors;
    this.rules = rules;
    this.recordings = recordings;
  }

  /** Wired once by {@link Engine}: the lines end their calls through this flow's steps. */
  void consultsThrough(Lines lines) {
    this.lines = lines;
  }

  // ---------------------------------------------------------------- switch events

  /**
   * Applies a batch of switch events: the presences they will need are read together first, and the
   * offers they make wait for the end of the batch.
   */
  void apply(List<? extends Applied<?>> batch) {
    if (batch.size() > 1) {
      read.readPresences(
          names.agentsLikelyNeeded(
              batch.stream().flatMap(applied -> applied.event().subject().stream()).toList()));
    }
    dispatcher.inBatch(() -> batch.forEach(applied -> applied.applyTo(this)));
  }

  long inboundCall(String accountName, String groupName, String caller, String ivrPath) {
    long accountId = names.accountId(accountName);
    QueueGroup group = names.group(accountId, groupName);
    OffsetDateTime now = clock.now();
    Call call =
        Call.inbound(em.getReference(Account.class, accountId), group, caller, ivrPath, now);
    em.persist(call);
    read.created(call);
    if (!rules.turnsAway(call, group, this)) {
      enqueue(call, group);
    }
    return call.getId();
  }

  /**
   * The caller's call joins the group's queue, on arrival or sent there by a transfer: announced,
   * then past the group's limits it overflows at once (SPEC E2), else it may be offered.
   */
  void enqueue(Call call, QueueGroup group) {
    long accountId = call.getAccountId();
    OffsetDateTime now = clock.now();
    transaction.announce(
        new AcdEvent.CallQueued(accountId, now, call.getId(), group.getName(), call.getCaller()));
    transaction.announce(new AcdEvent.QueueChanged(accountId, now, group.getName()));
    floors.of(accountId).enqueue(call, group);
    rules.arrived(call, this);
    dispatcher.dispatch(accountId);
  }

  void answered(String accountName, String extension) {
    AgentPresence presence = names.phone(accountName, extension);
    moves.check(presence, AgentEvent.ANSWER);
    Call call = presence.getCall();
    OffsetDateTime now = clock.now();
    call.answer(now);
    rules.stopWaiting(call);
    moves.transition(
        presence, AgentEvent.ANSWER, Activity.TALKING, call, presence.getGroup(), null);
    floors.of(presence.getAccountId()).answered(presence.getAgentId());
    transaction.announce(
        new AcdEvent.CallAnswered(presence.getAccountId(), now, call.getId(), login(presence)));
    recordings.answered(call);
    transaction.afterCommit(() -> phoneSwitch.bridge(accountName, call.getId(), extension));
  }

  void refused(String accountName, String extension) {
    notAnswered(names.phone(accountName, extension), AgentEvent.REFUSE, "REFUSED");
  }

  /**
   * The agent's phone registered, or its registration went (SPEC F2). A phone whose agent is not
   * connected changes nothing here: the agent's connection asks the switch's registry itself.
   */
  void phoneRegistration(String accountName, String extension, boolean registered) {
    long accountId = names.accountId(accountName);
    read.connectedAt(accountId, extension)
        .filter(presence -> presence.isPhoneRegistered() != registered)
        .ifPresent(
            presence -> {
              moves.phoneRegistered(presence, registered);
              if (registered) {
                dispatcher.dispatch(accountId);
              }
            });
  }

  void agentHungUp(String accountName, String extension) {
    AgentPresence presence = names.phone(accountName, extension);
    switch (presence.getActivity()) {
      case RINGING -> notAnswered(presence, AgentEvent.REFUSE, "REFUSED");
      case DIALING -> dialFailed(presence, CallOutcome.CANCELLED);
      default -> {
        moves.check(presence, AgentEvent.HANG_UP);
        if (lines.phoneHungUp(presence)) {
          return;
        }
        Call call = presence.getCall();
        endCall(call, CallOutcome.ANSWERED);
        afterCall(presence, AgentEvent.HANG_UP, call);
        transaction.afterCommit(() -> phoneSwitch.hangUp(accountName, call.getId()));
        dispatcher.dispatch(presence.getAccountId());
      }
    }
  }

  void callerHungUp(String accountName, long callId) {
    long accountId = names.accountId(accountName);
    Call call = callOf(accountId, callId);
    if (call.getConsultTarget() == LineTarget.Kind.NUMBER) {
      lines.farEndHungUp(call);
      return;
    }
    if (!call.getStatus().isLive()) {
      throw new DeskConflictException("the call has already ended");
    }
    if (call.isDialledAhead()) {
      predictive.failed(call, CallOutcome.NO_ANSWER, this::endCall);
      return;
    }
    AgentPresence presence =
        call.getAgent() == null ? null : read.presence(call.getAgent().getId());
    switch (call.getStatus()) {
      case QUEUED -> abandon(call);
      case RINGING -> {
        abandon(call);
        String extension = presence.getAgent().getExtension();
        transaction.afterCommit(() -> phoneSwitch.cancelOffer(accountName, callId, extension));
        moves.transition(presence, AgentEvent.CALLER_GONE, Activity.IDLE, null, null, null);
      }
      case DIALING -> dialFailed(presence, CallOutcome.NO_ANSWER);
      case TALKING -> {
        lines.callerHungUp(call);
        endCall(call, CallOutcome.ANSWERED);
        afterCall(presence, AgentEvent.HANG_UP, call);
        transaction.afterCommit(() -> phoneSwitch.hangUp(accountName, callId));
      }
      default -> throw new IllegalStateException(call.getStatus().name());
    }
    dispatcher.dispatch(accountId);
  }

  void outboundAnswered(String accountName, long callId) {
    Call consult = consultOf(accountName, callId);
    if (consult != null) {
      lines.farEndAnswered(consult);
      return;
    }
    Call ahead = callOf(names.accountId(accountName), callId);
    if (ahead.isDialledAhead()) {
      predictive.answered(ahead, this::endCall);
      return;
    }
    AgentPresence presence = dialing(accountName, callId);
    Call call = presence.getCall();
    OffsetDateTime now = clock.now();
    call.answer(now);
    moves.transition(
        presence, AgentEvent.ANSWER, Activity.TALKING, call, presence.getGroup(), null);
    transaction.announce(
        new AcdEvent.CallAnswered(presence.getAccountId(), now, callId, login(presence)));
    recordings.answered(call);
  }

  void outboundFailed(String accountName, long callId, DialFailure failure) {
    Call consult = consultOf(accountName, callId);
    if (consult != null) {
      lines.farEndFailed(consult, failure.outcome());
      return;
    }
    Call ahead = callOf(names.accountId(accountName), callId);
    if (ahead.isDialledAhead()) {
      predictive.failed(ahead, failure.outcome(), this::endCall);
      return;
    }
    dialFailed(dialing(accountName, callId), failure.outcome());
  }

  // ---------------------------------------------------------------- deadlines

  /**
   * The agent's timer fired for the deadline {@code at}: the ring timeout, the end of a penalty, of
   * a wrap-up, of the time to qualify, of an outbound attempt. A deadline the agent's row no longer
   * holds is stale (the agent moved on before the timer fired) and does nothing.
   */
  void deadlineReached(long agentId, OffsetDateTime at) {
    AgentPresence presence = read.presence(agentId);
    if (presence == null || presence.getDeadline() == null || !presence.getDeadline().isEqual(at)) {
      return;
    }
    deadlines.fired(agentId);
    switch (presence.getActivity()) {
      case RINGING -> notAnswered(presence, AgentEvent.RING_TIMEOUT, "TIMEOUT");
      case PENALTY -> {
        wrapUp(presence, AgentEvent.PENALTY_OVER, presence.getGroup());
        dispatcher.dispatch(presence.getAccountId());
      }
      case WRAP_UP -> {
        moves.transition(presence, AgentEvent.WRAP_UP_OVER, Activity.IDLE, null, null, null);
        dispatcher.dispatch(presence.getAccountId());
      }
      case QUALIFYING -> qualify(presence, presence.getGroup().settings().autoQualifyCode());
      case DIALING -> dialFailed(presence, CallOutcome.NO_ANSWER);
      default -> LOG.warning("deadline in activity " + presence.getActivity() + ", ignored");
    }
  }

  /**
   * A call's wait limit {@code at} fired: a queued call still waiting for it overflows (SPEC E2); a
   * predictive call still ringing its customer was not answered (B11); a call answered, ended or
   * given another limit meanwhile stays as it is.
   */
  void waitLimitReached(long callId, OffsetDateTime at) {
    Call call = em.find(Call.class, callId);
    if (call != null && call.isDialledAhead()) {
      predictive.ringTimedOut(call, at, this::endCall);
    } else if (call != null) {
      rules.limitReached(call, at, this);
      dispatcher.dispatch(call.getAccountId());
    }
  }

  /**
   * Agents left these groups of the account, or stopped taking their calls: calls of a group left
   * with no agent may overflow (SPEC E2).
   */
  void groupsLeft(long accountId, Collection<QueueGroup> groups) {
    rules.unstaffed(accountId, groups, this);
  }

  // ---------------------------------------------------------------- shared by desk commands

  /** The agent qualifies its call (or the group's auto-qualification does), then wraps up. */
  void qualify(AgentPresence presence, String code) {
    moves.check(presence, AgentEvent.QUALIFY);
    Call call = presence.getCall();
    call.qualify(code);
    dialer.qualified(call, code);
    transaction.announce(
        new AcdEvent.CallQualified(
            presence.getAccountId(), clock.now(), call.getId(), login(presence), code));
    wrapUp(presence, AgentEvent.QUALIFY, presence.getGroup());
    dispatcher.dispatch(presence.getAccountId());
  }

  /** After hang-up or transfer: qualification if the group requires it, else the wrap-up. */
  void afterCall(AgentPresence presence, AgentEvent event, Call call) {
    QueueGroup group = presence.getGroup();
    if (group != null && group.qualificationRequired()) {
      OffsetDateTime auto =
          group.autoQualify() > 0 ? clock.now().plusSeconds(group.autoQualify()) : null;
      moves.transition(presence, event, Activity.QUALIFYING, call, group, auto);
    } else {
      wrapUp(presence, event, group);
    }
  }

  /**
   * Ends the call with its outcome and announces it; a dialler's attempt recycles its contact, and
   * a recording stops with the call.
   */
  @Override
  public void endCall(Call call, CallOutcome outcome) {
    rules.stopWaiting(call);
    recordings.ended(call);
    OffsetDateTime now = clock.now();
    call.end(outcome, now);
    dialer.callEnded(call, outcome);
    monitors.callEnded(call);
    String agent = call.getAgent() == null ? null : call.getAgent().getLogin();
    transaction.announce(
        new AcdEvent.CallEnded(call.getAccountId(), now, call.getId(), agent, outcome, null));
  }

  // ---------------------------------------------------------------- transitions

  /**
   * The offered call was not answered (refused, or the ring timeout): back to its queue, keeping
   * its place; the agent pays the group's penalty (SPEC C5), then wraps up.
   */
  private void notAnswered(AgentPresence presence, AgentEvent event, String reason) {
    moves.check(presence, event);
    Call call = presence.getCall();
    QueueGroup group = presence.getGroup();
    String extension = presence.getAgent().getExtension();
    transaction.announce(
        new AcdEvent.CallNotAnswered(
            presence.getAccountId(), clock.now(), call.getId(), login(presence), reason));
    if (call.requeues()) {
      call.notAnswered();
      floors.of(presence.getAccountId()).enqueue(call, group);
      rules.requeued(call, this);
    } else {
      endCall(call, CallOutcome.NO_ANSWER);
    }
    String account = names.accountName(presence.getAccountId());
    transaction.afterCommit(() -> phoneSwitch.cancelOffer(account, call.getId(), extension));
    int penalty = group.penalty();
    if (penalty > 0) {
      moves.transition(
          presence, event, Activity.PENALTY, null, group, clock.now().plusSeconds(penalty));
    } else {
      wrapUp(presence, event, group);
    }
    dispatcher.dispatch(presence.getAccountId());
  }

  /**
   * An outbound call that reached nobody ends with its outcome and frees the agent at once: nothing
   * was said, so there is nothing to qualify.
   */
  private void dialFailed(AgentPresence presence, CallOutcome outcome) {
    moves.check(presence, AgentEvent.DIAL_FAILED);
    Call call = presence.getCall();
    endCall(call, outcome);
    moves.transition(presence, AgentEvent.DIAL_FAILED, Activity.IDLE, null, null, null);
    String account = names.accountName(presence.getAccountId());
    transaction.afterCommit(() -> phoneSwitch.hangUp(account, call.getId()));
    dispatcher.dispatch(presence.getAccountId());
  }

  /** The group's wrap-up pause, or straight back to IDLE when it lasts zero seconds. */
  private void wrapUp(AgentPresence presence, AgentEvent event, QueueGroup group) {
    int seconds = group == null ? 0 : group.wrapUp();
    if (seconds > 0) {
      moves.transition(
          presence, event, Activity.WRAP_UP, null, group, clock.now().plusSeconds(seconds));
    } else {
      moves.transition(presence, event, Activity.IDLE, null, null, null);
    }
  }

  /** The caller hung up while queued or ringing: the call joins its group's callback list (X1). */
  private void abandon(Call call) {
    OffsetDateTime now = clock.now();
    call.end(CallOutcome.ABANDONED, now);
    dialer.abandoned(call);
    long accountId = call.getAccountId();
    transaction.announce(
        new AcdEvent.CallAbandoned(
            accountId, now, call.getId(), call.getGroupName(), call.waitSeconds()));
    transaction.announce(new AcdEvent.QueueChanged(accountId, now, call.getGroupName()));
    floors.of(accountId).remove(call.getId());
  }

  /**
   * The queued caller asked to be called back (SPEC X1): it leaves the line, and its call keeps its
   * place, to be dialled back when its turn comes ({@link QueuedCallbacks}). Refused (409) once the
   * call rings an agent, and for a number that cannot be called back; asking twice is asking once.
   */
  void callbackRequested(String accountName, long callId) {
    Call call = callOf(names.accountId(accountName), callId);
    if (call.getStatus() != CallStatus.QUEUED) {
      throw new DeskConflictException("only a caller still waiting can ask to be called back");
    }
    if (call.awaitsCallback()) {
      return;
    }
    if (QueuedCallbacks.number(call).isEmpty()) {
      throw new DeskConflictException("the caller's number cannot be called back");
    }
    call.requestCallback(clock.now());
    transaction.announce(
        new AcdEvent.QueueChanged(call.getAccountId(), clock.now(), call.getGroupName()));
    transaction.afterCommit(() -> phoneSwitch.hangUp(accountName, callId));
  }

  /** A supervisor's phone left the call on its own (SPEC X2): its listening ends there. */
  void monitorLeft(String accountName, long callId, String supervisorExtension) {
    monitors.left(callOf(names.accountId(accountName), callId), supervisorExtension);
  }

  /**
   * The call ends on the group's callback list, to be called back by the outbound engine (a caller
   * who asked for a callback, when the switch that kept its place is gone).
   */
  @Override
  public void toCallbackList(Call call) {
    endCall(call, CallOutcome.CALLBACK);
    dialer.abandoned(call);
  }

  /** The presence of the agent whose outbound call this is; 409 once the attempt is over. */
  private AgentPresence dialing(String accountName, long callId) {
    Call call = callOf(names.accountId(accountName), callId);
    if (call.getStatus() != CallStatus.DIALING) {
      throw new DeskConflictException("the call is not being dialled");
    }
    AgentPresence presence = read.presence(call.getAgent().getId());
    if (presence == null) {
      throw new DeskConflictException("the agent is not connected to the ACD");
    }
    return presence;
  }

  /** The account's call if it is a consult call to a number, whose far end the switch reports. */
  private Call consultOf(String accountName, long callId) {
    Call call = callOf(names.accountId(accountName), callId);
    return call.getConsultTarget() == LineTarget.Kind.NUMBER ? call : null;
  }

  /** The account's call; {@link NoSuchEntityException} for another account's. */
  private Call callOf(long accountId, long callId) {
    Call call = em.find(Call.class, callId);
    if (call == null || call.getAccountId() != accountId) {
      throw new NoSuchEntityException("call");
    }
    return call;
  }

  private static String login(AgentPresence presence) {
    return presence.getAgent().getLogin();
  }
}
