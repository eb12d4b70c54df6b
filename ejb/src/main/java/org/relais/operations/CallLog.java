package org.relais.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.account.AccountNames;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvent.AgentState;
import org.relais.acd.AcdEvent.CallAbandoned;
import org.relais.acd.AcdEvent.CallAnswered;
import org.relais.acd.AcdEvent.CallDialing;
import org.relais.acd.AcdEvent.CallDropped;
import org.relais.acd.AcdEvent.CallEnded;
import org.relais.acd.AcdEvent.CallNotAnswered;
import org.relais.acd.AcdEvent.CallOffered;
import org.relais.acd.AcdEvent.CallQueued;
import org.relais.presence.Availability;

/**
 * The operators' log of the floor: one {@link LogLine} per call arrived, dialled, offered, not
 * answered, answered, dropped (a predictive call answered with no agent free), abandoned or ended,
 * and per agent connected or disconnected, written from the events the engine announces once
 * committed, so that the log never tells what was rolled back. It writes on the {@link
 * OperatorsFeed}'s thread: the engine's writer never waits for a log.
 */
@ApplicationScoped
public class CallLog {

  private static final Logger LOG = Logger.getLogger(CallLog.class.getName());

  @Inject AccountNames accounts;

  /**
   * Whether each call's events get their lines ({@code RELAIS_LOG_CALLS}); agents' lines are
   * written either way. At hundreds of calls a second they are thousands of lines a second.
   */
  @Inject
  @ConfigProperty(name = "relais.log.calls", defaultValue = "true")
  boolean calls;

  /** Agents seen connected, to tell a connection from any other change of state. */
  private final Set<Long> connected = ConcurrentHashMap.newKeySet();

  /** A failure here goes no further: the figures must still count the events. */
  void write(List<AcdEvent> committed) {
    try {
      for (AcdEvent event : committed) {
        if (!calls && !(event instanceof AgentState)) {
          continue;
        }
        LogLine line = lineOf(event);
        if (line != null) {
          line.log();
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "events not logged", e);
    }
  }

  LogLine lineOf(AcdEvent event) {
    String account = accounts.nameOf(event.accountId());
    if (event instanceof CallQueued queued) {
      return LogLine.of(
          "call arrived",
          "account",
          account,
          "call",
          queued.callId(),
          "group",
          queued.group(),
          "caller",
          LogLine.masked(queued.caller()));
    } else if (event instanceof CallDialing dialing) {
      return LogLine.of(
          "call dialled",
          "account",
          account,
          "call",
          dialing.callId(),
          "group",
          dialing.group(),
          "agent",
          dialing.agent(),
          "number",
          LogLine.masked(dialing.number()));
    } else if (event instanceof CallOffered offered) {
      return LogLine.of(
          "call offered",
          "account",
          account,
          "call",
          offered.callId(),
          "group",
          offered.group(),
          "agent",
          offered.agent());
    } else if (event instanceof CallNotAnswered missed) {
      return LogLine.of(
          "call not answered",
          "account",
          account,
          "call",
          missed.callId(),
          "agent",
          missed.agent(),
          "reason",
          missed.reason());
    } else if (event instanceof CallAnswered answered) {
      return LogLine.of(
          "call answered",
          "account",
          account,
          "call",
          answered.callId(),
          "agent",
          answered.agent());
    } else if (event instanceof CallDropped dropped) {
      return LogLine.of(
          "call dropped",
          "account",
          account,
          "call",
          dropped.callId(),
          "campaign",
          dropped.campaign(),
          "number",
          LogLine.masked(dropped.number()));
    } else if (event instanceof CallAbandoned abandoned) {
      return LogLine.of(
          "call abandoned",
          "account",
          account,
          "call",
          abandoned.callId(),
          "group",
          abandoned.group(),
          "waited",
          abandoned.waited());
    } else if (event instanceof CallEnded ended) {
      return LogLine.of(
          "call ended",
          "account",
          account,
          "call",
          ended.callId(),
          "agent",
          ended.agent(),
          "outcome",
          ended.outcome());
    } else if (event instanceof AgentState state) {
      return agentLine(account, state);
    }
    return null;
  }

  private LogLine agentLine(String account, AgentState state) {
    if (state.availability() == Availability.DISCONNECTED) {
      connected.remove(state.agentId());
      return LogLine.of("agent disconnected", "account", account, "agent", state.agent());
    }
    if (connected.add(state.agentId())) {
      return LogLine.of("agent connected", "account", account, "agent", state.agent());
    }
    return null;
  }
}
