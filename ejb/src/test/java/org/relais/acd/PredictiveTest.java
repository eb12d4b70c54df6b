package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.dialer.AttemptOutcome;
import org.relais.dialer.CampaignContact;
import org.relais.dialer.CampaignDraft;
import org.relais.dialer.ContactStatus;
import org.relais.dialer.DialMode;
import org.relais.presence.Activity;
import org.relais.telephony.DialFailure;

/**
 * The predictive dialler (SPEC B11) on a floor of its own: Monday 2 March 2026, 10:00 in Paris,
 * within the legal calling hours. The test database holds other tests' campaigns too, so what the
 * switch was asked is read for this floor's calls only.
 */
class PredictiveTest {

  private static final String A = "+33611111111";
  private static final String B = "+33622222222";
  private static final String C = "+33633333333";
  private static final String D = "+33644444444";
  private static final String E = "+33655555555";

  private final Floorplan floor = new Floorplan();
  private final String sales = floor.group("Sales", settings -> settings);

  private static CampaignDraft predictive(CampaignDraft d) {
    return new CampaignDraft(
        d.group(),
        DialMode.PREDICTIVE,
        "+33188888888",
        d.recycling(),
        d.callingHours(),
        d.maxAttempts30Days(),
        d.maxAbandonRate(),
        true);
  }

  @Test
  void freeAgentsTimesTheDialLevelCallsRingAtOnceWithNoAgentChosen() {
    long alice = agent("alice", "1001");
    agent("bob", "1002");
    List<Long> contacts = campaign(2.0, A, B, C, D, E);

    dial();

    List<Long> calls = contacts.subList(0, 4).stream().map(this::callOf).toList();
    assertThat(calls).doesNotContainNull();
    for (int i = 0; i < 4; i++) {
      assertThat(floor.phones.commands)
          .contains("dial " + calls.get(i) + " to " + floor.contact(contacts.get(i)).getNumber());
      assertThat(floor.call(calls.get(i)).getStatus()).isEqualTo(CallStatus.DIALING);
      assertThat(floor.call(calls.get(i)).getAgent()).isNull();
      assertThat(floor.call(calls.get(i)).getCaller()).isEqualTo("+33188888888");
    }
    assertThat(floor.contact(contacts.get(4)).getStatus()).isEqualTo(ContactStatus.PENDING);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);

    dial();

    assertThat(floor.contact(contacts.get(4)).getStatus())
        .as("four calls already ring for two agents at 2.0")
        .isEqualTo(ContactStatus.PENDING);
  }

  @Test
  void theAnswerGoesToTheAgentFreeTheLongestAndWithNoneFreeTheCallIsDropped() {
    long alice = agent("alice", "1001");
    floor.advance(Duration.ofSeconds(5));
    long bob = agent("bob", "1002");
    List<Long> contacts = campaign(1.5, A, B, C);
    dial();
    List<Long> calls = contacts.stream().map(this::callOf).toList();

    floor.customerAnswers(calls.get(1));
    floor.customerAnswers(calls.get(0));
    floor.customerAnswers(calls.get(2));

    assertThat(floor.activity(alice)).isEqualTo(Activity.TALKING);
    assertThat(floor.presence(alice).orElseThrow().getCall().getId()).isEqualTo(calls.get(1));
    assertThat(floor.phones.commands).contains("bridge " + calls.get(1) + " with 1001");
    assertThat(floor.activity(bob)).isEqualTo(Activity.TALKING);
    assertThat(floor.call(calls.get(2)).getOutcome()).isEqualTo(CallOutcome.DROPPED);
    assertThat(floor.phones.commands).contains("drop " + calls.get(2));
    CampaignContact dropped = floor.contact(contacts.get(2));
    assertThat(dropped.getLastOutcome()).isEqualTo(AttemptOutcome.DROPPED);
    assertThat(dropped.getStatus()).isEqualTo(ContactStatus.RECYCLED);
    assertThat(floor.transaction.announced)
        .filteredOn(e -> e instanceof AcdEvent.CallDropped)
        .singleElement()
        .satisfies(
            e -> {
              AcdEvent.CallDropped call = (AcdEvent.CallDropped) e;
              assertThat(call.callId()).isEqualTo(calls.get(2));
              assertThat(call.campaign()).isEqualTo("Predictif");
              assertThat(call.number()).isEqualTo(C);
            });

    floor.agentHangsUp("1001");

    assertThat(floor.contact(contacts.get(1)).getStatus()).isEqualTo(ContactStatus.DONE);
    assertThat(floor.call(calls.get(1)).getOutcome()).isEqualTo(CallOutcome.ANSWERED);
  }

  @Test
  void aCustomerWhoDoesNotAnswerIsRecycledByTheSwitchOrByTheRingTimeout() {
    agent("alice", "1001");
    List<Long> contacts = campaign(2.0, A, B);
    dial();
    long busy = callOf(contacts.get(0));
    long silent = callOf(contacts.get(1));

    floor.dialFails(busy, DialFailure.BUSY);
    floor.advance(Duration.ofSeconds(60));

    assertThat(floor.contact(contacts.get(0)).getLastOutcome()).isEqualTo(AttemptOutcome.BUSY);
    assertThat(floor.contact(contacts.get(1)).getLastOutcome()).isEqualTo(AttemptOutcome.NO_ANSWER);
    assertThat(floor.call(silent).getOutcome()).isEqualTo(CallOutcome.NO_ANSWER);
    assertThat(floor.phones.commands).contains("hang up " + busy, "hang up " + silent);
  }

  @Test
  void aRingTimeoutWhoseTimerWasLostIsArmedAgain() {
    agent("alice", "1001");
    long contact = campaign(1.0, A).get(0);
    dial();
    long call = callOf(contact);
    floor.deadlines.waitLimits.clear();

    floor.advance(Duration.ofSeconds(70));
    floor.supervisor(engine -> engine.recovery().rearmOverdue(Duration.ofSeconds(5)));
    floor.advance(Duration.ZERO);

    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.NO_ANSWER);
  }

  @Test
  void theRulesOfEveryModeHoldReservedAndBarredNumbersAreLeftAlone() {
    long alice = agent("alice", "1001");
    agent("bob", "1002");
    List<Long> contacts = campaign(2.0, A, B, C);
    floor.doNotCall(B);
    floor.dialer(
        d -> {
          d.reserve(alice, contacts.get(2));
          return null;
        });

    dial();

    assertThat(floor.contact(contacts.get(0)).getStatus()).isEqualTo(ContactStatus.IN_CALL);
    assertThat(floor.contact(contacts.get(1)).getCall()).isNull();
    assertThat(floor.contact(contacts.get(2)).getStatus()).isEqualTo(ContactStatus.RESERVED);
  }

  @Test
  void outsideTheCallingHoursNoCallLeaves() {
    agent("alice", "1001");
    long contact = campaign(2.0, A).get(0);
    floor.advance(Duration.ofHours(3)); // 13:00 in Paris

    dial();

    assertThat(floor.contact(contact).getStatus()).isEqualTo(ContactStatus.PENDING);
  }

  @Test
  void theLevelFallsWhenCallsAreDroppedAndRisesWhileAgentsWait() {
    agent("alice", "1001");
    List<Long> contacts = campaign(2.0, A, B);
    dial();
    floor.customerAnswers(callOf(contacts.get(0)));
    floor.customerAnswers(callOf(contacts.get(1)));

    floor.predictive(Predictive::adapt);

    assertThat(level()).as("one answered call in two dropped").isEqualTo(1.5);

    floor.agentHangsUp("1001");
    floor.withCampaign("Predictif", c -> c.adjustDialLevel(1.0));
    floor.predictive(Predictive::adapt);

    assertThat(level()).as("still over the limit").isEqualTo(1.0);

    Floorplan calm = new Floorplan();
    String group = calm.group("Calm", settings -> settings);
    long carol = calm.agent("carol", "2001", group);
    calm.connect(carol, true);
    calm.campaign("Calme", group, PredictiveTest::predictive, D);
    calm.predictive(Predictive::adapt);
    double[] calmLevel = new double[1];
    calm.withCampaign("Calme", c -> calmLevel[0] = c.getDialLevel());

    assertThat(calmLevel[0]).as("no call dropped, an agent waits").isEqualTo(1.1);
  }

  @Test
  void aCustomerTalkingWithAnAgentCountsAsAnsweredInTheAbandonRateAtOnce() {
    agent("alice", "1001");
    List<Long> contacts = campaign(2.0, A, B);
    dial();
    floor.customerAnswers(callOf(contacts.get(0)));
    floor.customerAnswers(callOf(contacts.get(1)));

    assertThat(floor.abandonRate("Predictif")).as("one dropped, one talking").isEqualTo(0.5);

    floor.agentHangsUp("1001");

    assertThat(floor.abandonRate("Predictif")).as("the conversation ended").isEqualTo(0.5);
  }

  @Test
  void twoCampaignsOfOneGroupShareItsFreeAgentsRatherThanEachCallingForThemAll() {
    agent("alice", "1001");
    List<Long> first = campaign(2.0, A, B, C);
    List<Long> second = floor.campaign("Relance", sales, PredictiveTest::predictive, D, E);
    floor.withCampaign("Relance", c -> c.adjustDialLevel(2.0));

    dial();
    dial();

    long ringing =
        Stream.concat(first.stream(), second.stream())
            .map(this::callOf)
            .filter(Objects::nonNull)
            .count();
    assertThat(ringing).as("one free agent at 2.0: two calls in all").isEqualTo(2);
    assertThat(callOf(first.get(0))).isNotNull();
    assertThat(callOf(second.get(0))).as("each campaign its turn").isNotNull();
  }

  @Test
  void aSwitchThatPlacesNoOutboundCallsLeavesTheContactsToBeCalled() {
    floor.phones.placesOutboundCalls = false;
    agent("alice", "1001");
    List<Long> contacts = campaign(2.0, A, B);

    dial();

    assertThat(contacts).allSatisfy(c -> assertThat(callOf(c)).isNull());
    assertThat(floor.contact(contacts.get(0)).getStatus()).isEqualTo(ContactStatus.PENDING);
  }

  @Test
  void theLevelRisesWhileAnAgentWaitsThoughACallRingsForIt() {
    agent("alice", "1001");
    campaign(1.0, A, B);
    dial();

    floor.predictive(Predictive::adapt);

    assertThat(level()).as("the customer may well not answer: alice waits").isEqualTo(1.1);
  }

  @Test
  void anAgentsPreviewNeverTakesAPredictiveCampaignsContacts() {
    long alice = agent("alice", "1001");
    campaign(1.0, A);
    CampaignContact proposed = floor.dialer(d -> d.next(alice));

    assertThat(proposed).isNull();
  }

  private long agent(String login, String extension) {
    long id = floor.agent(login, extension, sales);
    floor.connect(id, true);
    return id;
  }

  private List<Long> campaign(double level, String... numbers) {
    List<Long> contacts = floor.campaign("Predictif", sales, PredictiveTest::predictive, numbers);
    floor.withCampaign("Predictif", c -> c.adjustDialLevel(level));
    return contacts;
  }

  private void dial() {
    floor.predictive(Predictive::dial);
  }

  private Long callOf(long contactId) {
    CampaignContact contact = floor.contact(contactId);
    return contact.getCall() == null ? null : contact.getCall().getId();
  }

  private double level() {
    double[] level = new double[1];
    floor.withCampaign("Predictif", c -> level[0] = c.getDialLevel());
    return level[0];
  }
}
