package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.NoSuchEntityException;
import org.relais.presence.Activity;
import org.relais.presence.Availability;
import org.relais.supervision.Monitoring;
import org.relais.supervision.SupervisorAction;
import org.relais.telephony.MonitorMode;

/**
 * What supervisors do to agents through the engine (SPEC E5, X2): force, disconnect, and listen,
 * whisper, barge on the agent's call, each audited and announced.
 */
class SupervisionTest {

  private final Floorplan floor = new Floorplan();
  private final String sales = floor.group("Sales", settings -> settings);
  private final long alice = floor.agent("alice", "1001", sales);
  private final long sam = floor.agent("sam", "1900", sales);

  private List<String> actions() {
    EntityManager em = TestDatabase.factory().createEntityManager();
    try {
      return em
          .createQuery(
              "SELECT a FROM SupervisorAction a WHERE a.agent = 'alice' AND a.by = 'sam'"
                  + " AND a.accountId = (SELECT ac.id FROM Account ac WHERE ac.name = :account)"
                  + " ORDER BY a.at, a.id",
              SupervisorAction.class)
          .setParameter("account", floor.account)
          .getResultList()
          .stream()
          .map(a -> a.getKind().name())
          .toList();
    } finally {
      em.close();
    }
  }

  private List<String> details() {
    EntityManager em = TestDatabase.factory().createEntityManager();
    try {
      return em.createQuery(
              "SELECT a.detail FROM SupervisorAction a WHERE a.agent = 'alice' AND a.by = 'sam'"
                  + " AND a.accountId = (SELECT ac.id FROM Account ac WHERE ac.name = :account)"
                  + " ORDER BY a.at, a.id",
              String.class)
          .setParameter("account", floor.account)
          .getResultList();
    } finally {
      em.close();
    }
  }

  private List<Monitoring> monitorings(long callId) {
    EntityManager em = TestDatabase.factory().createEntityManager();
    try {
      return em.createQuery(
              "SELECT m FROM Monitoring m WHERE m.call.id = :call ORDER BY m.id", Monitoring.class)
          .setParameter("call", callId)
          .getResultList();
    } finally {
      em.close();
    }
  }

  private long aliceTalks() {
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");
    floor.answers("1001");
    return call;
  }

  @Test
  void aForcedUnavailableAgentFinishesItsCallAndIsOfferedNoOther() {
    floor.connect(alice, true);

    floor.supervisor(engine -> engine.supervisor().forceAvailability("sam", alice, false));
    floor.callArrives(sales, "+33601020304");

    assertThat(floor.presence(alice).orElseThrow().getAvailability())
        .isEqualTo(Availability.UNAVAILABLE);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    assertThat(actions()).containsExactly("FORCE_UNAVAILABLE");
  }

  @Test
  void disconnectingIsRefusedDuringACallAndDoneOnceItIsOver() {
    aliceTalks();

    assertThatThrownBy(
            () -> floor.supervisor(engine -> engine.supervisor().disconnect("sam", alice)))
        .isInstanceOf(DeskConflictException.class);
    floor.agentHangsUp("1001");
    floor.supervisor(engine -> engine.supervisor().disconnect("sam", alice));

    assertThat(floor.presence(alice)).isEmpty();
    assertThat(actions()).containsExactly("DISCONNECT");
  }

  @Test
  void anAgentTakenOffAGroupsCallsForTheDayIsOfferedNoneUntilPutBack() {
    floor.connect(alice, true);

    floor.supervisor(engine -> engine.supervisor().changeGroup("sam", alice, "Sales", false, true));
    long call = floor.callArrives(sales, "+33601020304");

    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    floor.supervisor(engine -> engine.supervisor().changeGroup("sam", alice, "Sales", true, true));
    floor.supervisor(engine -> engine.supervisor().changeGroup("sam", alice, "Sales", true, true));

    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
    assertThat(floor.call(call).getAgent().getLogin()).isEqualTo("alice");
    assertThat(floor.transaction.announced)
        .filteredOn(e -> e instanceof AcdEvent.AgentGroup)
        .extracting(e -> ((AcdEvent.AgentGroup) e).inbound())
        .as("setting again what is set changes nothing to announce")
        .containsExactly(false, true);
    assertThat(actions()).containsExactly("CHANGE_GROUP", "CHANGE_GROUP", "CHANGE_GROUP");
    assertThat(details())
        .containsExactly(
            "Sales: inbound off, outbound on",
            "Sales: inbound on, outbound on",
            "Sales: inbound on, outbound on");
  }

  @Test
  void aGroupTheAgentIsNotAMemberOfIsNotFoundAndNothingIsAudited() {
    floor.group("Support", settings -> settings);

    assertThatThrownBy(
            () ->
                floor.supervisor(
                    engine -> engine.supervisor().changeGroup("sam", alice, "Support", true, true)))
        .isInstanceOf(NoSuchEntityException.class);
    assertThat(actions()).isEmpty();
  }

  @Test
  void theSupervisorsPhoneJoinsListensWhispersAndLeavesWithTheCall() {
    long call = aliceTalks();

    floor.supervisor(engine -> engine.monitors().start(sam, alice, MonitorMode.LISTEN));
    floor.supervisor(engine -> engine.monitors().change(sam, alice, MonitorMode.WHISPER));
    floor.agentHangsUp("1001");

    assertThat(floor.phones.commands)
        .containsSubsequence(
            "monitor " + call + " from 1900 LISTEN",
            "monitor " + call + " from 1900 WHISPER",
            "hang up " + call);
    assertThat(floor.transaction.announced)
        .extracting(AcdEvent::type)
        .containsSubsequence("MONITOR_STARTED", "MONITOR_CHANGED", "CALL_ENDED");
    assertThat(floor.transaction.announced)
        .filteredOn(e -> e instanceof AcdEvent.MonitorEnded)
        .singleElement()
        .satisfies(
            e -> {
              AcdEvent.MonitorEnded ended = (AcdEvent.MonitorEnded) e;
              assertThat(ended.supervisor()).isEqualTo("sam");
              assertThat(ended.agent()).isEqualTo("alice");
              assertThat(ended.mode()).isEqualTo(MonitorMode.WHISPER);
            });
    assertThat(monitorings(call))
        .singleElement()
        .satisfies(m -> assertThat(m.getEndedAt()).isNotNull());
    assertThat(actions()).containsExactly("LISTEN", "WHISPER", "MONITOR_END");
  }

  @Test
  void theSupervisorLeavesAndTheCallGoesOn() {
    long call = aliceTalks();
    floor.supervisor(engine -> engine.monitors().start(sam, alice, MonitorMode.BARGE));

    floor.supervisor(engine -> engine.monitors().stop(sam, alice));

    assertThat(floor.phones.commands).contains("stop monitor " + call + " from 1900");
    assertThat(floor.activity(alice)).isEqualTo(Activity.TALKING);
    assertThat(monitorings(call))
        .singleElement()
        .satisfies(m -> assertThat(m.getEndedAt()).isNotNull());
  }

  @Test
  void noCallNoMonitorAndOnePhonePerSupervisorAndCall() {
    floor.connect(alice, true);
    assertThatThrownBy(
            () ->
                floor.supervisor(engine -> engine.monitors().start(sam, alice, MonitorMode.LISTEN)))
        .isInstanceOf(DeskConflictException.class);

    long call = floor.callArrives(sales, "+33601020304");
    assertThatThrownBy(
            () ->
                floor.supervisor(engine -> engine.monitors().start(sam, alice, MonitorMode.LISTEN)))
        .as("still ringing")
        .isInstanceOf(DeskConflictException.class);
    floor.answers("1001");
    floor.supervisor(engine -> engine.monitors().start(sam, alice, MonitorMode.LISTEN));
    assertThatThrownBy(
            () ->
                floor.supervisor(engine -> engine.monitors().start(sam, alice, MonitorMode.BARGE)))
        .isInstanceOf(DeskConflictException.class);
    assertThat(monitorings(call)).hasSize(1);
  }
}
