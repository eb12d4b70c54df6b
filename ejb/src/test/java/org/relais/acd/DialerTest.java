package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.dialer.AttemptOutcome;
import org.relais.dialer.CampaignContact;
import org.relais.dialer.CampaignDraft;
import org.relais.dialer.ContactStatus;
import org.relais.dialer.DialMode;
import org.relais.dialer.DialRefusal;
import org.relais.dialer.DialRefusedException;
import org.relais.group.GroupSettings;
import org.relais.group.RoutingStrategy;
import org.relais.presence.Activity;
import org.relais.telephony.DialFailure;

/**
 * The outbound engine's agent side (SPEC B11) on a floor of its own: Monday 2 March 2026, 10:00 in
 * Paris, within the legal calling hours.
 */
class DialerTest {

  private static final String A = "+33612345678";
  private static final String B = "+33699887766";

  private final Floorplan floor = new Floorplan();
  private final String sales = floor.group("Sales", settings -> settings);

  private static CampaignDraft preview(CampaignDraft d) {
    return new CampaignDraft(
        d.group(),
        DialMode.PREVIEW,
        "+33188888888",
        d.recycling(),
        d.callingHours(),
        d.maxAttempts30Days(),
        d.maxAbandonRate(),
        true);
  }

  @Test
  void aCallQualifiedAsARefusalBarsItsNumberFromEveryCampaignForSixtyDays() {
    String qualified =
        floor.group(
            "Qualified",
            s ->
                new GroupSettings(
                    20,
                    0,
                    0,
                    true,
                    0,
                    null,
                    RoutingStrategy.LONGEST_IDLE,
                    0,
                    List.of("Vendu", "Pas intéressé"),
                    List.of(),
                    false,
                    null));
    long alice = floor.agent("alice", "1001", qualified);
    floor.connect(alice, false);
    long first = floor.campaign("Printemps", qualified, DialerTest::preview, A).get(0);
    floor.withCampaign("Printemps", c -> c.changeRefusals(List.of("Pas intéressé")));
    long call = floor.dialer(d -> d.call(alice, first)).getId();
    floor.customerAnswers(call);
    floor.agentHangsUp("1001");
    floor.does(desk -> desk.qualify(alice, "Pas intéressé"));
    long again = floor.campaign("Ete", qualified, DialerTest::preview, A).get(0);

    assertThatThrownBy(() -> floor.dialer(d -> d.call(alice, again)))
        .isInstanceOfSatisfying(
            DialRefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(DialRefusal.REFUSED_RECENTLY));
    floor.advance(Duration.ofDays(63)); // Monday 4 May, 10:00: within the calling hours
    long later = floor.dialer(d -> d.call(alice, again)).getId();
    assertThat(floor.activity(alice)).isEqualTo(Activity.DIALING);
    assertThat(floor.call(later).getCallee()).isEqualTo(A);
  }

  @Test
  void aSwitchThatPlacesNoOutboundCallsRefusesTheAgentsCallAndSpendsNoContact() {
    floor.phones.placesOutboundCalls = false;
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, false);
    long contact = floor.campaign("Hiver", sales, DialerTest::preview, A).get(0);

    assertThatThrownBy(() -> floor.dialer(d -> d.call(alice, contact)))
        .isInstanceOf(DeskConflictException.class);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    assertThat(floor.contact(contact).getStatus()).isEqualTo(ContactStatus.PENDING);
    assertThat(floor.contact(contact).getAttempts()).isZero();
    assertThat(floor.phones.commands).noneMatch(c -> c.startsWith("originate"));
  }

  @Test
  void refusalsAreQualificationsOfTheCampaignsGroup() {
    floor.campaign("Automne", sales, DialerTest::preview, A);

    assertThatThrownBy(
            () -> floor.withCampaign("Automne", c -> c.changeRefusals(List.of("Inconnu"))))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.getField()).isEqualTo("refusals"));
  }

  @Test
  void previewReservesTheNextContactDueAndABusyLineRecyclesIt() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, false);
    List<Long> contacts = floor.campaign("Hiver", sales, DialerTest::preview, A, B);

    CampaignContact next = next(alice);
    long call = floor.dialer(d -> d.call(alice, next.getId())).getId();

    assertThat(next.getId()).isEqualTo(contacts.get(0));
    assertThat(floor.activity(alice)).isEqualTo(Activity.DIALING);
    assertThat(floor.phones.commands).containsExactly("originate " + call + " from 1001 to " + A);
    assertThat(floor.call(call).getCaller()).isEqualTo("+33188888888");
    assertThat(floor.contact(next.getId()).getStatus()).isEqualTo(ContactStatus.IN_CALL);

    floor.dialFails(call, DialFailure.BUSY);

    CampaignContact busy = floor.contact(next.getId());
    assertThat(busy.getStatus()).isEqualTo(ContactStatus.RECYCLED);
    assertThat(busy.getAttempts()).isEqualTo(1);
    assertThat(busy.getLastOutcome()).isEqualTo(AttemptOutcome.BUSY);
    assertThat(busy.getNextAttempt().toInstant())
        .isEqualTo(floor.clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(floor.transaction.announced)
        .filteredOn(e -> e instanceof AcdEvent.DialerAttempt)
        .singleElement()
        .satisfies(
            e -> {
              AcdEvent.DialerAttempt attempt = (AcdEvent.DialerAttempt) e;
              assertThat(attempt.campaign()).isEqualTo("Hiver");
              assertThat(attempt.number()).isEqualTo(A);
              assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.BUSY);
            });
    assertThat(next(alice).getId()).isEqualTo(contacts.get(1));
    floor.advance(Duration.ofMinutes(15));
    long bob = floor.agent("bob", "1002", sales);
    assertThat(next(bob).getId()).isEqualTo(contacts.get(0));
  }

  @Test
  void anAnsweredContactIsDone() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long contact = floor.campaign("Hiver", sales, d -> d, A).get(0);

    long call = floor.dialer(d -> d.call(alice, contact)).getId();
    floor.customerAnswers(call);
    floor.agentHangsUp("1001");

    assertThat(floor.contact(contact).getStatus()).isEqualTo(ContactStatus.DONE);
    assertThat(floor.contact(contact).getLastOutcome()).isEqualTo(AttemptOutcome.ANSWERED);
    assertThat(next(alice)).isNull();
  }

  @Test
  void voicemailIsRecycledUntilItsAttemptsAreSpent() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long contact = floor.campaign("Hiver", sales, d -> d, A).get(0);

    floor.dialFails(floor.dialer(d -> d.call(alice, contact)).getId(), DialFailure.VOICEMAIL);
    assertThat(floor.contact(contact).getStatus()).isEqualTo(ContactStatus.RECYCLED);
    floor.dialFails(floor.dialer(d -> d.call(alice, contact)).getId(), DialFailure.VOICEMAIL);

    assertThat(floor.contact(contact).getStatus()).isEqualTo(ContactStatus.EXHAUSTED);
    assertThatThrownBy(() -> floor.dialer(d -> d.call(alice, contact)))
        .isInstanceOf(DeskConflictException.class);
  }

  @Test
  void anAgentWhoHangsUpBeforeTheAnswerLeavesTheContactForLater() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long contact = floor.campaign("Hiver", sales, d -> d, A).get(0);

    floor.dialer(d -> d.call(alice, contact));
    floor.agentHangsUp("1001");

    assertThat(floor.contact(contact).getLastOutcome()).isEqualTo(AttemptOutcome.AGENT_ABANDON);
    assertThat(floor.contact(contact).getStatus()).isEqualTo(ContactStatus.RECYCLED);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
  }

  @Test
  void eachRuleRefusesTheCallByItsName() {
    long alice = floor.agent("alice", "1001", sales);
    long bob = floor.agent("bob", "1002", sales);
    floor.connect(alice, true);
    List<Long> contacts =
        floor.campaign(
            "Hiver",
            sales,
            d ->
                new CampaignDraft(
                    d.group(),
                    d.mode(),
                    null,
                    d.recycling(),
                    d.callingHours(),
                    1,
                    d.maxAbandonRate(),
                    true),
            A,
            B,
            "+33155555555");
    floor.doNotCall("+33155555555");
    floor.dialer(
        d -> {
          d.reserve(bob, contacts.get(1));
          return null;
        });
    floor.dialFails(floor.dialer(d -> d.call(alice, contacts.get(0))).getId(), DialFailure.BUSY);

    assertThat(refusal(() -> floor.dialer(d -> d.call(alice, contacts.get(0)))))
        .isEqualTo(DialRefusal.MAX_ATTEMPTS);
    assertThat(refusal(() -> floor.dialer(d -> d.call(alice, contacts.get(1)))))
        .isEqualTo(DialRefusal.RESERVED);
    assertThat(refusal(() -> floor.dialer(d -> d.call(alice, contacts.get(2)))))
        .isEqualTo(DialRefusal.DNC);
    assertThat(
            refusal(
                () ->
                    floor.dialer(
                        d -> {
                          d.reserve(alice, contacts.get(1));
                          return null;
                        })))
        .isEqualTo(DialRefusal.RESERVED);
    assertThat(floor.contact(contacts.get(1)).getReservedBy().getLogin()).isEqualTo("bob");
  }

  @Test
  void outsideTheCallingHoursNoCallLeaves() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long contact = floor.campaign("Hiver", sales, d -> d, A).get(0);

    floor.advance(Duration.ofHours(3)); // 13:00 in Paris

    assertThat(refusal(() -> floor.dialer(d -> d.call(alice, contact))))
        .isEqualTo(DialRefusal.OUTSIDE_CALLING_HOURS);
    assertThat(next(alice)).isNull();
    assertThat(floor.phones.commands).isEmpty();
  }

  @Test
  void onlyOutboundMembersOfTheGroupSeeItsContacts() {
    long carol = floor.agent("carol", "1003", sales);
    floor.with(carol, agent -> agent.getMemberships().forEach(m -> m.toggle(true, false)));
    floor.connect(carol, true);
    long contact = floor.campaign("Hiver", sales, d -> d, A).get(0);

    assertThat(next(carol)).isNull();
    assertThatThrownBy(() -> floor.dialer(d -> d.call(carol, contact)))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void aRescheduledContactWaitsForItsTimeReservedToItsAgent() {
    long alice = floor.agent("alice", "1001", sales);
    long bob = floor.agent("bob", "1002", sales);
    long contact = floor.campaign("Hiver", sales, d -> d, A).get(0);

    floor.dialer(
        d -> {
          d.reschedule(alice, contact, floor.contact(contact).getCreatedAt().plusHours(1));
          return null;
        });

    assertThat(next(alice)).isNull();
    floor.advance(Duration.ofHours(1));
    assertThat(next(bob)).isNull();
    assertThat(next(alice).getId()).isEqualTo(contact);
  }

  @Test
  void aCallerWhoHangsUpInTheQueueIsCalledBackOnce() {
    long alice = floor.agent("alice", "1001", sales);
    floor.callerHangsUp(floor.callArrives(sales, "0611111111"));
    floor.callerHangsUp(floor.callArrives(sales, "06 11 11 11 11"));
    floor.connect(alice, false);

    CampaignContact callback = next(alice);
    assertThat(callback.getNumber()).isEqualTo("+33611111111");
    assertThat(callback.getStatus()).isEqualTo(ContactStatus.ABANDONED);
    long call = floor.dialer(d -> d.call(alice, callback.getId())).getId();
    floor.customerAnswers(call);
    floor.agentHangsUp("1001");

    assertThat(floor.contact(callback.getId()).getStatus()).isEqualTo(ContactStatus.DONE);
    assertThat(next(alice)).isNull();
  }

  @Test
  void anAutomaticCampaignDialsForItsFreeAgents() {
    long alice = floor.agent("alice", "1001", sales);
    long bob = floor.agent("bob", "1002", sales);
    floor.connect(alice, true);
    floor.connect(bob, false);
    List<Long> contacts =
        floor.campaign(
            "Auto",
            sales,
            d ->
                new CampaignDraft(
                    d.group(),
                    DialMode.AUTOMATIC,
                    null,
                    d.recycling(),
                    d.callingHours(),
                    d.maxAttempts30Days(),
                    d.maxAbandonRate(),
                    true),
            A,
            B);

    floor.dialer(
        d -> {
          d.dialForFreeAgents();
          return null;
        });

    assertThat(floor.activity(alice)).isEqualTo(Activity.DIALING);
    assertThat(floor.contact(contacts.get(0)).getStatus()).isEqualTo(ContactStatus.IN_CALL);
    assertThat(floor.activity(bob)).as("unavailable: not dialled for").isEqualTo(Activity.IDLE);
    assertThat(floor.contact(contacts.get(1)).getStatus()).isEqualTo(ContactStatus.PENDING);
  }

  private CampaignContact next(long agentId) {
    return floor.<CampaignContact>dialer(d -> d.next(agentId));
  }

  private static DialRefusal refusal(Runnable call) {
    try {
      call.run();
    } catch (DialRefusedException e) {
      return e.refusal();
    }
    throw new AssertionError("the call was not refused");
  }
}
