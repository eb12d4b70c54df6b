package org.relais.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.relais.ConflictException;
import org.relais.InvalidFieldException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.Role;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;

/** The rules of an agent's lines (SPEC B12): hold, consult, toggle, transfers. */
class AgentLinesTest {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T09:00:00Z");

  private final Account account = new Account("acme", AT);
  private final QueueGroup sales = new QueueGroup(account, "Sales", GroupSettings.defaults());
  private final Agent alice = new Agent(account, "alice", "Alice", "hash", Role.AGENT);

  private Call talking() {
    Call call = Call.inbound(account, sales, "+33601020304", null, AT);
    call.offerTo(alice, AT);
    call.answer(AT.plusSeconds(5));
    return call;
  }

  private Call consultTo(Call from, LineTarget target) {
    return Call.consult(from, sales, alice, "1001", target, AT.plusSeconds(10));
  }

  @Test
  void holdTimeIsCountedApartUntilTheLineResumesOrEnds() {
    Call call = talking();
    call.hold(AT.plusSeconds(10));
    assertThat(call.lineState()).isEqualTo(LineState.HELD);
    assertThat(call.holdSeconds(AT.plusSeconds(25))).as("live").isEqualTo(15);
    call.resume(AT.plusSeconds(30));
    call.hold(AT.plusSeconds(40));

    call.end(CallOutcome.ANSWERED, AT.plusSeconds(45));

    assertThat(call.holdSeconds(AT.plusSeconds(99))).isEqualTo(25);
    assertThat(call.talkSeconds()).as("talk still runs from answer to end").isEqualTo(40);
  }

  @Test
  void aConsultCallToANumberDialsAndOneToAnAgentOrAGroupRings() {
    Call call = talking();

    Call number = consultTo(call, new LineTarget(LineTarget.Kind.NUMBER, "+33981000000"));
    Call agent = consultTo(call, new LineTarget(LineTarget.Kind.AGENT, "bob"));

    assertThat(number.lineState()).isEqualTo(LineState.DIALING);
    assertThat(number.getDirection()).isEqualTo(CallDirection.CONSULT);
    assertThat(number.getConsultOf()).isSameAs(call);
    assertThat(agent.lineState()).isEqualTo(LineState.RINGING);
    assertThat(agent.requeues()).as("a consulted agent who does not answer fails it").isFalse();
    number.answer(AT.plusSeconds(12));
    assertThat(number.lineState()).isEqualTo(LineState.TALKING);
  }

  @Test
  void oneCallTalkingMayConsultOnceAndTransferNeedsTwoAnsweredLines() {
    Call call = talking();
    AgentLines one = new AgentLines(call, null);
    assertThat(one.requireConsultable()).isSameAs(call);
    assertThatThrownBy(one::requireJoinable)
        .isInstanceOf(ConflictException.class)
        .hasMessage("a transfer needs two lines");

    Call consult = consultTo(call, new LineTarget(LineTarget.Kind.NUMBER, "+33981000000"));
    AgentLines two = new AgentLines(call, consult);
    assertThat(two.all()).hasSize(2).first().isSameAs(call);
    assertThat(two.other(call)).isSameAs(consult);
    assertThatThrownBy(two::requireConsultable)
        .isInstanceOf(ConflictException.class)
        .hasMessage("a consult call is already in progress");
    assertThatThrownBy(two::requireJoinable).hasMessage("the consulted party has not answered");
    assertThatThrownBy(() -> two.requireBlindTransferable(call))
        .isInstanceOf(ConflictException.class);

    consult.answer(AT.plusSeconds(20));
    two.requireJoinable();
  }

  @Test
  void holdNeedsATalkingLineAndResumeAHeldOne() {
    Call call = talking();
    AgentLines lines = new AgentLines(call, null);
    assertThatThrownBy(() -> lines.requireResumable(call)).hasMessage("the line is not on hold");
    call.hold(AT.plusSeconds(6));
    assertThatThrownBy(() -> lines.requireHoldable(call)).hasMessage("the line is not talking");
    lines.requireResumable(call);
  }

  @Test
  void noCallNoConsultAndAnEndedCallCountsAsNone() {
    Call call = talking();
    call.end(CallOutcome.ANSWERED, AT.plusSeconds(9));

    assertThat(new AgentLines(call, null).all()).isEmpty();
    assertThatThrownBy(() -> new AgentLines(null, null).requireConsultable())
        .hasMessage("there is no call to consult from");
  }

  @Test
  void aTargetIsExactlyOneOfNumberAgentOrGroup() {
    assertThat(LineTarget.of(" 0981 ", null, ""))
        .isEqualTo(new LineTarget(LineTarget.Kind.NUMBER, "0981"));
    assertThat(LineTarget.of(null, "bob", null).kind()).isEqualTo(LineTarget.Kind.AGENT);
    assertThat(LineTarget.of(null, null, "Support").kind()).isEqualTo(LineTarget.Kind.GROUP);
    assertThatThrownBy(() -> LineTarget.of(null, null, null))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> LineTarget.of("0981", "bob", null))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void aBlindTransferToAGroupKeepsTheCallersArrivalAndSoItsPlace() {
    Call call = talking();
    QueueGroup support = new QueueGroup(account, "Support", GroupSettings.defaults());

    Call continued = Call.transferred(call, support);

    assertThat(continued.getArrivedAt()).isEqualTo(AT);
    assertThat(continued.getCaller()).isEqualTo("+33601020304");
    assertThat(continued.getStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(continued.getGroupName()).isEqualTo("Support");
  }
}
