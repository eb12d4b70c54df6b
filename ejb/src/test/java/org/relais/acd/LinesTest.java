package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.ConflictException;
import org.relais.InvalidFieldException;
import org.relais.NotPermittedException;
import org.relais.agent.BannerModule;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.call.LineState;
import org.relais.call.LineTarget;
import org.relais.group.Overflow;
import org.relais.presence.Activity;
import org.relais.telephony.DialFailure;

/** An agent's lines (SPEC B12) through the engine's parts: hold, consult, toggle, transfers. */
class LinesTest {

  private final Floorplan floor = new Floorplan();
  private final String sales = floor.group("Sales", settings -> settings);
  private final String support = floor.group("Support", settings -> settings);
  private final long alice = floor.agent("alice", "1001", sales);

  /** Alice answers a call of Sales; answers its id. */
  private long aliceTalks() {
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");
    floor.answers("1001");
    return call;
  }

  private Call consult(LineTarget target) {
    return floor.onLines(lines -> lines.consult(alice, target));
  }

  private static LineTarget number(String number) {
    return new LineTarget(LineTarget.Kind.NUMBER, number);
  }

  @Test
  void holdAndResumeCountTheHoldTimeApartAndAreAnnounced() {
    long call = aliceTalks();

    floor.withLines(lines -> lines.hold(alice, call));
    floor.advance(Duration.ofSeconds(30));
    floor.withLines(lines -> lines.resume(alice, call));
    floor.advance(Duration.ofSeconds(15));
    floor.agentHangsUp("1001");

    assertThat(floor.call(call).holdSeconds(floor.call(call).getEndedAt())).isEqualTo(30);
    assertThat(floor.call(call).talkSeconds()).isEqualTo(45);
    assertThat(floor.phones.commands).containsSubsequence("hold " + call, "resume " + call);
    assertThat(floor.transaction.announced)
        .extracting(AcdEvent::type)
        .containsSubsequence("LINE_HELD", "LINE_RESUMED");
    assertThat(floor.activity(alice)).isEqualTo(Activity.WRAP_UP);
  }

  @Test
  void consultToANumberThenAttendedTransferClosesTheCallTransferredAndFreesTheAgent() {
    long call = aliceTalks();

    Call consult = consult(number("0981000000"));
    assertThat(floor.call(call).lineState()).isEqualTo(LineState.HELD);
    assertThat(consult.lineState()).isEqualTo(LineState.DIALING);
    assertThat(floor.phones.commands)
        .contains("consult " + consult.getId() + " from 1001 to +33981000000");
    floor.customerAnswers(consult.getId());
    assertThat(floor.call(consult.getId()).lineState()).isEqualTo(LineState.TALKING);

    floor.withLines(lines -> lines.transfer(alice));

    Call closed = floor.call(call);
    assertThat(closed.getOutcome()).isEqualTo(CallOutcome.TRANSFERRED);
    assertThat(closed.getTransferredTo()).isEqualTo("+33981000000");
    assertThat(floor.call(consult.getId()).getStatus()).isEqualTo(CallStatus.ENDED);
    assertThat(floor.activity(alice)).isEqualTo(Activity.WRAP_UP);
    assertThat(floor.phones.commands).contains("join " + call + " with " + consult.getId());
    assertThat(floor.transaction.announced)
        .filteredOn(event -> event instanceof AcdEvent.CallTransferred)
        .extracting(event -> ((AcdEvent.CallTransferred) event).to())
        .containsExactly("+33981000000");
  }

  @Test
  void theHeldCallerHangingUpEndsTheConsultationWithTheCallAndTheAgentQualifiesOnce() {
    long bob = floor.agent("bob", "1002", support);
    floor.connect(bob, false);
    long call = aliceTalks();
    Call consult = consult(new LineTarget(LineTarget.Kind.AGENT, "bob"));
    floor.answers("1002");

    floor.callerHangsUp(call);

    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.ENDED);
    assertThat(floor.call(consult.getId()).getStatus()).isEqualTo(CallStatus.ENDED);
    assertThat(floor.activity(bob)).isNotEqualTo(Activity.TALKING);
    assertThat(floor.activity(alice)).isNotEqualTo(Activity.TALKING);
    assertThat(floor.phones.commands).contains("hang up " + consult.getId());
  }

  @Test
  void aConsultedNumberThatIsBusyLeavesTheCallOnHold() {
    long call = aliceTalks();
    Call consult = consult(number("0981000000"));

    floor.dialFails(consult.getId(), DialFailure.BUSY);

    assertThat(floor.call(consult.getId()).getOutcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(floor.call(call).lineState()).isEqualTo(LineState.HELD);
    assertThat(floor.activity(alice)).isEqualTo(Activity.TALKING);
    floor.withLines(lines -> lines.resume(alice, call));
    assertThat(floor.call(call).lineState()).isEqualTo(LineState.TALKING);
  }

  @Test
  void consultedAgentsPhoneRingsTheToggleSwapsLinesAndTheTransferLeavesItWithTheCaller() {
    long bob = floor.agent("bob", "1002", support);
    floor.connect(bob, false);
    long call = aliceTalks();

    Call consult = consult(new LineTarget(LineTarget.Kind.AGENT, "bob"));
    assertThat(floor.activity(bob)).isEqualTo(Activity.RINGING);
    floor.answers("1002");
    assertThat(floor.activity(bob)).isEqualTo(Activity.TALKING);

    floor.withLines(lines -> lines.resume(alice, call));
    assertThat(floor.call(call).lineState()).isEqualTo(LineState.TALKING);
    assertThat(floor.call(consult.getId()).lineState()).isEqualTo(LineState.HELD);
    floor.withLines(lines -> lines.resume(alice, consult.getId()));
    assertThat(floor.call(call).lineState()).isEqualTo(LineState.HELD);

    floor.withLines(lines -> lines.transfer(alice));

    assertThat(floor.call(call).getTransferredTo()).isEqualTo("bob");
    assertThat(floor.activity(alice)).isEqualTo(Activity.WRAP_UP);
    assertThat(floor.activity(bob)).isEqualTo(Activity.TALKING);
    assertThat(floor.call(consult.getId()).lineState()).isEqualTo(LineState.TALKING);
    floor.agentHangsUp("1002");
    assertThat(floor.call(consult.getId()).getOutcome()).isEqualTo(CallOutcome.ANSWERED);
  }

  @Test
  void aConsultedAgentWhoDoesNotAnswerFailsTheConsultWhichNeverQueues() {
    long bob = floor.agent("bob", "1002", support);
    floor.connect(bob, true);
    long call = aliceTalks();
    Call consult = consult(new LineTarget(LineTarget.Kind.AGENT, "bob"));

    floor.deadlineOf(bob);

    assertThat(floor.call(consult.getId()).getOutcome()).isEqualTo(CallOutcome.NO_ANSWER);
    assertThat(floor.activity(bob)).isEqualTo(Activity.PENALTY);
    assertThat(floor.call(call).lineState()).isEqualTo(LineState.HELD);
  }

  @Test
  void aConsultToAGroupQueuesAndIsOfferedThenHangingItUpLeavesTheCallOnHold() {
    long call = aliceTalks();
    Call consult = consult(new LineTarget(LineTarget.Kind.GROUP, support));
    assertThat(consult.lineState()).isEqualTo(LineState.RINGING);
    long carol = floor.agent("carol", "1003", support);
    floor.connect(carol, true);
    assertThat(floor.activity(carol)).isEqualTo(Activity.RINGING);
    floor.answers("1003");

    floor.withLines(lines -> lines.hangUp(alice, consult.getId()));

    assertThat(floor.activity(carol)).isEqualTo(Activity.WRAP_UP);
    assertThat(floor.call(call).lineState()).isEqualTo(LineState.HELD);
    assertThat(floor.activity(alice)).isEqualTo(Activity.TALKING);
  }

  @Test
  void theAgentsPhoneHangingUpWithTwoLinesEndsTheActiveOne() {
    long call = aliceTalks();
    Call consult = consult(number("0981000000"));
    floor.customerAnswers(consult.getId());

    floor.agentHangsUp("1001");

    assertThat(floor.call(consult.getId()).getStatus()).isEqualTo(CallStatus.ENDED);
    assertThat(floor.call(call).lineState()).isEqualTo(LineState.HELD);
    assertThat(floor.activity(alice)).isEqualTo(Activity.TALKING);
  }

  @Test
  void blindTransferToAGroupQueuesTheCallerAheadOfLaterCallers() {
    long call = aliceTalks();
    floor.advance(Duration.ofMinutes(2));
    long later = floor.callArrives(support, "+33611111111");

    floor.withLines(
        lines -> lines.blindTransfer(alice, call, new LineTarget(LineTarget.Kind.GROUP, support)));
    long dave = floor.agent("dave", "1004", support);
    floor.connect(dave, true);

    Call offered = floor.presence(dave).orElseThrow().getCall();
    assertThat(offered.getId()).isNotEqualTo(later);
    assertThat(offered.getCaller()).isEqualTo("+33601020304");
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.TRANSFERRED);
    assertThat(floor.call(call).getTransferredTo()).isEqualTo(support);
    assertThat(floor.activity(alice)).isEqualTo(Activity.WRAP_UP);
    assertThat(floor.phones.commands).contains("continue " + call + " as " + offered.getId());
  }

  @Test
  void blindTransferToAGroupWithNoAgentMeetsItsRulesAndTheCallerJoinsItsCallbackList() {
    floor.overflow(support, new Overflow(0, 0, true, null));
    long call = aliceTalks();

    floor.withLines(
        lines -> lines.blindTransfer(alice, call, new LineTarget(LineTarget.Kind.GROUP, support)));

    Call continued =
        floor.call(
            floor.transaction.announced.stream()
                .filter(e -> e instanceof AcdEvent.CallQueued q && q.group().equals(support))
                .map(e -> ((AcdEvent.CallQueued) e).callId())
                .findFirst()
                .orElseThrow());
    assertThat(continued.getOutcome()).isEqualTo(CallOutcome.CALLBACK);
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.TRANSFERRED);
    assertThat(floor.activity(alice)).isEqualTo(Activity.WRAP_UP);
  }

  @Test
  void blindTransferToAnAgentRingsItsPhoneAndToANumberSendsTheCallerAway() {
    long bob = floor.agent("bob", "1002", support);
    floor.connect(bob, false);
    long call = aliceTalks();

    floor.withLines(
        lines -> lines.blindTransfer(alice, call, new LineTarget(LineTarget.Kind.AGENT, "bob")));
    assertThat(floor.activity(bob)).isEqualTo(Activity.RINGING);
    floor.answers("1002");
    long second = floor.presence(bob).orElseThrow().getCall().getId();
    floor.advance(Duration.ofSeconds(10));

    floor.withLines(lines -> lines.blindTransfer(bob, second, number("0981000000")));

    assertThat(floor.call(call).getTransferredTo()).isEqualTo("bob");
    assertThat(floor.call(second).getTransferredTo()).isEqualTo("+33981000000");
    assertThat(floor.activity(bob)).isEqualTo(Activity.WRAP_UP);
    assertThat(floor.phones.commands).contains("transfer " + second + " to +33981000000");
  }

  @Test
  void conflictsAndUnknownTargetsAreRefusedBeforeAnythingChanges() {
    floor.connect(alice, true);
    assertThatThrownBy(() -> consult(number("0981000000")))
        .isInstanceOf(ConflictException.class)
        .hasMessage("there is no call to consult from");
    long call = aliceTalks();
    assertThatThrownBy(() -> floor.withLines(lines -> lines.transfer(alice)))
        .hasMessage("a transfer needs two lines");
    assertThatThrownBy(() -> consult(new LineTarget(LineTarget.Kind.AGENT, "nobody")))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.getField()).isEqualTo("agent"));
    assertThatThrownBy(() -> consult(new LineTarget(LineTarget.Kind.GROUP, "Nowhere")))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.getField()).isEqualTo("group"));
    assertThat(floor.call(call).lineState()).as("still talking").isEqualTo(LineState.TALKING);
    consult(number("0981000000"));
    assertThatThrownBy(() -> consult(number("0981000001")))
        .hasMessage("a consult call is already in progress");
    floor.with(alice, agent -> agent.enableModules(List.of(BannerModule.SESSION)));
    assertThatThrownBy(() -> floor.withLines(lines -> lines.hold(alice, call)))
        .as("a profile without the lines module")
        .isInstanceOf(NotPermittedException.class);
  }
}
