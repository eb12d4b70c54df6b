package org.relais.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.Role;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;

/** A call's life as the history keeps it (SPEC C3, B6): its status and its figures. */
class CallTest {

  private static final OffsetDateTime ARRIVED = OffsetDateTime.parse("2026-03-02T09:00:00Z");

  private final Account account = new Account("acme", ARRIVED);
  private final QueueGroup sales = new QueueGroup(account, "Sales", GroupSettings.defaults());
  private final Agent alice = new Agent(account, "alice", "Alice", "hash", Role.AGENT);

  @Test
  void inboundCallQueuesRingsGoesBackToItsQueueAndIsCountedOncePerOffer() {
    Call call = Call.inbound(account, sales, "+33601020304", null, ARRIVED);
    assertThat(call.getStatus()).isEqualTo(CallStatus.QUEUED);

    call.offerTo(alice, ARRIVED.plusSeconds(3));
    call.notAnswered();
    call.offerTo(alice, ARRIVED.plusSeconds(40));

    assertThat(call.getStatus()).isEqualTo(CallStatus.RINGING);
    assertThat(call.getOffers()).isEqualTo(2);
    assertThat(call.getOfferedAt()).as("the first offer").isEqualTo(ARRIVED.plusSeconds(3));
  }

  @Test
  void waitRunsFromArrivalToAnswerAndTalkFromAnswerToEnd() {
    Call call = Call.inbound(account, sales, "+33601020304", null, ARRIVED);
    call.offerTo(alice, ARRIVED.plusSeconds(3));
    call.answer(ARRIVED.plusSeconds(12));
    assertThat(call.talkSeconds(ARRIVED.plusSeconds(20))).as("live").isEqualTo(8);

    call.end(CallOutcome.ANSWERED, ARRIVED.plusSeconds(72));

    assertThat(call.waitSeconds()).isEqualTo(12);
    assertThat(call.talkSeconds()).isEqualTo(60);
    assertThat(call.customerNumber()).isEqualTo("+33601020304");
  }

  @Test
  void anAgentsCallPassedOnToAnotherAgentIsAnsweredByThatAgentsPhone() {
    Agent bob = new Agent(account, "bob", "Bob", "hash", Role.AGENT);
    Call call = Call.outbound(account, sales, alice, "+33100000000", "+33601020304", ARRIVED);
    call.answer(ARRIVED.plusSeconds(5));
    call.end(CallOutcome.TRANSFERRED, ARRIVED.plusSeconds(60));

    Call continued = Call.transferred(call, sales);
    continued.offerTo(bob, ARRIVED.plusSeconds(60));
    continued.answer(ARRIVED.plusSeconds(64));

    assertThat(continued.getStatus()).isEqualTo(CallStatus.TALKING);
    assertThat(continued.getDirection()).isEqualTo(CallDirection.OUTBOUND);
    assertThat(continued.customerNumber()).isEqualTo("+33601020304");
  }

  @Test
  void aCallCannotBeAnsweredWhileQueuedNorEndedTwice() {
    Call call = Call.inbound(account, sales, "+33601020304", null, ARRIVED);

    assertThatThrownBy(() -> call.answer(ARRIVED)).isInstanceOf(IllegalStateException.class);
    call.end(CallOutcome.ABANDONED, ARRIVED.plusSeconds(5));
    assertThatThrownBy(() -> call.end(CallOutcome.LOST, ARRIVED.plusSeconds(6)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(call.waitSeconds()).as("an abandoned call waited until its end").isEqualTo(5);
  }

  @Test
  void outboundCallDialsAtOnceAndItsAnswerIsTheCustomers() {
    Call call = Call.outbound(account, sales, alice, "+33140000000", "+33102030405", ARRIVED);
    assertThat(call.getStatus()).isEqualTo(CallStatus.DIALING);
    assertThat(call.customerNumber()).isEqualTo("+33102030405");

    call.answer(ARRIVED.plusSeconds(9));

    assertThat(call.getStatus()).isEqualTo(CallStatus.TALKING);
    assertThat(call.waitSeconds(ARRIVED.plusSeconds(30))).isEqualTo(9);
  }
}
