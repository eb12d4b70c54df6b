package org.relais.acd;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.account.AccountTime;
import org.relais.account.KnownAccounts;
import org.relais.call.Call;
import org.relais.call.LineTarget;
import org.relais.call.RecordingFolder;
import org.relais.dialer.CampaignContact;
import org.relais.operations.WriterMeters;
import org.relais.presence.AgentPresence;
import org.relais.presence.Attendance;
import org.relais.telephony.MonitorMode;
import org.relais.telephony.Switch;

/**
 * The automatic call distributor of one node (SPEC C1-C5), as the container runs it: one writer.
 * Every command and every batch of switch events ({@link BatchedSwitchEvents}) runs under this
 * singleton's write lock, in one transaction, through the {@link Engine}'s parts: {@link
 * DeskCommands} for what agents do, {@link CallFlow} for what the switch and the timers report.
 * Their changes to presence, call and audit rows are committed before anything is announced ({@link
 * AcdEvents}) or asked of the switch. The database is the source of truth: at startup {@link
 * Recovery} rebuilds from it (docs/ARCHITECTURE.md).
 */
@Singleton
@LocalBean
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@Lock(LockType.WRITE)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class Acd {

  /** How late a deadline may be handled before it counts as lost: beyond a busy engine's delay. */
  private static final Duration OVERDUE = Duration.ofSeconds(5);

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;
  @Inject Event<AcdEvents> events;
  @Inject Switch phoneSwitch;
  @Inject KnownAccounts knownAccounts;
  @Inject AccountTime accountTime;

  /**
   * How long an outbound attempt may last before it counts as not answered, should the switch never
   * report: the agent's phone rings, then the customer's.
   */
  @Inject
  @ConfigProperty(name = "relais.dial.timeout-seconds", defaultValue = "60")
  int dialTimeout;

  /**
   * How long a connected agent may go unseen (no banner open, no request) before it is
   * disconnected; 0 never.
   */
  @Inject
  @ConfigProperty(name = "relais.presence.silence-seconds", defaultValue = "300")
  int silence;

  @Inject Attendance attendance;

  @Inject WriterMeters writerMeters;

  @Inject RecordingFolder recordingFolder;

  @Resource TimerService timers;
  @Resource TransactionSynchronizationRegistry transactions;

  private Engine engine;

  @PostConstruct
  void start() {
    engine =
        new Engine(
            em,
            clock,
            phoneSwitch,
            knownAccounts,
            new JtaTransaction(transactions, events),
            new TimerDeadlines(timers, clock),
            accountTime::today,
            dialTimeout,
            recordingFolder.root());
    engine.recovery().recover();
  }

  // ---------------------------------------------------------------- agent desk (DeskCommands)

  /**
   * Connects the agent to the ACD (banner login); answers its presence.
   *
   * @param phoneRegistered whether the switch's registry holds the agent's phone now ({@link
   *     org.relais.telephony.RegisteredPhones}, asked before this lock is taken)
   */
  public AgentPresence connect(long agentId, boolean phoneRegistered) {
    return engine.desk().connect(agentId, phoneRegistered);
  }

  /** Disconnects the agent; refused while a call is in hand or waits for its qualification. */
  public void disconnect(long agentId) {
    engine.desk().disconnect(agentId);
  }

  public void changeAvailability(long agentId, boolean available) {
    engine.desk().changeAvailability(agentId, available);
  }

  /** The agent's own inbound / outbound toggles for a group it belongs to (SPEC B2). */
  public void toggleGroup(long agentId, String groupName, boolean inbound, boolean outbound) {
    engine.desk().toggleGroup(agentId, groupName, inbound, outbound);
  }

  public void qualify(long agentId, String code) {
    engine.desk().qualify(agentId, code);
  }

  public void cancelPenalty(long agentId) {
    engine.desk().cancelPenalty(agentId);
  }

  /** The call was transferred from the desk phone (SPEC B4). */
  public void transferred(long agentId) {
    engine.desk().transferred(agentId);
  }

  /** Click-to-dial (SPEC B9); answers the new call. */
  public Call dial(long agentId, String groupName, String number, String presentedNumber) {
    return engine.desk().dial(agentId, groupName, number, presentedNumber);
  }

  // ---------------------------------------------------------------- outbound engine (Dialer)

  /** Preview: reserves and answers the agent's next contact due; null when none is. */
  public CampaignContact nextContact(long agentId) {
    return engine.dialer().next(agentId);
  }

  /** Dials a campaign's contact; refused (409, the rule's name) where a rule forbids it now. */
  public Call callContact(long agentId, long contactId) {
    return engine.dialer().call(agentId, contactId);
  }

  public void reserveContact(long agentId, long contactId) {
    engine.dialer().reserve(agentId, contactId);
  }

  public void rescheduleContact(long agentId, long contactId, OffsetDateTime at) {
    engine.dialer().reschedule(agentId, contactId, at);
  }

  /** Automatic campaigns dial for their free agents: soon after an agent frees up, at most 2 s. */
  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void dialForFreeAgents() {
    engine.dialer().dialForFreeAgents();
  }

  /** Predictive campaigns place their calls ahead of their free agents (SPEC B11). */
  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void dialPredictive() {
    engine.predictive().dial();
  }

  /** Predictive campaigns adapt their dial level to keep their abandon rate under its limit. */
  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
  void adaptDialLevels() {
    engine.predictive().adapt();
  }

  // ------------------------------------------------ supervisors (SupervisorCommands, Monitors)

  /** A supervisor or admin ({@code by}, audited) forces the agent's availability (SPEC E5). */
  public void forceAvailability(String by, long agentId, boolean available) {
    engine.supervisor().forceAvailability(by, agentId, available);
  }

  /** A supervisor or admin ({@code by}, audited) disconnects the agent; refused during a call. */
  public void forceDisconnect(String by, long agentId) {
    engine.supervisor().disconnect(by, agentId);
  }

  /**
   * A supervisor or admin ({@code by}, audited) turns the agent's inbound and outbound part in one
   * of its groups on or off for it (SPEC E5).
   */
  public void changeGroup(
      String by, long agentId, String groupName, boolean inbound, boolean outbound) {
    engine.supervisor().changeGroup(by, agentId, groupName, inbound, outbound);
  }

  /** The supervisor's phone joins the agent's call (SPEC X2); refused with no call; its id. */
  public long monitor(long supervisorId, long agentId, MonitorMode mode) {
    return engine.monitors().start(supervisorId, agentId, mode);
  }

  public void changeMonitor(long supervisorId, long agentId, MonitorMode mode) {
    engine.monitors().change(supervisorId, agentId, mode);
  }

  public void stopMonitor(long supervisorId, long agentId) {
    engine.monitors().stop(supervisorId, agentId);
  }

  // ---------------------------------------------------------------- the agent's lines (Lines)

  /** Holds the agent's call and places a consult call (SPEC B12); answers the new line. */
  public Call consult(long agentId, LineTarget target) {
    return engine.lines().consult(agentId, target);
  }

  public void hold(long agentId, long lineId) {
    engine.lines().hold(agentId, lineId);
  }

  /** Takes the line off hold, holding the other one. */
  public void resume(long agentId, long lineId) {
    engine.lines().resume(agentId, lineId);
  }

  public void hangUpLine(long agentId, long lineId) {
    engine.lines().hangUp(agentId, lineId);
  }

  /** The attended transfer: joins the agent's two lines and frees the agent. */
  public void transferLines(long agentId) {
    engine.lines().transfer(agentId);
  }

  /** The blind transfer of the agent's call to a number, an agent or a group. */
  public void blindTransfer(long agentId, long lineId, LineTarget target) {
    engine.lines().blindTransfer(agentId, lineId, target);
  }

  /** The agent starts or stops the recording of its call (SPEC B13). */
  public void record(long agentId, boolean on) {
    engine.recordings().record(agentId, on);
  }

  // ---------------------------------------------------------------- switch events (CallFlow)

  /**
   * Applies a batch of switch events in one transaction; an event's failure rolls back them all.
   * Each event's answer is kept in its {@link Applied}, for its reporter once this has committed.
   */
  public void applyAll(List<? extends Applied<?>> batch) {
    long started = System.nanoTime();
    engine.flow().apply(batch);
    writerMeters.batchWorked(transactions, started);
  }

  /**
   * Deadlines whose timer failed (a database outage) or was lost are armed again until they have
   * been handled: a call never stays ringing an agent, nor an agent in wrap-up, for ever.
   */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void retryOverdueDeadlines() {
    engine.recovery().rearmOverdue(OVERDUE);
  }

  /** Agents who are no longer there are disconnected, so that no call rings an empty desk. */
  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
  void disconnectAbsentAgents() {
    if (silence > 0) {
      Instant since = clock.instant().minusSeconds(silence);
      engine.desk().disconnectAbsent(agentId -> attendance.there(agentId, since));
    }
  }

  @Timeout
  void deadlineReached(Timer timer) {
    if (timer.getInfo() instanceof TimerDeadlines.WaitLimit limit) {
      engine.flow().waitLimitReached(limit.callId(), limit.at());
    } else {
      TimerDeadlines.Deadline due = (TimerDeadlines.Deadline) timer.getInfo();
      engine.flow().deadlineReached(due.agentId(), due.at());
    }
  }
}
