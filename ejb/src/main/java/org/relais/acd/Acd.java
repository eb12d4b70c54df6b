package org.relais.acd;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.account.KnownAccounts;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.call.Callback;
import org.relais.directory.ContactProblem;
import org.relais.directory.PhoneNumbers;
import org.relais.group.GroupService;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.presence.AgentStateChange;
import org.relais.presence.AgentStateMachine;
import org.relais.presence.Availability;
import org.relais.presence.IllegalTransitionException;
import org.relais.routing.Router;
import org.relais.telephony.DialFailure;
import org.relais.telephony.Switch;

/**
 * The automatic call distributor of one node (SPEC C1-C5): queues inbound calls per group, offers
 * them to eligible agents, and moves agents through ringing, talking, qualification, wrap-up and
 * penalty pauses.
 *
 * <p>Every mutation runs under the singleton's write lock in a transaction (switch events come in
 * batches, several to a transaction: {@link BatchedSwitchEvents}): it changes the presence, call
 * and audit rows, collects {@link AcdEvent}s (announced together only after the commit) and queues
 * the switch commands it implies, which run only once the transaction has committed. The database
 * is the source of truth: the in-memory {@link Floor}s, which only serve routing decisions, are
 * rebuilt from it at startup and after any rolled-back transaction.
 *
 * <p>Timers (ring timeout, penalty, wrap-up, auto-qualification) are non-persistent EJB timers
 * whose deadline is also stored in the presence row; at startup every deadline is armed again, and
 * a timer whose deadline no longer matches the row is stale and does nothing.
 */
@Singleton
@LocalBean
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@Lock(LockType.WRITE)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class Acd {

  private static final Logger LOG = Logger.getLogger(Acd.class.getName());

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;
  @Inject Event<AcdEvents> events;
  @Inject Switch phoneSwitch;
  @Inject KnownAccounts knownAccounts;
  @Inject GroupService groups;

  /**
   * How long an outbound attempt may last before it counts as not answered, should the switch never
   * report: the agent's phone rings, then the customer's.
   */
  @Inject
  @ConfigProperty(name = "relais.dial.timeout-seconds", defaultValue = "60")
  int dialTimeout;

  @Resource TimerService timers;
  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<Long, Floor> floors = new HashMap<>();

  /**
   * Each agent's running timer, cancelled when its deadline goes (an answered call's ring timeout):
   * a timer left to fire for nothing would still wait for the engine's lock.
   */
  private final Map<Long, Timer> timersByAgent = new HashMap<>();

  /**
   * During a batch of switch events ({@link #applyAll}), the accounts whose offers wait for the end
   * of the batch; null outside a batch. Used under the engine's lock only.
   */
  private Set<Long> dispatchAtEnd;

  // A group never moves to another account: its name is all there is to check.
  private final Remembered<GroupName, QueueGroup> groupsByName =
      new Remembered<>(
          id -> em.find(QueueGroup.class, id),
          (key, group) -> group.getName().equals(key.name()),
          key -> groups.named(account(key.accountId()), key.name(), "group"),
          QueueGroup::getId);
  private final Remembered<Extension, AgentPresence> presencesByExtension =
      new Remembered<>(
          this::presenceWithItsCall,
          (key, presence) ->
              presence.getAccountId() == key.accountId()
                  && key.extension().equals(presence.getAgent().getExtension()),
          this::connectedAt,
          AgentPresence::getAgentId);

  private record GroupName(long accountId, String name) {}

  /** What a switch event is about: the batch reads the presences it will need together. */
  public sealed interface Subject permits Phone, Arrival {}

  /** An agent's phone, as the switch names it in its events. */
  public record Phone(String account, String extension) implements Subject {}

  /** A call arriving in a group, which will most likely be offered to the group's best agent. */
  public record Arrival(String account, String group) implements Subject {}

  private record Extension(long accountId, String extension) {}

  // ---------------------------------------------------------------- startup

  /**
   * Rebuilds from the database after a start or a crash: calls that were queued or in progress are
   * closed as {@code LOST} (the switch lost them with the process); agents holding one are freed as
   * after a hang-up; every stored deadline is armed again, and those already past fire at once.
   */
  @PostConstruct
  void recover() {
    OffsetDateTime now = now();
    for (Call call :
        em.createQuery("SELECT c FROM Call c WHERE c.status <> :ended", Call.class)
            .setParameter("ended", CallStatus.ENDED)
            .getResultList()) {
      call.end(CallOutcome.LOST, now);
      fire(
          new AcdEvent.CallEnded(
              call.getAccountId(),
              now,
              call.getId(),
              loginOf(call.getAgent()),
              CallOutcome.LOST,
              null));
    }
    for (AgentPresence presence :
        em.createQuery("SELECT p FROM AgentPresence p", AgentPresence.class).getResultList()) {
      switch (presence.getActivity()) {
        case RINGING, DIALING -> moveTo(presence, Activity.IDLE, null, null, null);
        case TALKING ->
            afterCall(presence, AgentEvent.HANG_UP, presence.getCall(), presence.getGroup());
        default -> {
          if (presence.getDeadline() != null) {
            arm(presence.getAgentId(), presence.getDeadline());
          }
        }
      }
    }
    floors.clear();
    LOG.info("ACD recovered from the database");
  }

  // ---------------------------------------------------------------- agent desk

  /** Connects the agent to the ACD (banner login); answers its presence. */
  public AgentPresence connect(long agentId) {
    AgentPresence existing = em.find(AgentPresence.class, agentId);
    if (existing != null) {
      return existing;
    }
    Agent agent = em.find(Agent.class, agentId);
    if (agent.getExtension() != null && extensionInUse(agent)) {
      throw new DeskConflictException(
          "extension " + agent.getExtension() + " is already used by a connected agent");
    }
    Availability availability =
        agent.getSettings().isAvailableOnLogin()
            ? Availability.AVAILABLE
            : Availability.UNAVAILABLE;
    AgentPresence presence = new AgentPresence(agent, availability, now());
    em.persist(presence);
    audit(presence);
    Floor floor = floor(agent.getAccount().getId());
    floor.join(presence, agent);
    floor.callsToday(agentId, Floor.answeredToday(em, agentId));
    dispatch(agent.getAccount().getId());
    return presence;
  }

  /** Disconnects the agent; refused while a call is in hand or waits for its qualification. */
  public void disconnect(long agentId) {
    AgentPresence presence = em.find(AgentPresence.class, agentId);
    if (presence == null) {
      return;
    }
    if (EnumSet.of(Activity.RINGING, Activity.TALKING, Activity.DIALING, Activity.QUALIFYING)
        .contains(presence.getActivity())) {
      throw new DeskConflictException(
          "a call is in progress: finish and qualify it before logging out");
    }
    long accountId = presence.getAccountId();
    em.persist(
        new AgentStateChange(
            accountId, agentId, now(), Availability.DISCONNECTED, Activity.IDLE, null));
    fire(
        new AcdEvent.AgentState(
            accountId,
            now(),
            agentId,
            presence.getAgent().getLogin(),
            Availability.DISCONNECTED,
            Activity.IDLE));
    em.remove(presence);
    disarm(agentId);
    floor(accountId).leave(agentId);
  }

  public void changeAvailability(long agentId, boolean available) {
    AgentPresence presence = connected(agentId);
    Availability next = available ? Availability.AVAILABLE : Availability.UNAVAILABLE;
    if (presence.getAvailability() == next) {
      return;
    }
    presence.changeAvailability(next, now());
    audit(presence);
    floor(presence.getAccountId()).update(presence);
    dispatch(presence.getAccountId());
  }

  /** The agent's own inbound / outbound toggles for a group it belongs to (SPEC B2). */
  public void toggleGroup(long agentId, String groupName, boolean inbound, boolean outbound) {
    Agent agent = em.find(Agent.class, agentId);
    Membership membership =
        agent.getMemberships().stream()
            .filter(m -> m.getGroup().getName().equals(groupName))
            .findFirst()
            .orElseThrow(() -> new NoSuchEntityException("group"));
    membership.toggle(inbound, outbound);
    AgentPresence presence = em.find(AgentPresence.class, agentId);
    if (presence != null) {
      floor(presence.getAccountId()).join(presence, agent);
      dispatch(presence.getAccountId());
    }
  }

  public void qualify(long agentId, String code) {
    AgentPresence presence = connected(agentId);
    if (presence.getActivity() != Activity.QUALIFYING) {
      throw new DeskConflictException("there is no call to qualify");
    }
    QueueGroup group = presence.getGroup();
    if (group != null && !group.settings().qualifications().contains(code)) {
      throw new InvalidFieldException("code", "one of the group's qualifications");
    }
    qualifyCall(presence, code);
  }

  public void cancelPenalty(long agentId) {
    AgentPresence presence = connected(agentId);
    transition(presence, AgentEvent.CANCEL_PENALTY, Activity.IDLE, null, null, null);
    dispatch(presence.getAccountId());
  }

  /** The call was transferred from the desk phone (SPEC B4): closed as such, the agent is freed. */
  public void transferred(long agentId) {
    AgentPresence presence = connected(agentId);
    check(presence, AgentEvent.TRANSFERRED);
    Call call = presence.getCall();
    endCall(call, CallOutcome.TRANSFERRED);
    afterCall(presence, AgentEvent.TRANSFERRED, call, presence.getGroup());
    dispatch(presence.getAccountId());
  }

  /**
   * Click-to-dial (SPEC B9): places a call for one of the agent's groups, to the number in its
   * E.164 form (read in the account's country), which the call history keeps. Allowed while idle,
   * even unavailable (availability is about inbound calls); the agent is then DIALING, so no
   * inbound call is offered meanwhile. {@code presentedNumber} is one of the group's caller IDs,
   * chosen where the group allows it; by default the group's first.
   *
   * @return the new call
   */
  public Call dial(long agentId, String groupName, String number, String presentedNumber) {
    AgentPresence presence = connected(agentId);
    check(presence, AgentEvent.DIAL);
    Agent agent = presence.getAgent();
    PhoneNumbers.Normalised dialled =
        PhoneNumbers.of(agent.getAccount().getCountry()).normalise(number);
    if (dialled.problem() != null) {
      throw new ContactProblem("number", dialled.problem()).toException();
    }
    QueueGroup group =
        agent.getMemberships().stream()
            .map(Membership::getGroup)
            .filter(g -> g.getName().equals(groupName))
            .findFirst()
            .orElseThrow(() -> new InvalidFieldException("group", "one of the agent's groups"));
    OffsetDateTime now = now();
    Call call =
        Call.outbound(
            agent.getAccount(),
            group,
            agent,
            presented(group, agent, presentedNumber),
            dialled.e164(),
            now);
    em.persist(call);
    em.flush();
    transition(
        presence, AgentEvent.DIAL, Activity.DIALING, call, group, now.plusSeconds(dialTimeout));
    em.flush();
    fire(
        new AcdEvent.CallDialing(
            presence.getAccountId(),
            now,
            call.getId(),
            group.getName(),
            login(presence),
            call.getCallee()));
    String account = agent.getAccount().getName();
    String extension = agent.getExtension();
    String presented = call.getCaller();
    String callee = call.getCallee();
    afterCommit(() -> phoneSwitch.originate(account, call.getId(), extension, callee, presented));
    return call;
  }

  /** The caller ID a customer sees: the agent's choice where allowed, else the group's first. */
  private static String presented(QueueGroup group, Agent agent, String chosen) {
    GroupSettings rules = group.settings();
    if (chosen != null && !chosen.isBlank()) {
      if (!rules.callerIdSelectable() || !rules.callerIds().contains(chosen)) {
        throw new InvalidFieldException("callerId", "one of the group's caller IDs");
      }
      return chosen;
    }
    if (!rules.callerIds().isEmpty()) {
      return rules.callerIds().get(0);
    }
    return agent.getExtension() == null ? "" : agent.getExtension();
  }

  // ---------------------------------------------------------------- switch events

  /**
   * Applies switch events in one transaction ({@link BatchedSwitchEvents}); an event's failure
   * rolls back them all.
   *
   * @param subjects what the events are about: the presences they will need are read together
   *     first, in one query for the batch instead of one per event
   * @return each event's answer, in order
   */
  public List<Object> applyAll(List<Function<Acd, Object>> switchEvents, List<Subject> subjects) {
    if (subjects.size() > 1) {
      readPresencesFor(subjects);
    }
    List<Object> answers = new ArrayList<>(switchEvents.size());
    dispatchAtEnd = new LinkedHashSet<>();
    try {
      for (Function<Acd, Object> event : switchEvents) {
        answers.add(event.apply(this));
      }
      dispatchAtEnd.forEach(this::dispatchNow);
    } finally {
      // Batches never nest: a switch command that reports straight back does so after the commit.
      dispatchAtEnd = null;
    }
    return answers;
  }

  // One method per event of org.relais.telephony.SwitchEvents, which BatchedSwitchEvents reports.

  public long inboundCall(String accountName, String groupName, String caller, String ivrPath) {
    long accountId = knownAccounts.idOf(accountName);
    QueueGroup group = groupsByName.get(new GroupName(accountId, groupName));
    OffsetDateTime now = now();
    Call call = Call.inbound(account(accountId), group, caller, ivrPath, now);
    em.persist(call);
    callsRead().put(call.getId(), call);
    fire(new AcdEvent.CallQueued(accountId, now, call.getId(), group.getName(), caller));
    fire(new AcdEvent.QueueChanged(accountId, now, group.getName()));
    floor(accountId).enqueue(call, group);
    dispatch(accountId);
    return call.getId();
  }

  public void answered(String accountName, String extension) {
    AgentPresence presence = byExtension(accountName, extension);
    check(presence, AgentEvent.ANSWER);
    Call call = presence.getCall();
    call.answer(now());
    transition(presence, AgentEvent.ANSWER, Activity.TALKING, call, presence.getGroup(), null);
    floor(presence.getAccountId()).answered(presence.getAgentId());
    fire(new AcdEvent.CallAnswered(presence.getAccountId(), now(), call.getId(), login(presence)));
    afterCommit(() -> phoneSwitch.bridge(accountName, call.getId(), extension));
  }

  public void refused(String accountName, String extension) {
    AgentPresence presence = byExtension(accountName, extension);
    notAnswered(presence, AgentEvent.REFUSE, "REFUSED");
  }

  public void agentHungUp(String accountName, String extension) {
    AgentPresence presence = byExtension(accountName, extension);
    if (presence.getActivity() == Activity.RINGING) {
      notAnswered(presence, AgentEvent.REFUSE, "REFUSED");
      return;
    }
    if (presence.getActivity() == Activity.DIALING) {
      dialFailed(presence, CallOutcome.CANCELLED);
      return;
    }
    check(presence, AgentEvent.HANG_UP);
    Call call = presence.getCall();
    endCall(call, CallOutcome.ANSWERED);
    afterCall(presence, AgentEvent.HANG_UP, call, presence.getGroup());
    afterCommit(() -> phoneSwitch.hangUp(accountName, call.getId()));
    dispatch(presence.getAccountId());
  }

  public void callerHungUp(String accountName, long callId) {
    long accountId = knownAccounts.idOf(accountName);
    Call call = callOf(accountId, callId);
    if (!call.getStatus().isLive()) {
      throw new DeskConflictException("the call has already ended");
    }
    AgentPresence presence =
        call.getAgent() == null ? null : em.find(AgentPresence.class, call.getAgent().getId());
    switch (call.getStatus()) {
      case QUEUED -> abandon(call);
      case RINGING -> {
        abandon(call);
        String extension = presence.getAgent().getExtension();
        afterCommit(() -> phoneSwitch.cancelOffer(accountName, callId, extension));
        transition(presence, AgentEvent.CALLER_GONE, Activity.IDLE, null, null, null);
      }
      case DIALING -> dialFailed(presence, CallOutcome.NO_ANSWER);
      case TALKING -> {
        endCall(call, CallOutcome.ANSWERED);
        afterCall(presence, AgentEvent.HANG_UP, call, presence.getGroup());
        afterCommit(() -> phoneSwitch.hangUp(accountName, callId));
      }
      default -> throw new IllegalStateException(call.getStatus().name());
    }
    dispatch(accountId);
  }

  public void outboundAnswered(String accountName, long callId) {
    AgentPresence presence = dialing(accountName, callId);
    Call call = presence.getCall();
    call.answer(now());
    transition(presence, AgentEvent.ANSWER, Activity.TALKING, call, presence.getGroup(), null);
    fire(new AcdEvent.CallAnswered(presence.getAccountId(), now(), callId, login(presence)));
  }

  public void outboundFailed(String accountName, long callId, DialFailure failure) {
    dialFailed(dialing(accountName, callId), failure.outcome());
  }

  // ---------------------------------------------------------------- timers

  @Timeout
  void deadlineReached(Timer timer) {
    Deadline due = (Deadline) timer.getInfo();
    AgentPresence presence = em.find(AgentPresence.class, due.agentId());
    if (presence == null
        || presence.getDeadline() == null
        || !presence.getDeadline().isEqual(due.at())) {
      return; // stale: the agent moved on before the timer fired
    }
    timersByAgent.remove(due.agentId());
    switch (presence.getActivity()) {
      case RINGING -> notAnswered(presence, AgentEvent.RING_TIMEOUT, "TIMEOUT");
      case PENALTY -> {
        wrapUp(presence, AgentEvent.PENALTY_OVER, presence.getGroup());
        dispatch(presence.getAccountId());
      }
      case WRAP_UP -> {
        transition(presence, AgentEvent.WRAP_UP_OVER, Activity.IDLE, null, null, null);
        dispatch(presence.getAccountId());
      }
      case QUALIFYING -> {
        String code = presence.getGroup().settings().autoQualifyCode();
        qualifyCall(presence, code);
      }
      case DIALING -> dialFailed(presence, CallOutcome.NO_ANSWER);
      default -> LOG.warning("deadline in activity " + presence.getActivity() + ", ignored");
    }
  }

  // ---------------------------------------------------------------- transitions

  private void notAnswered(AgentPresence presence, AgentEvent event, String reason) {
    check(presence, event);
    Call call = presence.getCall();
    QueueGroup group = presence.getGroup();
    String extension = presence.getAgent().getExtension();
    call.notAnswered();
    fire(
        new AcdEvent.CallNotAnswered(
            presence.getAccountId(), now(), call.getId(), login(presence), reason));
    String account = knownAccounts.nameOf(presence.getAccountId());
    afterCommit(() -> phoneSwitch.cancelOffer(account, call.getId(), extension));
    int penalty = group.penalty();
    if (penalty > 0) {
      transition(presence, event, Activity.PENALTY, null, group, now().plusSeconds(penalty));
    } else {
      wrapUp(presence, event, group);
    }
    floor(presence.getAccountId()).enqueue(call, group);
    dispatch(presence.getAccountId());
  }

  /**
   * An outbound call that reached nobody ends with its outcome and frees the agent at once: nothing
   * was said, so there is nothing to qualify.
   */
  private void dialFailed(AgentPresence presence, CallOutcome outcome) {
    check(presence, AgentEvent.DIAL_FAILED);
    Call call = presence.getCall();
    endCall(call, outcome);
    transition(presence, AgentEvent.DIAL_FAILED, Activity.IDLE, null, null, null);
    String account = knownAccounts.nameOf(presence.getAccountId());
    afterCommit(() -> phoneSwitch.hangUp(account, call.getId()));
    dispatch(presence.getAccountId());
  }

  /** After hang-up or transfer: qualification if the group requires it, else the wrap-up. */
  private void afterCall(AgentPresence presence, AgentEvent event, Call call, QueueGroup group) {
    if (group != null && group.qualificationRequired()) {
      OffsetDateTime auto = group.autoQualify() > 0 ? now().plusSeconds(group.autoQualify()) : null;
      transition(presence, event, Activity.QUALIFYING, call, group, auto);
    } else {
      wrapUp(presence, event, group);
    }
  }

  private void qualifyCall(AgentPresence presence, String code) {
    check(presence, AgentEvent.QUALIFY);
    Call call = presence.getCall();
    call.qualify(code);
    fire(
        new AcdEvent.CallQualified(
            presence.getAccountId(), now(), call.getId(), login(presence), code));
    wrapUp(presence, AgentEvent.QUALIFY, presence.getGroup());
    dispatch(presence.getAccountId());
  }

  /** The group's wrap-up pause, or straight back to IDLE when it lasts zero seconds. */
  private void wrapUp(AgentPresence presence, AgentEvent event, QueueGroup group) {
    int seconds = group == null ? 0 : group.wrapUp();
    if (seconds > 0) {
      transition(presence, event, Activity.WRAP_UP, null, group, now().plusSeconds(seconds));
    } else {
      transition(presence, event, Activity.IDLE, null, null, null);
    }
  }

  private void abandon(Call call) {
    OffsetDateTime now = now();
    call.end(CallOutcome.ABANDONED, now);
    em.persist(Callback.forAbandoned(call, now));
    long accountId = call.getAccountId();
    fire(
        new AcdEvent.CallAbandoned(
            accountId, now, call.getId(), call.getGroupName(), call.waitSeconds()));
    fire(new AcdEvent.QueueChanged(accountId, now, call.getGroupName()));
    floor(accountId).remove(call.getId());
  }

  private void endCall(Call call, CallOutcome outcome) {
    call.end(outcome, now());
    fire(
        new AcdEvent.CallEnded(
            call.getAccountId(), now(), call.getId(), loginOf(call.getAgent()), outcome, null));
  }

  /**
   * Offers waiting calls to eligible agents, at once or, within a batch of switch events, once at
   * the end of the batch: the offers of the whole batch then read the calls and presences they need
   * together, instead of one query each when agents free up one by one while calls wait. No offer
   * is announced before the commit either way.
   */
  private void dispatch(long accountId) {
    if (dispatchAtEnd != null) {
      dispatchAtEnd.add(accountId);
    } else {
      dispatchNow(accountId);
    }
  }

  /** Offers waiting calls to eligible agents for as long as the floor finds pairs. */
  private void dispatchNow(long accountId) {
    Floor floor = floor(accountId);
    List<Router.Offer> offers = new ArrayList<>();
    for (Optional<Router.Offer> next = floor.nextOffer();
        next.isPresent();
        next = floor.nextOffer()) {
      offers.add(next.get());
    }
    if (offers.isEmpty()) {
      return;
    }
    readFor(offers);
    offers.forEach(this::offer);
  }

  private void offer(Router.Offer offer) {
    Call call = callsRead().computeIfAbsent(offer.callId(), id -> em.find(Call.class, id));
    AgentPresence presence = presenceWithItsCall(offer.agentId());
    QueueGroup group = call.getGroup();
    OffsetDateTime now = now();
    call.offerTo(presence.getAgent(), now);
    int ringTimeout = group.ringTimeout();
    transition(
        presence, AgentEvent.OFFER, Activity.RINGING, call, group, now.plusSeconds(ringTimeout));
    // The unique call_id and the presence version make the database refuse a double offer, at
    // the latest when the transaction commits.
    fire(
        new AcdEvent.CallOffered(
            presence.getAccountId(), now, call.getId(), group.getName(), login(presence)));
    fire(new AcdEvent.QueueChanged(presence.getAccountId(), now, group.getName()));
    String caller = call.getCaller();
    String extension = presence.getAgent().getExtension();
    String account = knownAccounts.nameOf(presence.getAccountId());
    afterCommit(
        () ->
            phoneSwitch.offer(
                account, call.getId(), caller, extension, Duration.ofSeconds(ringTimeout)));
  }

  private void moveTo(
      AgentPresence presence, Activity next, Call call, QueueGroup group, OffsetDateTime deadline) {
    presence.moveTo(next, call, group, deadline, now());
    audit(presence);
    if (deadline != null) {
      arm(presence.getAgentId(), deadline);
    } else {
      disarm(presence.getAgentId());
    }
    floor(presence.getAccountId()).update(presence);
  }

  /** Refuses (409) an event the agent's activity does not accept, before anything changes. */
  private void check(AgentPresence presence, AgentEvent event) {
    if (!AgentStateMachine.accepts(presence.getActivity(), event)) {
      throw new DeskConflictException(
          new IllegalTransitionException(presence.getActivity(), event).getMessage());
    }
  }

  /** A change of activity that the state machine checks (SPEC C1, C2). */
  private void transition(
      AgentPresence presence,
      AgentEvent event,
      Activity next,
      Call call,
      QueueGroup group,
      OffsetDateTime deadline) {
    try {
      AgentStateMachine.move(presence.getActivity(), event, next);
    } catch (IllegalTransitionException e) {
      throw new DeskConflictException(e.getMessage());
    }
    moveTo(presence, next, call, group, deadline);
  }

  private void audit(AgentPresence presence) {
    OffsetDateTime now = now();
    Long callId = presence.getCall() == null ? null : presence.getCall().getId();
    em.persist(
        new AgentStateChange(
            presence.getAccountId(),
            presence.getAgentId(),
            now,
            presence.getAvailability(),
            presence.getActivity(),
            callId));
    fire(
        new AcdEvent.AgentState(
            presence.getAccountId(),
            now,
            presence.getAgentId(),
            login(presence),
            presence.getAvailability(),
            presence.getActivity()));
  }

  private void arm(long agentId, OffsetDateTime deadline) {
    disarm(agentId);
    Date when = Date.from(deadline.toInstant());
    Date now = Date.from(clock.instant());
    timersByAgent.put(
        agentId,
        timers.createSingleActionTimer(
            when.before(now) ? now : when,
            new TimerConfig(new Deadline(agentId, deadline), false)));
  }

  private void disarm(long agentId) {
    Timer timer = timersByAgent.remove(agentId);
    if (timer != null) {
      try {
        timer.cancel();
      } catch (NoSuchObjectLocalException gone) {
        // It fired meanwhile, or its transaction rolled back: nothing left to cancel.
      }
    }
  }

  // ---------------------------------------------------------------- lookups and plumbing

  private Floor floor(long accountId) {
    Floor floor = floors.get(accountId);
    if (floor == null) {
      floor = Floor.rebuild(em, accountId);
      floors.put(accountId, floor);
    }
    forgetOnRollback(accountId);
    return floor;
  }

  /**
   * The floor changes with the transaction; if the transaction rolls back, its memory is wrong:
   * drop it, the next use rebuilds it from the database.
   */
  private void forgetOnRollback(long accountId) {
    perTransaction(
        "relais.floor." + accountId,
        () -> {
          afterCompletion(
              status -> {
                if (status != Status.STATUS_COMMITTED) {
                  synchronized (floors) {
                    floors.remove(accountId);
                  }
                }
              });
          return Boolean.TRUE;
        });
  }

  /** What this transaction keeps under the key, made by {@code create} at its first use. */
  private <T> T perTransaction(Object key, Supplier<T> create) {
    @SuppressWarnings("unchecked")
    T kept = (T) transactions.getResource(key);
    if (kept == null) {
      kept = create.get();
      transactions.putResource(key, kept);
    }
    return kept;
  }

  /** Switch commands and announcements run only once the transaction has committed. */
  private void afterCommit(Runnable command) {
    afterCompletion(
        status -> {
          if (status == Status.STATUS_COMMITTED) {
            command.run();
          }
        });
  }

  /** Runs {@code then} with the transaction's outcome ({@link Status}) once it has completed. */
  private void afterCompletion(IntConsumer then) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            then.accept(status);
          }
        });
  }

  /**
   * Keeps the event with the transaction's others; they are announced together ({@link AcdEvents})
   * once the transaction has committed, and never if it rolls back.
   */
  private void fire(AcdEvent event) {
    List<AcdEvent> pending =
        perTransaction(
            AcdEvents.class,
            () -> {
              List<AcdEvent> created = new ArrayList<>();
              afterCommit(() -> events.fire(new AcdEvents(created)));
              return created;
            });
    pending.add(event);
  }

  private AgentPresence connected(long agentId) {
    AgentPresence presence = em.find(AgentPresence.class, agentId);
    if (presence == null) {
      throw new DeskConflictException("the agent is not connected to the ACD");
    }
    return presence;
  }

  /** The presence of the agent whose outbound call this is; 409 once the attempt is over. */
  private AgentPresence dialing(String accountName, long callId) {
    Call call = callOf(knownAccounts.idOf(accountName), callId);
    if (call.getStatus() != CallStatus.DIALING) {
      throw new DeskConflictException("the call is not being dialled");
    }
    return connected(call.getAgent().getId());
  }

  private AgentPresence byExtension(String accountName, String extension) {
    return presencesByExtension.get(new Extension(knownAccounts.idOf(accountName), extension));
  }

  /**
   * The presence with its agent, call and group, which every switch event about an agent reads: one
   * query rather than four, and none when this transaction already read it. Without flushing first:
   * a presence this transaction changed is found as this transaction left it (the one in memory, as
   * the query itself would answer), and the batch's changes are written together at commit.
   */
  private AgentPresence presenceWithItsCall(long agentId) {
    Map<Long, AgentPresence> read = presencesRead();
    AgentPresence known = read.get(agentId);
    if (known != null && em.contains(known)) {
      return known;
    }
    AgentPresence found =
        presencesWithTheirCalls("p.agentId = :agent")
            .setParameter("agent", agentId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (found != null) {
      read.put(agentId, found);
    }
    return found;
  }

  /**
   * Reads, in one query, the presences of the agents whose phones the events name and of those the
   * arriving calls' groups would be offered first. Only what the engine has seen before is named
   * here: a name it does not know is looked up, or refused, by its own event. A guess that turns
   * out wrong costs nothing but the row read.
   */
  private void readPresencesFor(List<Subject> subjects) {
    readPresences(agentsLikelyNeeded(subjects));
  }

  /**
   * Reads the waiting calls and the presences that the offers need and that this transaction has
   * not read yet, one query for each kind. A single one is left to its own lookup: as cheap.
   */
  private void readFor(List<Router.Offer> offers) {
    Map<Long, Call> calls = callsRead();
    List<Long> callIds =
        offers.stream().map(Router.Offer::callId).filter(id -> !calls.containsKey(id)).toList();
    if (callIds.size() > 1) {
      for (Call call :
          em.createQuery(
                  "SELECT c FROM Call c LEFT JOIN FETCH c.group WHERE c.id IN :calls", Call.class)
              .setFlushMode(FlushModeType.COMMIT)
              .setParameter("calls", callIds)
              .getResultList()) {
        calls.put(call.getId(), call);
      }
    }
    Map<Long, AgentPresence> presences = presencesRead();
    readPresences(
        offers.stream()
            .map(Router.Offer::agentId)
            .filter(id -> !presences.containsKey(id))
            .toList());
  }

  /** Reads the presences, with their agent, call and group, in one query; not a single one. */
  private void readPresences(List<Long> agentIds) {
    if (agentIds.size() > 1) {
      Map<Long, AgentPresence> read = presencesRead();
      for (AgentPresence presence :
          presencesWithTheirCalls("p.agentId IN :agents")
              .setParameter("agents", agentIds)
              .getResultList()) {
        read.put(presence.getAgentId(), presence);
      }
    }
  }

  private List<Long> agentsLikelyNeeded(List<Subject> subjects) {
    List<Long> agentIds = new ArrayList<>(subjects.size());
    Map<GroupName, Integer> arrivals = new HashMap<>();
    for (Subject subject : subjects) {
      if (subject instanceof Phone phone) {
        knownAccounts
            .knownId(phone.account())
            .flatMap(
                account -> presencesByExtension.knownId(new Extension(account, phone.extension())))
            .ifPresent(agentIds::add);
      } else if (subject instanceof Arrival arrival) {
        knownAccounts
            .knownId(arrival.account())
            .ifPresent(
                account ->
                    arrivals.merge(new GroupName(account, arrival.group()), 1, Integer::sum));
      }
    }
    arrivals.forEach(
        (group, calls) -> {
          Floor floor = floors.get(group.accountId());
          Optional<Long> groupId = groupsByName.knownId(group);
          if (floor != null && groupId.isPresent()) {
            agentIds.addAll(floor.preferredAgents(groupId.get(), calls));
          }
        });
    return agentIds;
  }

  /** Presences with their agent, call and group, read without flushing first. */
  private TypedQuery<AgentPresence> presencesWithTheirCalls(String condition) {
    return em.createQuery(
            "SELECT p FROM AgentPresence p JOIN FETCH p.agent"
                + " LEFT JOIN FETCH p.call LEFT JOIN FETCH p.group WHERE "
                + condition,
            AgentPresence.class)
        .setFlushMode(FlushModeType.COMMIT);
  }

  /** The calls this transaction has created or read for an offer, by id. */
  private Map<Long, Call> callsRead() {
    return perTransaction("relais.calls", HashMap::new);
  }

  /** The presences this transaction has read, by agent id. */
  private Map<Long, AgentPresence> presencesRead() {
    return perTransaction("relais.presences", HashMap::new);
  }

  private AgentPresence connectedAt(Extension key) {
    // Through the agent's account, so that the database finds the agent by its index.
    return presencesWithTheirCalls(
            "p.agent.account.id = :account AND p.agent.extension = :extension")
        .setParameter("account", key.accountId())
        .setParameter("extension", key.extension())
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new DeskConflictException("no connected agent has extension " + key.extension()));
  }

  private boolean extensionInUse(Agent agent) {
    return em.createQuery(
                "SELECT COUNT(p) FROM AgentPresence p WHERE p.accountId = :account"
                    + " AND p.agent.extension = :extension",
                Long.class)
            .setParameter("account", agent.getAccount().getId())
            .setParameter("extension", agent.getExtension())
            .getSingleResult()
        > 0;
  }

  /**
   * The account as a reference: the engine needs only its id, and the account's row is not read.
   */
  private Account account(long id) {
    return em.getReference(Account.class, id);
  }

  /** The account's call; {@link NoSuchEntityException} for another account's. */
  private Call callOf(long accountId, long callId) {
    Call call = em.find(Call.class, callId);
    if (call == null || call.getAccountId() != accountId) {
      throw new NoSuchEntityException("call");
    }
    return call;
  }

  /** Millisecond precision: the databases keep microseconds, and deadlines must compare equal. */
  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }

  private static String login(AgentPresence presence) {
    return presence.getAgent().getLogin();
  }

  private static String loginOf(Agent agent) {
    return agent == null ? null : agent.getLogin();
  }

  /** What a timer carries: whose deadline, and which one (so that a stale timer can tell). */
  record Deadline(long agentId, OffsetDateTime at) implements java.io.Serializable {}
}
