package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.account.AccountNames;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.agent.GroupAssignment;
import org.relais.agent.Role;
import org.relais.call.Call;
import org.relais.call.HistoryPeriod;
import org.relais.dialer.Campaign;
import org.relais.dialer.CampaignContact;
import org.relais.dialer.CampaignDraft;
import org.relais.dialer.Campaigns;
import org.relais.dialer.ContactStatus;
import org.relais.dialer.DoNotCall;
import org.relais.group.GroupSettings;
import org.relais.group.Overflow;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentPresence;
import org.relais.telephony.DialFailure;

/**
 * A floor of the engine for one unit test: an account of its own in the test database, the engine's
 * parts wired as in the server but with a clock, a switch and timers the test holds, and a
 * transaction per action, committed (or rolled back on failure) as the server would.
 */
final class Floorplan implements AccountNames {

  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  /** Where recordings would be written: the recording switch writes none. */
  static final Path RECORDINGS = Path.of("target", "recordings");

  final TestClock clock;
  final RecordingSwitch phones = new RecordingSwitch();
  final ManualDeadlines deadlines = new ManualDeadlines();
  final HandCommittedTransaction transaction = new HandCommittedTransaction();
  final String account;

  private final EntityManager em = TestDatabase.factory().createEntityManager();
  private final Engine engine;
  private final long accountId;

  /** A new account, on Monday 2 March 2026 at 09:00 UTC. */
  Floorplan() {
    this("floor-" + ACCOUNTS.incrementAndGet(), null, Instant.parse("2026-03-02T09:00:00Z"));
  }

  private Floorplan(String account, Long existingAccountId, Instant now) {
    this.account = account;
    this.clock = new TestClock(now);
    this.engine =
        new Engine(
            em,
            clock,
            phones,
            this,
            transaction,
            deadlines,
            id -> HistoryPeriod.TODAY.around(clock.instant().atZone(ZoneOffset.UTC)),
            60,
            RECORDINGS);
    this.accountId =
        existingAccountId != null
            ? existingAccountId
            : inTransaction(
                () -> {
                  Account created = new Account(account, OffsetDateTime.now(clock));
                  em.persist(created);
                  em.flush();
                  return created.getId();
                });
  }

  // ---------------------------------------------------------------- the account's set-up

  /** A group with the manual's defaults, changed by {@code settings}. */
  String group(String name, Function<GroupSettings, GroupSettings> settings) {
    inTransaction(
        () -> {
          em.persist(
              new QueueGroup(
                  em.find(Account.class, accountId),
                  name,
                  settings.apply(GroupSettings.defaults())));
          return null;
        });
    return name;
  }

  /** Changes a group of the account, in its own transaction. */
  void withGroup(String name, Consumer<QueueGroup> change) {
    inTransaction(
        () -> {
          change.accept(groupNamed(name));
          return null;
        });
  }

  /** Sets a group's queue limits, and the group its calls overflow to (SPEC E2). */
  void overflow(String name, Overflow overflow) {
    withGroup(
        name,
        group ->
            group.changeOverflow(
                overflow, overflow.toGroup() == null ? null : groupNamed(overflow.toGroup())));
  }

  /** An agent with an extension, an inbound and outbound member of the groups, every module on. */
  long agent(String login, String extension, String... groups) {
    return inTransaction(
        () -> {
          Agent agent =
              new Agent(em.find(Account.class, accountId), login, login, "hash", Role.AGENT);
          agent.assignExtension(extension, false);
          agent.enableModules(List.of(BannerModule.values()));
          em.persist(agent);
          em.flush();
          agent.assignGroups(
              java.util.Arrays.stream(groups)
                  .map(name -> new GroupAssignment(name, true, true, 1))
                  .toList(),
              this::groupNamed);
          return agent.getId();
        });
  }

  void with(long agentId, Consumer<Agent> change) {
    inTransaction(
        () -> {
          change.accept(em.find(Agent.class, agentId));
          return null;
        });
  }

  // ---------------------------------------------------------------- what agents do

  /** Starts or stops the recording of the agent's call, in its own transaction. */
  void record(long agentId, boolean on) {
    inTransaction(
        () -> {
          engine.recordings().record(agentId, on);
          return null;
        });
  }

  CallFlow flow() {
    return engine.flow();
  }

  Recovery recovery() {
    return engine.recovery();
  }

  /** Runs a desk command in its own transaction. */
  <T> T at(Function<DeskCommands, T> command) {
    return inTransaction(() -> command.apply(engine.desk()));
  }

  /** Runs a desk command that answers nothing in its own transaction. */
  void does(Consumer<DeskCommands> command) {
    at(
        desk -> {
          command.accept(desk);
          return null;
        });
  }

  /** Runs a supervisor's command (SPEC E5, X2) in its own transaction. */
  void supervisor(Consumer<Engine> command) {
    inTransaction(
        () -> {
          command.accept(engine);
          return null;
        });
  }

  /** Runs a command on an agent's lines in its own transaction. */
  <T> T onLines(Function<Lines, T> command) {
    return inTransaction(() -> command.apply(engine.lines()));
  }

  /** Runs a command on an agent's lines that answers nothing in its own transaction. */
  void withLines(Consumer<Lines> command) {
    onLines(
        lines -> {
          command.accept(lines);
          return null;
        });
  }

  /** The agent connects, its phone registered, and is made available or not. */
  void connect(long agentId, boolean available) {
    connect(agentId, available, true);
  }

  void connect(long agentId, boolean available, boolean phoneRegistered) {
    at(desk -> desk.connect(agentId, phoneRegistered));
    does(desk -> desk.changeAvailability(agentId, available));
  }

  // ---------------------------------------------------------------- the outbound engine

  /** Runs an outbound-engine command in its own transaction. */
  <T> T dialer(Function<Dialer, T> command) {
    return inTransaction(() -> command.apply(engine.dialer()));
  }

  /**
   * A campaign of the group with the legal defaults changed by {@code settings}, and its numbers
   * (E.164); answers the contacts' ids, in the order given.
   */
  List<Long> campaign(
      String name, String group, UnaryOperator<CampaignDraft> settings, String... numbers) {
    return inTransaction(
        () -> {
          Campaign campaign =
              new Campaign(
                  em.find(Account.class, accountId),
                  name,
                  settings.apply(CampaignDraft.of(groupNamed(group))),
                  OffsetDateTime.now(clock));
          em.persist(campaign);
          List<Long> ids = new java.util.ArrayList<>();
          for (String number : numbers) {
            CampaignContact contact =
                new CampaignContact(
                    campaign,
                    number,
                    null,
                    null,
                    null,
                    ContactStatus.PENDING,
                    campaign.getCreatedAt());
            em.persist(contact);
            em.flush();
            ids.add(contact.getId());
          }
          return ids;
        });
  }

  /** Runs a round of the predictive dialler (SPEC B11) in its own transaction. */
  void predictive(Consumer<Predictive> round) {
    inTransaction(
        () -> {
          round.accept(engine.predictive());
          return null;
        });
  }

  /** Changes a campaign of the account, in its own transaction. */
  void withCampaign(String name, Consumer<Campaign> change) {
    inTransaction(
        () -> {
          change.accept(
              em.createQuery(
                      "SELECT c FROM Campaign c WHERE c.account.id = :account AND c.name = :name",
                      Campaign.class)
                  .setParameter("account", accountId)
                  .setParameter("name", name)
                  .getSingleResult());
          return null;
        });
  }

  /** A campaign's abandon rate now, as the predictive dialler reads it. */
  double abandonRate(String campaign) {
    double[] rate = new double[1];
    withCampaign(
        campaign, c -> rate[0] = Campaigns.abandonRate(em, c.getId(), OffsetDateTime.now(clock)));
    return rate[0];
  }

  void doNotCall(String e164) {
    inTransaction(
        () -> {
          em.persist(new DoNotCall(accountId, e164, OffsetDateTime.now(clock)));
          return null;
        });
  }

  CampaignContact contact(long id) {
    em.clear();
    return em.find(CampaignContact.class, id);
  }

  // ---------------------------------------------------------------- what the switch reports

  /** Applies the switch's events in one transaction, as a batch; answers their answers. */
  List<Object> report(SwitchEvent<?>... events) {
    List<Applied<?>> batch = java.util.Arrays.stream(events).<Applied<?>>map(Applied::new).toList();
    apply(batch);
    return batch.stream().map(applied -> (Object) applied.answer()).toList();
  }

  /** Applies a batch in one transaction, rolled back if any of its events fails. */
  void apply(List<? extends Applied<?>> batch) {
    inTransaction(
        () -> {
          engine.flow().apply(batch);
          return null;
        });
  }

  long callArrives(String group, String caller) {
    return (Long) report(new SwitchEvent.InboundCall(account, group, caller, null)).get(0);
  }

  void answers(String extension) {
    report(new SwitchEvent.Answered(account, extension));
  }

  void refuses(String extension) {
    report(new SwitchEvent.Refused(account, extension));
  }

  void agentHangsUp(String extension) {
    report(new SwitchEvent.AgentHungUp(account, extension));
  }

  void callerHangsUp(long callId) {
    report(new SwitchEvent.CallerHungUp(account, callId));
  }

  void callerAsksForCallback(long callId) {
    report(new SwitchEvent.CallbackRequested(account, callId));
  }

  void customerAnswers(long callId) {
    report(new SwitchEvent.OutboundAnswered(account, callId));
  }

  void dialFails(long callId, DialFailure failure) {
    report(new SwitchEvent.OutboundFailed(account, callId, failure));
  }

  void phoneRegistration(String extension, boolean registered) {
    report(new SwitchEvent.PhoneRegistration(account, extension, registered));
  }

  /** Moves the clock on, firing each deadline as it falls due, each in its own transaction. */
  void advance(Duration by) {
    Instant until = clock.instant().plus(by);
    for (Optional<ManualDeadlines.Due> next = deadlines.nextDue(until);
        next.isPresent();
        next = deadlines.nextDue(until)) {
      ManualDeadlines.Due due = next.get();
      if (due.at().toInstant().isAfter(clock.instant())) {
        clock.advance(Duration.between(clock.instant(), due.at().toInstant()));
      }
      inTransaction(
          () -> {
            if (due.waitLimit()) {
              engine.flow().waitLimitReached(due.id(), due.at());
            } else {
              engine.flow().deadlineReached(due.id(), due.at());
            }
            return null;
          });
    }
    clock.advance(Duration.between(clock.instant(), until));
  }

  /** Moves the clock to the earliest running timer and fires it alone; nothing if none runs. */
  void nextDeadline() {
    deadlines.armed.values().stream()
        .min(OffsetDateTime::compareTo)
        .ifPresent(first -> advance(Duration.between(clock.instant(), first.toInstant())));
  }

  /**
   * Moves the clock to the agent's running timer, if it is ahead, and fires it alone. The test
   * database holds other tests' agents too, whose deadlines a sweep may arm here: they stay put.
   */
  void deadlineOf(long agentId) {
    OffsetDateTime due = deadlines.armed.get(agentId);
    if (due.toInstant().isAfter(clock.instant())) {
      clock.advance(Duration.between(clock.instant(), due.toInstant()));
    }
    inTransaction(
        () -> {
          engine.flow().deadlineReached(agentId, due);
          return null;
        });
  }

  /** Starts the engine afresh on the same database, as after a crash: a new engine recovers. */
  Floorplan restarted() {
    Floorplan after = new Floorplan(account, accountId, clock.instant());
    after.inTransaction(
        () -> {
          after.engine.recovery().recover();
          return null;
        });
    return after;
  }

  // ---------------------------------------------------------------- what the test reads

  Optional<AgentPresence> presence(long agentId) {
    em.clear();
    return Optional.ofNullable(em.find(AgentPresence.class, agentId));
  }

  Activity activity(long agentId) {
    return presence(agentId).orElseThrow().getActivity();
  }

  Call call(long callId) {
    em.clear();
    return em.find(Call.class, callId);
  }

  // ---------------------------------------------------------------- AccountNames

  @Override
  public long idOf(String name) {
    return knownId(name).orElseThrow(() -> new NoSuchEntityException("account"));
  }

  @Override
  public Optional<Long> knownId(String name) {
    return account.equals(name) ? Optional.of(accountId) : Optional.empty();
  }

  /**
   * Another test's account too: the tests share one database, and the server-wide parts of the
   * engine (recovery re-arming overdue timers) reach the rows other tests left behind.
   */
  @Override
  public String nameOf(long id) {
    if (id == accountId) {
      return account;
    }
    Account other = em.find(Account.class, id);
    if (other == null) {
      throw new NoSuchEntityException("account");
    }
    return other.getName();
  }

  // ---------------------------------------------------------------- plumbing

  private QueueGroup groupNamed(String name) {
    return em.createQuery(
            "SELECT g FROM QueueGroup g WHERE g.account.id = :account AND g.name = :name",
            QueueGroup.class)
        .setParameter("account", accountId)
        .setParameter("name", name)
        .getSingleResult();
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    em.getTransaction().begin();
    T result;
    try {
      result = work.get();
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.clear();
      transaction.rolledBack();
      throw e;
    }
    em.clear();
    transaction.committed();
    return result;
  }
}
