package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import org.relais.InvalidFieldException;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.call.AgentLines;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.call.LineState;
import org.relais.call.LineTarget;
import org.relais.directory.ContactProblem;
import org.relais.directory.PhoneNumbers;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.telephony.Switch;

/**
 * An agent's lines (SPEC B12): hold and resume its call, a consult call to a number, an agent or a
 * group as a second line, the toggle between the two, the attended transfer that joins them, and
 * the blind transfer of the call to a number, an agent or a group. The rules of which line may do
 * what are {@link AgentLines}'; this class carries them out on the rows, the floor and the switch.
 *
 * <p>The agent stays {@code TALKING} while it holds lines. A consulted agent's phone rings like an
 * offer, and from its answer on the consult call is that agent's, as any call it took; a consulted
 * group queues the consult call like any call. A transfer closes the agent's call as {@code
 * TRANSFERRED}, saying to whom, and the agent qualifies and wraps up as after a hang-up.
 */
final class Lines {

  private final EntityManager em;
  private final SwitchNames names;
  private final BatchRead read;
  private final Floors floors;
  private final AgentMoves moves;
  private final Dispatcher dispatcher;
  private final CallFlow flow;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final EngineClock clock;

  Lines(
      EntityManager em,
      SwitchNames names,
      BatchRead read,
      Floors floors,
      AgentMoves moves,
      Dispatcher dispatcher,
      CallFlow flow,
      EngineTransaction transaction,
      Switch phoneSwitch,
      EngineClock clock) {
    this.em = em;
    this.names = names;
    this.read = read;
    this.floors = floors;
    this.moves = moves;
    this.dispatcher = dispatcher;
    this.flow = flow;
    this.transaction = transaction;
    this.phoneSwitch = phoneSwitch;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- desk commands

  /** Holds the agent's call and places a consult call to the target; answers the new line. */
  Call consult(long agentId, LineTarget target) {
    AgentPresence presence = withLines(agentId);
    AgentLines lines = linesOf(presence);
    Call call = lines.requireConsultable();
    Agent agent = presence.getAgent();
    OffsetDateTime now = clock.now();
    // On hold first, so that the switch holds the caller before it dials.
    if (call.lineState() == LineState.TALKING) {
      hold(presence, call);
    }
    Call consult;
    switch (target.kind()) {
      case NUMBER -> {
        consult =
            Call.consult(call, call.getGroup(), agent, caller(agent), dialled(agent, target), now);
        persist(consult);
        String account = account(presence);
        String extension = agent.getExtension();
        String number = consult.getCallee();
        transaction.afterCommit(
            () -> phoneSwitch.consult(account, consult.getId(), extension, number));
      }
      case AGENT -> {
        AgentPresence consulted = free(presence.getAccountId(), target.name());
        consult = Call.consult(call, call.getGroup(), agent, caller(agent), target, now);
        persist(consult);
        openLine(presence, consult);
        dispatcher.offer(consult, consulted);
      }
      default -> {
        QueueGroup group = names.group(presence.getAccountId(), target.name());
        consult = Call.consult(call, group, agent, caller(agent), target, now);
        persist(consult);
        openLine(presence, consult);
        queueConsult(consult, group);
      }
    }
    return consult;
  }

  /** Puts one of the agent's lines on hold. */
  void hold(long agentId, long lineId) {
    AgentPresence presence = withLines(agentId);
    AgentLines lines = linesOf(presence);
    Call line = lines.line(lineId);
    lines.requireHoldable(line);
    hold(presence, line);
  }

  /** Takes one of the agent's lines off hold, putting the other on hold: the toggle. */
  void resume(long agentId, long lineId) {
    AgentPresence presence = withLines(agentId);
    AgentLines lines = linesOf(presence);
    Call line = lines.line(lineId);
    lines.requireResumable(line);
    Call other = lines.other(line);
    if (other != null && other.lineState() == LineState.TALKING) {
      hold(presence, other);
    }
    line.resume(clock.now());
    transaction.announce(
        new AcdEvent.LineResumed(presence.getAccountId(), clock.now(), lineId, login(presence)));
    String account = account(presence);
    transaction.afterCommit(() -> phoneSwitch.resume(account, lineId));
  }

  /**
   * Hangs up one of the agent's lines: the consult call ends and the agent's call stays on hold;
   * the agent's own call ends as a hang-up would end it.
   */
  void hangUp(long agentId, long lineId) {
    hangUp(withLines(agentId), lineId);
  }

  private void hangUp(AgentPresence presence, long lineId) {
    AgentLines lines = linesOf(presence);
    Call line = lines.line(lineId);
    if (line.equals(lines.consult())) {
      endConsult(line);
    } else {
      if (lines.consult() != null) {
        endConsult(lines.consult());
      }
      flow.endCall(line, CallOutcome.ANSWERED);
      flow.afterCall(presence, AgentEvent.HANG_UP, line);
      String account = account(presence);
      transaction.afterCommit(() -> phoneSwitch.hangUp(account, lineId));
    }
    dispatcher.dispatch(presence.getAccountId());
  }

  /**
   * The attended transfer: the agent's call and the consult call are joined; the agent's call ends
   * {@code TRANSFERRED} to the consulted party and the agent is freed. A consulted agent goes on
   * talking with the caller on the consult call; a consulted number takes the caller out of the
   * ACD.
   */
  void transfer(long agentId) {
    AgentPresence presence = withLines(agentId);
    AgentLines lines = linesOf(presence);
    lines.requireJoinable();
    Call call = lines.call();
    Call consult = lines.consult();
    boolean staysInAcd = consult.getConsultTarget() != LineTarget.Kind.NUMBER;
    if (consult.lineState() == LineState.HELD) {
      consult.resume(clock.now());
    }
    if (!staysInAcd) {
      consult.transferTo(call.customerNumber());
      flow.endCall(consult, CallOutcome.TRANSFERRED);
    }
    String to =
        staysInAcd && consult.getAgent() != null
            ? consult.getAgent().getLogin()
            : consult.getCallee();
    transferred(presence, call, to, staysInAcd ? consult.getId() : null);
    String account = account(presence);
    transaction.afterCommit(() -> phoneSwitch.join(account, call.getId(), consult.getId()));
  }

  /**
   * The blind transfer of the agent's call: to a number (the caller leaves the ACD), to an agent
   * (whose phone rings with it like an offer, and which goes back to its queue if not answered) or
   * to a group (queued again, keeping the caller's place, within that group's limits).
   */
  void blindTransfer(long agentId, long lineId, LineTarget target) {
    AgentPresence presence = withLines(agentId);
    AgentLines lines = linesOf(presence);
    Call call = lines.line(lineId);
    lines.requireBlindTransferable(call);
    String account = account(presence);
    switch (target.kind()) {
      case NUMBER -> {
        String number = dialled(presence.getAgent(), target).name();
        transferred(presence, call, number, null);
        transaction.afterCommit(() -> phoneSwitch.transfer(account, lineId, number));
      }
      case AGENT -> {
        AgentPresence to = free(presence.getAccountId(), target.name());
        Call continued = Call.transferred(call, call.getGroup());
        persist(continued);
        transferred(presence, call, target.name(), continued.getId());
        transaction.afterCommit(() -> phoneSwitch.continueAs(account, lineId, continued.getId()));
        dispatcher.offer(continued, to);
      }
      default -> {
        QueueGroup group = names.group(presence.getAccountId(), target.name());
        Call continued = Call.transferred(call, group);
        persist(continued);
        transferred(presence, call, group.getName(), continued.getId());
        transaction.afterCommit(() -> phoneSwitch.continueAs(account, lineId, continued.getId()));
        flow.enqueue(continued, group);
      }
    }
  }

  // ---------------------------------------------------------------- what the switch reports

  /** The consulted number answered: the consult line talks. */
  void farEndAnswered(Call consult) {
    requireDialling(consult);
    consult.answer(clock.now());
    String agent = consult.getAgent().getLogin();
    transaction.announce(
        new AcdEvent.CallAnswered(consult.getAccountId(), clock.now(), consult.getId(), agent));
  }

  /** The consulted number could not be reached: the line is gone, the call stays on hold. */
  void farEndFailed(Call consult, CallOutcome outcome) {
    requireDialling(consult);
    flow.endCall(consult, outcome);
  }

  /** The consulted number hung up: the line is gone, the call stays on hold. */
  void farEndHungUp(Call consult) {
    if (!consult.getStatus().isLive()) {
      throw new DeskConflictException("the call has already ended");
    }
    flow.endCall(consult, CallOutcome.ANSWERED);
  }

  /**
   * The caller of an agent's call hung up: a consult call placed from it ends with it, since the
   * agent's call, and the consultation about it, are over.
   */
  void callerHungUp(Call call) {
    Call consult = AgentLines.of(em, call).consult();
    if (consult != null) {
      endConsult(consult);
    }
  }

  /**
   * The agent's phone hung up while it has two lines: the active one ends, or the consult call when
   * both are on hold. Answers false when the agent has one line (an ordinary hang-up).
   */
  boolean phoneHungUp(AgentPresence presence) {
    AgentLines lines = linesOf(presence);
    if (lines.consult() == null) {
      return false;
    }
    Call line =
        lines.call() != null && lines.call().lineState() == LineState.TALKING
            ? lines.call()
            : lines.consult();
    hangUp(presence, line.getId());
    return true;
  }

  // ---------------------------------------------------------------- inside

  /** The agent's lines: its call, and the live consult call placed from it. */
  private AgentLines linesOf(AgentPresence presence) {
    return AgentLines.of(em, presence.getCall());
  }

  private void hold(AgentPresence presence, Call line) {
    OffsetDateTime now = clock.now();
    line.hold(now);
    transaction.announce(
        new AcdEvent.LineHeld(presence.getAccountId(), now, line.getId(), login(presence)));
    String account = account(presence);
    transaction.afterCommit(() -> phoneSwitch.hold(account, line.getId()));
  }

  /** The agent's call ends transferred to {@code to}; the agent qualifies and wraps up. */
  private void transferred(AgentPresence presence, Call call, String to, Long continuedAs) {
    call.transferTo(to);
    flow.endCall(call, CallOutcome.TRANSFERRED);
    transaction.announce(
        new AcdEvent.CallTransferred(
            presence.getAccountId(), clock.now(), call.getId(), login(presence), to, continuedAs));
    flow.afterCall(presence, AgentEvent.TRANSFERRED, call);
    dispatcher.dispatch(presence.getAccountId());
  }

  /**
   * Ends the consult call wherever it is: still queued, ringing the consulted agent, dialling,
   * talking. A consulted agent who had answered then qualifies or wraps up as after any call.
   */
  private void endConsult(Call consult) {
    String account = names.accountName(consult.getAccountId());
    long callId = consult.getId();
    AgentPresence consulted =
        consult.getConsultTarget() == LineTarget.Kind.NUMBER || consult.getAgent() == null
            ? null
            : read.presence(consult.getAgent().getId());
    switch (consult.getStatus()) {
      case QUEUED -> {
        flow.endCall(consult, CallOutcome.CANCELLED);
        floors.of(consult.getAccountId()).remove(callId);
        transaction.announce(
            new AcdEvent.QueueChanged(consult.getAccountId(), clock.now(), consult.getGroupName()));
        transaction.afterCommit(() -> phoneSwitch.hangUp(account, callId)); // its line
      }
      case RINGING -> {
        flow.endCall(consult, CallOutcome.CANCELLED);
        String extension = consulted.getAgent().getExtension();
        transaction.afterCommit(() -> phoneSwitch.cancelOffer(account, callId, extension));
        transaction.afterCommit(() -> phoneSwitch.hangUp(account, callId)); // its line
        moves.transition(consulted, AgentEvent.CALLER_GONE, Activity.IDLE, null, null, null);
      }
      case DIALING -> {
        flow.endCall(consult, CallOutcome.CANCELLED);
        transaction.afterCommit(() -> phoneSwitch.hangUp(account, callId));
      }
      default -> {
        flow.endCall(consult, CallOutcome.ANSWERED);
        if (consulted != null) {
          flow.afterCall(consulted, AgentEvent.HANG_UP, consult);
        }
        transaction.afterCommit(() -> phoneSwitch.hangUp(account, callId));
      }
    }
  }

  /**
   * The consult call's line on the agent's phone opens before the consult call is offered or
   * queued: the switch holds it as that call's caller.
   */
  private void openLine(AgentPresence presence, Call consult) {
    String account = account(presence);
    String extension = presence.getAgent().getExtension();
    transaction.afterCommit(() -> phoneSwitch.consultLine(account, consult.getId(), extension));
  }

  /**
   * The consult call waits in the group's queue for one of its agents. The group's limits are for
   * callers, not for an agent asking a colleague: a consult call never overflows to another group
   * or to a callback list, and the agent ends it when it has waited enough.
   */
  private void queueConsult(Call call, QueueGroup group) {
    transaction.announce(
        new AcdEvent.CallQueued(
            call.getAccountId(), clock.now(), call.getId(), group.getName(), call.getCaller()));
    transaction.announce(
        new AcdEvent.QueueChanged(call.getAccountId(), clock.now(), group.getName()));
    floors.of(call.getAccountId()).enqueue(call, group);
    dispatcher.dispatch(call.getAccountId());
  }

  private void persist(Call call) {
    em.persist(call);
    read.created(call);
  }

  /** The number in its E.164 form, read in the account's country; 400 naming {@code number}. */
  private static LineTarget dialled(Agent agent, LineTarget target) {
    PhoneNumbers.Normalised number =
        PhoneNumbers.of(agent.getAccount().getCountry()).normalise(target.name());
    if (number.problem() != null) {
      throw new ContactProblem("number", number.problem()).toException();
    }
    return new LineTarget(LineTarget.Kind.NUMBER, number.e164());
  }

  /**
   * The presence of the account's agent of that login, connected and free for a call (idle, even
   * unavailable: the consulting colleague chose it); 400 naming {@code agent} for an unknown login,
   * 409 for an agent who cannot take the call now.
   */
  private AgentPresence free(long accountId, String login) {
    Agent agent =
        em.createQuery(
                "SELECT a FROM Agent a WHERE a.account.id = :account AND a.login = :login",
                Agent.class)
            .setParameter("account", accountId)
            .setParameter("login", login)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidFieldException("agent", "the login of one of the account's agents"));
    AgentPresence presence = read.presence(agent.getId());
    if (presence == null || presence.getActivity() != Activity.IDLE) {
      throw new DeskConflictException(login + " is not free to take a call");
    }
    return presence;
  }

  private void requireDialling(Call consult) {
    if (consult.getStatus() != CallStatus.DIALING) {
      throw new DeskConflictException("the call is not being dialled");
    }
  }

  /** The presence of a connected agent whose profile has the lines module (SPEC A4: 403). */
  private AgentPresence withLines(long agentId) {
    AgentPresence presence = read.presence(agentId);
    if (presence == null) {
      throw new DeskConflictException("the agent is not connected to the ACD");
    }
    presence.getAgent().requireModule(BannerModule.LINES);
    return presence;
  }

  /** What a consulted party is shown: the consulting agent's extension, else its login. */
  private static String caller(Agent agent) {
    return agent.getExtension() != null ? agent.getExtension() : agent.getLogin();
  }

  private String account(AgentPresence presence) {
    return names.accountName(presence.getAccountId());
  }

  private static String login(AgentPresence presence) {
    return presence.getAgent().getLogin();
  }
}
