package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.relais.call.Call;
import org.relais.call.CallDirection;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.dialer.CampaignContact;
import org.relais.presence.Activity;
import org.relais.telephony.DialFailure;

/**
 * A queued caller who asks to be called back keeps its place (SPEC X1): off the line, its call
 * waits its turn, and the agent it would have been offered to calls it back.
 */
class QueuedCallbacksTest {

  private final Floorplan floor = new Floorplan();
  private final String sales = floor.group("Sales", settings -> settings);
  private final long alice = floor.agent("alice", "1001", sales);

  @Test
  void theCallerLeavesTheLineKeepsItsPlaceAndIsDialledBackByTheAgentWhoseTurnItIs() {
    long first = floor.callArrives(sales, "0601020304");
    long second = floor.callArrives(sales, "+33611111111");

    floor.callerAsksForCallback(first);
    assertThat(floor.call(first).getStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(floor.phones.commands).containsExactly("hang up " + first);
    floor.connect(alice, true);

    assertThat(floor.activity(alice)).isEqualTo(Activity.DIALING);
    Call callback = floor.presence(alice).orElseThrow().getCall();
    assertThat(callback.getDirection()).isEqualTo(CallDirection.OUTBOUND);
    assertThat(callback.getCallee()).isEqualTo("+33601020304");
    assertThat(callback.getGroupName()).isEqualTo(sales);
    assertThat(floor.call(first).getOutcome()).isEqualTo(CallOutcome.CALLBACK);
    assertThat(floor.call(second).getStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(floor.phones.commands)
        .contains("originate " + callback.getId() + " from 1001 to +33601020304");
  }

  @Test
  void aCallbackThatDoesNotReachTheCallerLeavesItOnTheGroupsCallbackList() {
    long asked = floor.callArrives(sales, "+33601020304");
    floor.callerAsksForCallback(asked);
    floor.connect(alice, true);
    long callback = floor.presence(alice).orElseThrow().getCall().getId();

    floor.dialFails(callback, DialFailure.BUSY);

    assertThat(floor.call(callback).getOutcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    CampaignContact contact = floor.dialer(d -> d.next(alice));
    assertThat(contact.getNumber()).isEqualTo("+33601020304");
  }

  @Test
  void aCallbackThatReachesTheCallerOwesItNothingMore() {
    long asked = floor.callArrives(sales, "+33601020304");
    floor.callerAsksForCallback(asked);
    floor.connect(alice, true);
    long callback = floor.presence(alice).orElseThrow().getCall().getId();

    floor.customerAnswers(callback);
    floor.agentHangsUp("1001");

    assertThat(floor.call(callback).getOutcome()).isEqualTo(CallOutcome.ANSWERED);
    CampaignContact none = floor.dialer(d -> d.next(alice));
    assertThat(none).isNull();
  }

  @Test
  void aCallAlreadyRingingAnAgentCannotAskAndAskingTwiceIsAskingOnce() {
    floor.connect(alice, true);
    long ringing = floor.callArrives(sales, "+33601020304");

    assertThatThrownBy(() -> floor.callerAsksForCallback(ringing))
        .isInstanceOf(DeskConflictException.class);
    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);

    long waiting = floor.callArrives(sales, "+33611111111");
    floor.callerAsksForCallback(waiting);
    floor.callerAsksForCallback(waiting);
    assertThat(floor.phones.commands).containsOnlyOnce("hang up " + waiting);
  }

  @Test
  void aCallerWithNoNumberToCallBackIsRefusedAndStaysOnTheLine() {
    long anonymous = floor.callArrives(sales, "anonymous");

    assertThatThrownBy(() -> floor.callerAsksForCallback(anonymous))
        .isInstanceOf(DeskConflictException.class);
    assertThat(floor.call(anonymous).awaitsCallback()).isFalse();
  }

  @Test
  void afterARestartTheCallerWaitingForItsCallbackJoinsTheGroupsCallbackList() {
    long call = floor.callArrives(sales, "+33601020304");
    floor.callerAsksForCallback(call);

    Floorplan after = floor.restarted();

    assertThat(after.call(call).getOutcome()).isEqualTo(CallOutcome.CALLBACK);
    after.connect(alice, false);
    CampaignContact contact = after.dialer(d -> d.next(alice));
    assertThat(contact.getNumber()).isEqualTo("+33601020304");
  }
}
