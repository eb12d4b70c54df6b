package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.relais.agent.Agent;
import org.relais.call.Call;
import org.relais.call.CallStatus;
import org.relais.presence.AgentPresence;
import org.relais.supervision.Monitoring;
import org.relais.supervision.SupervisorAction;
import org.relais.telephony.MonitorMode;
import org.relais.telephony.Switch;

/**
 * Listen, whisper, barge (SPEC X2): a supervisor's phone joins an agent's call, changes mode,
 * leaves; the call's end takes it off. Each step is a {@link Monitoring} row (the state, then the
 * history), an audit row and an announcement; the switch joins the phone once it is committed.
 */
final class Monitors {

  private final EntityManager em;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final SwitchNames names;
  private final EngineClock clock;

  /**
   * The calls a supervisor is on, so that a call's end looks for monitors only where there are:
   * read from the rows at first use, forgotten when a transaction rolls back.
   */
  private Set<Long> watched;

  Monitors(
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
   * Joins the supervisor's phone to the agent's call; 409 with no call in conversation.
   *
   * @return the call's id
   */
  long start(long supervisorId, long agentId, MonitorMode mode) {
    if (!phoneSwitch.monitorsCalls()) {
      throw new DeskConflictException(
          "this telephony switch does not join calls for supervisors yet");
    }
    Agent supervisor = em.find(Agent.class, supervisorId);
    if (supervisor.getExtension() == null) {
      throw new DeskConflictException("you have no extension for your phone to join the call");
    }
    Call call = talking(agentId);
    if (live(supervisorId, call.getId()) != null) {
      throw new DeskConflictException("you already listen to this call: change the mode instead");
    }
    OffsetDateTime now = clock.now();
    Monitoring monitoring = new Monitoring(supervisor, call.getAgent(), call, mode, now);
    em.persist(monitoring);
    watched().add(call.getId());
    transaction.afterRollback(this::forget);
    record(monitoring, kind(mode), now);
    transaction.announce(
        new AcdEvent.MonitorStarted(
            call.getAccountId(), now, call.getId(), supervisor.getLogin(), login(call), mode));
    join(call, supervisor, mode);
    return call.getId();
  }

  /** Changes the mode of the supervisor's phone on the agent's call. */
  void change(long supervisorId, long agentId, MonitorMode mode) {
    Call call = talking(agentId);
    Monitoring monitoring = required(supervisorId, call);
    if (monitoring.getMode() == mode) {
      return;
    }
    OffsetDateTime now = clock.now();
    monitoring.change(mode);
    record(monitoring, kind(mode), now);
    transaction.announce(
        new AcdEvent.MonitorChanged(
            call.getAccountId(),
            now,
            call.getId(),
            monitoring.getSupervisor().getLogin(),
            login(call),
            mode));
    join(call, monitoring.getSupervisor(), mode);
  }

  /** Takes the supervisor's phone off the agent's call. */
  void stop(long supervisorId, long agentId) {
    Call call = talking(agentId);
    Monitoring monitoring = required(supervisorId, call);
    end(monitoring, clock.now());
    String account = names.accountName(call.getAccountId());
    String extension = monitoring.getSupervisor().getExtension();
    long callId = call.getId();
    transaction.afterCommit(() -> phoneSwitch.stopMonitor(account, callId, extension));
  }

  /**
   * The supervisor's phone left the call by itself (hung up, refused or never answered the call
   * that joined it): its monitoring ends, with nothing to tell the switch.
   */
  void left(Call call, String supervisorExtension) {
    OffsetDateTime now = clock.now();
    for (Monitoring monitoring :
        em.createQuery(
                "SELECT m FROM Monitoring m WHERE m.call = :call"
                    + " AND m.supervisor.extension = :extension AND m.endedAt IS NULL",
                Monitoring.class)
            .setParameter("call", call)
            .setParameter("extension", supervisorExtension)
            .getResultList()) {
      end(monitoring, now);
    }
  }

  /** The call ended: every phone on it left with it (the switch's hang-up ends every leg). */
  void callEnded(Call call) {
    if (!watched().contains(call.getId())) {
      return;
    }
    OffsetDateTime now = clock.now();
    for (Monitoring monitoring :
        em.createQuery(
                "SELECT m FROM Monitoring m WHERE m.call = :call AND m.endedAt IS NULL",
                Monitoring.class)
            .setParameter("call", call)
            .getResultList()) {
      end(monitoring, now);
    }
    watched().remove(call.getId());
    transaction.afterRollback(this::forget);
  }

  private void end(Monitoring monitoring, OffsetDateTime now) {
    monitoring.end(now);
    record(monitoring, SupervisorAction.Kind.MONITOR_END, now);
    Call call = monitoring.getCall();
    transaction.announce(
        new AcdEvent.MonitorEnded(
            call.getAccountId(),
            now,
            call.getId(),
            monitoring.getSupervisor().getLogin(),
            monitoring.getAgent().getLogin(),
            monitoring.getMode()));
  }

  private void join(Call call, Agent supervisor, MonitorMode mode) {
    String account = names.accountName(call.getAccountId());
    String extension = supervisor.getExtension();
    long callId = call.getId();
    transaction.afterCommit(() -> phoneSwitch.monitor(account, callId, extension, mode));
  }

  private void record(Monitoring monitoring, SupervisorAction.Kind kind, OffsetDateTime now) {
    em.persist(
        new SupervisorAction(
            monitoring.getAccountId(),
            now,
            monitoring.getSupervisor().getLogin(),
            monitoring.getAgent().getLogin(),
            kind,
            monitoring.getCall().getId()));
  }

  /** The call the agent is talking in; 409 otherwise. */
  private Call talking(long agentId) {
    AgentPresence presence = em.find(AgentPresence.class, agentId);
    Call call = presence == null ? null : presence.getCall();
    if (call == null || call.getStatus() != CallStatus.TALKING) {
      throw new DeskConflictException("the agent has no call in conversation");
    }
    return call;
  }

  private Monitoring required(long supervisorId, Call call) {
    Monitoring monitoring = live(supervisorId, call.getId());
    if (monitoring == null) {
      throw new DeskConflictException("you are not on this call");
    }
    return monitoring;
  }

  private Monitoring live(long supervisorId, long callId) {
    List<Monitoring> found =
        em.createQuery(
                "SELECT m FROM Monitoring m WHERE m.supervisor.id = :supervisor"
                    + " AND m.call.id = :call AND m.endedAt IS NULL",
                Monitoring.class)
            .setParameter("supervisor", supervisorId)
            .setParameter("call", callId)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  private Set<Long> watched() {
    if (watched == null) {
      watched =
          new HashSet<>(
              em.createQuery(
                      "SELECT m.call.id FROM Monitoring m WHERE m.endedAt IS NULL", Long.class)
                  .getResultList());
    }
    return watched;
  }

  private void forget() {
    watched = null;
  }

  private static String login(Call call) {
    return call.getAgent().getLogin();
  }

  private static SupervisorAction.Kind kind(MonitorMode mode) {
    return SupervisorAction.Kind.valueOf(mode.name());
  }
}
