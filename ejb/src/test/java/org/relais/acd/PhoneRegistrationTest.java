package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relais.acd.AcdEvent.PhoneRegistration;
import org.relais.call.CallStatus;
import org.relais.presence.Activity;
import org.relais.presence.Availability;

/**
 * An agent whose phone is not registered with the switch is offered no call (SPEC F2): its state
 * stays as it is, and the offers come back with the phone's registration.
 */
class PhoneRegistrationTest {

  private final Floorplan floor = new Floorplan();
  private final String sales = floor.group("Sales", settings -> settings);

  @Test
  void anAgentWhosePhoneIsNotRegisteredIsOfferedNothingUntilItRegisters() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true, false);

    long call = floor.callArrives(sales, "+33601020304");

    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    assertThat(floor.phones.commands).isEmpty();

    floor.phoneRegistration("1001", true);

    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
    assertThat(floor.phones.commands).containsExactly("offer " + call + " to 1001 for 20s");
    assertThat(floor.transaction.announced)
        .filteredOn(PhoneRegistration.class::isInstance)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo("PHONE_REGISTERED");
              assertThat(((PhoneRegistration) event).agent()).isEqualTo("alice");
              assertThat(((PhoneRegistration) event).extension()).isEqualTo("1001");
            });
  }

  @Test
  void aPhoneThatLosesItsRegistrationTakesItsAgentOffTheFloorWithoutChangingItsState() {
    long alice = floor.agent("alice", "1001", sales);
    long bob = floor.agent("bob", "1002", sales);
    floor.connect(alice, true);
    floor.connect(bob, true);

    floor.phoneRegistration("1001", false);
    long call = floor.callArrives(sales, "+33601020304");

    assertThat(floor.presence(alice).orElseThrow().getAvailability())
        .isEqualTo(Availability.AVAILABLE);
    assertThat(floor.presence(alice).orElseThrow().isPhoneRegistered()).isFalse();
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    assertThat(floor.activity(bob)).isEqualTo(Activity.RINGING);
    assertThat(floor.phones.commands).containsExactly("offer " + call + " to 1002 for 20s");
    assertThat(floor.transaction.announced)
        .extracting(AcdEvent::type)
        .contains("PHONE_UNREGISTERED")
        .doesNotContain("PHONE_REGISTERED");
  }

  @Test
  void aRegistrationThatChangesNothingIsNotAnnouncedAndAPhoneOfNoConnectedAgentIsIgnored() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    floor.agent("bob", "1002", sales);

    floor.phoneRegistration("1001", true);
    floor.phoneRegistration("1002", true);

    assertThat(floor.transaction.announced)
        .extracting(AcdEvent::type)
        .doesNotContain("PHONE_REGISTERED", "PHONE_UNREGISTERED");
  }

  @Test
  void theRegistrationSurvivesARestart() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    floor.phoneRegistration("1001", false);

    Floorplan after = floor.restarted();
    long call = after.callArrives(sales, "+33601020304");

    assertThat(after.call(call).getStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(after.activity(alice)).isEqualTo(Activity.IDLE);
  }
}
