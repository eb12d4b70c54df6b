package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relais.NoSuchEntityException;
import org.relais.group.GroupSettings;
import org.relais.group.RoutingStrategy;
import org.relais.presence.Activity;
import org.relais.telephony.DialFailure;

/**
 * Every switch event, and the agent's timer, in every activity of the agent (SPEC C1, C2): where it
 * leads, or that it is refused (409) and changes nothing. The agent is alone on its floor, so a
 * call that goes back to its queue waits there.
 */
class SwitchEventsInEachStateTest {

  /** What happens to the agent: the activity it ends in, or null for a refusal. */
  private static final Activity REFUSED = null;

  /** An event, given the floor and the agent's call (null when it has none). */
  private enum Event {
    PHONE_ANSWERS((floor, call) -> floor.answers("1001")),
    PHONE_REFUSES((floor, call) -> floor.refuses("1001")),
    AGENT_HANGS_UP((floor, call) -> floor.agentHangsUp("1001")),
    CALLER_HANGS_UP((floor, call) -> floor.callerHangsUp(call)),
    CUSTOMER_ANSWERS((floor, call) -> floor.customerAnswers(call)),
    DIAL_FAILS((floor, call) -> floor.dialFails(call, DialFailure.BUSY)),
    TIMER_FIRES((floor, call) -> floor.nextDeadline());

    final BiConsumer<Floorplan, Long> happen;

    Event(BiConsumer<Floorplan, Long> happen) {
      this.happen = happen;
    }
  }

  static Stream<Arguments> table() {
    return Stream.of(
        row(Activity.IDLE, Event.PHONE_ANSWERS, REFUSED),
        row(Activity.IDLE, Event.PHONE_REFUSES, REFUSED),
        row(Activity.IDLE, Event.AGENT_HANGS_UP, REFUSED),
        row(Activity.IDLE, Event.TIMER_FIRES, Activity.IDLE),
        row(Activity.RINGING, Event.PHONE_ANSWERS, Activity.TALKING),
        row(Activity.RINGING, Event.PHONE_REFUSES, Activity.PENALTY),
        row(Activity.RINGING, Event.AGENT_HANGS_UP, Activity.PENALTY),
        row(Activity.RINGING, Event.CALLER_HANGS_UP, Activity.IDLE),
        row(Activity.RINGING, Event.CUSTOMER_ANSWERS, REFUSED),
        row(Activity.RINGING, Event.DIAL_FAILS, REFUSED),
        row(Activity.RINGING, Event.TIMER_FIRES, Activity.PENALTY),
        row(Activity.TALKING, Event.PHONE_ANSWERS, REFUSED),
        row(Activity.TALKING, Event.PHONE_REFUSES, REFUSED),
        row(Activity.TALKING, Event.AGENT_HANGS_UP, Activity.QUALIFYING),
        row(Activity.TALKING, Event.CALLER_HANGS_UP, Activity.QUALIFYING),
        row(Activity.TALKING, Event.CUSTOMER_ANSWERS, REFUSED),
        row(Activity.TALKING, Event.DIAL_FAILS, REFUSED),
        row(Activity.TALKING, Event.TIMER_FIRES, Activity.TALKING),
        row(Activity.QUALIFYING, Event.PHONE_ANSWERS, REFUSED),
        row(Activity.QUALIFYING, Event.PHONE_REFUSES, REFUSED),
        row(Activity.QUALIFYING, Event.AGENT_HANGS_UP, REFUSED),
        row(Activity.QUALIFYING, Event.CALLER_HANGS_UP, REFUSED),
        row(Activity.QUALIFYING, Event.CUSTOMER_ANSWERS, REFUSED),
        row(Activity.QUALIFYING, Event.DIAL_FAILS, REFUSED),
        row(Activity.QUALIFYING, Event.TIMER_FIRES, Activity.WRAP_UP),
        row(Activity.WRAP_UP, Event.PHONE_ANSWERS, REFUSED),
        row(Activity.WRAP_UP, Event.PHONE_REFUSES, REFUSED),
        row(Activity.WRAP_UP, Event.AGENT_HANGS_UP, REFUSED),
        row(Activity.WRAP_UP, Event.CALLER_HANGS_UP, REFUSED),
        row(Activity.WRAP_UP, Event.TIMER_FIRES, Activity.IDLE),
        row(Activity.PENALTY, Event.PHONE_ANSWERS, REFUSED),
        row(Activity.PENALTY, Event.PHONE_REFUSES, REFUSED),
        row(Activity.PENALTY, Event.AGENT_HANGS_UP, REFUSED),
        // The call went back to its queue: its caller abandons there, the penalty runs on.
        row(Activity.PENALTY, Event.CALLER_HANGS_UP, Activity.PENALTY),
        row(Activity.PENALTY, Event.TIMER_FIRES, Activity.WRAP_UP),
        row(Activity.DIALING, Event.PHONE_ANSWERS, Activity.TALKING),
        row(Activity.DIALING, Event.PHONE_REFUSES, REFUSED),
        row(Activity.DIALING, Event.AGENT_HANGS_UP, Activity.IDLE),
        row(Activity.DIALING, Event.CALLER_HANGS_UP, Activity.IDLE),
        row(Activity.DIALING, Event.CUSTOMER_ANSWERS, Activity.TALKING),
        row(Activity.DIALING, Event.DIAL_FAILS, Activity.IDLE),
        row(Activity.DIALING, Event.TIMER_FIRES, Activity.IDLE));
  }

  private static Arguments row(Activity from, Event event, Activity to) {
    return Arguments.of(from, event, to);
  }

  @ParameterizedTest(name = "{1} while {0} leads to {2}")
  @MethodSource("table")
  void eventInActivity(Activity from, Event event, Activity to) {
    Floorplan floor = new Floorplan();
    long agent = floor.agent("alice", "1001", group(floor));
    Long call = reach(floor, agent, from);
    assertThat(floor.activity(agent)).isEqualTo(from);
    List<String> commandsBefore = List.copyOf(floor.phones.commands);

    if (to == REFUSED) {
      assertThatThrownBy(() -> event.happen.accept(floor, call))
          .isInstanceOfAny(DeskConflictException.class, NoSuchEntityException.class);
      assertThat(floor.activity(agent)).isEqualTo(from);
      assertThat(floor.phones.commands).isEqualTo(commandsBefore);
    } else {
      event.happen.accept(floor, call);
      assertThat(floor.activity(agent)).isEqualTo(to);
    }
  }

  /** A group with a penalty, a wrap-up, a qualification and an auto-qualification. */
  private static String group(Floorplan floor) {
    return floor.group(
        "Sales",
        s ->
            new GroupSettings(
                20,
                30,
                10,
                true,
                60,
                "SALE",
                RoutingStrategy.LONGEST_IDLE,
                0,
                List.of("SALE", "NO_SALE"),
                List.of(),
                false,
                null));
  }

  /** Brings the floor's only agent (extension 1001) to the activity; answers its call, if any. */
  private static Long reach(Floorplan floor, long agent, Activity activity) {
    String group = "Sales";
    floor.connect(agent, activity != Activity.DIALING && activity != Activity.IDLE);
    return switch (activity) {
      case IDLE -> null;
      case RINGING -> floor.callArrives(group, "+33601020304");
      case TALKING, QUALIFYING, WRAP_UP -> {
        long call = floor.callArrives(group, "+33601020304");
        floor.answers("1001");
        if (activity != Activity.TALKING) {
          floor.agentHangsUp("1001");
        }
        if (activity == Activity.WRAP_UP) {
          floor.does(desk -> desk.qualify(agent, "SALE"));
        }
        yield call;
      }
      case PENALTY -> {
        long call = floor.callArrives(group, "+33601020304");
        floor.refuses("1001");
        yield call;
      }
      case DIALING -> floor.at(desk -> desk.dial(agent, group, "0102030405", null)).getId();
    };
  }
}
