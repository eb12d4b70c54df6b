package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.NotPermittedException;
import org.relais.agent.BannerModule;
import org.relais.call.RecordingPolicy;

/** Call recording (SPEC B13) as each group's setting allows it, through the engine's parts. */
class RecordingsTest {

  private final Floorplan floor = new Floorplan();
  private final String sales = floor.group("Sales", settings -> settings);
  private final long alice = floor.agent("alice", "1001", sales);

  private long aliceTalks(RecordingPolicy policy) {
    floor.withGroup(sales, group -> group.changeRecording(policy));
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");
    floor.answers("1001");
    return call;
  }

  private List<String> recordingCommands() {
    return floor.phones.commands.stream().filter(c -> c.contains("record")).toList();
  }

  @Test
  void aGroupThatRecordsEveryCallRecordsFromTheAnswerToTheEnd() {
    long call = aliceTalks(RecordingPolicy.ALWAYS);
    floor.advance(Duration.ofSeconds(40));

    assertThatThrownBy(() -> floor.record(alice, false)).isInstanceOf(NotPermittedException.class);
    floor.agentHangsUp("1001");

    assertThat(recordingCommands())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("record " + call + " into ");
    assertThat(recordingCommands().get(1)).isEqualTo("stop recording " + call);
    assertThat(floor.transaction.announced)
        .extracting(AcdEvent::type)
        .containsSubsequence("RECORDING_STARTED", "RECORDING_STOPPED", "CALL_ENDED");
  }

  @Test
  void onDemandTheAgentStartsAndStopsAndTheEndOfTheCallStopsWhatStillRuns() {
    long call = aliceTalks(RecordingPolicy.ON_DEMAND);
    assertThat(recordingCommands()).isEmpty();

    floor.record(alice, true);
    floor.record(alice, true);
    floor.record(alice, false);
    floor.record(alice, true);
    floor.agentHangsUp("1001");

    assertThat(recordingCommands())
        .extracting(c -> c.startsWith("record") ? "record" : c)
        .containsExactly("record", "stop recording " + call, "record", "stop recording " + call);
  }

  @Test
  void aGroupThatNeverRecordsOrAProfileWithoutTheModuleIsRefusedAndNoCallIsAConflict() {
    floor.connect(alice, true);
    assertThatThrownBy(() -> floor.record(alice, true))
        .isInstanceOf(DeskConflictException.class)
        .hasMessage("there is no call to record");
    aliceTalks(RecordingPolicy.NEVER);
    assertThatThrownBy(() -> floor.record(alice, true)).isInstanceOf(NotPermittedException.class);

    floor.withGroup(sales, group -> group.changeRecording(RecordingPolicy.ON_DEMAND));
    floor.with(alice, agent -> agent.enableModules(List.of(BannerModule.SESSION)));
    assertThatThrownBy(() -> floor.record(alice, true)).isInstanceOf(NotPermittedException.class);
    assertThat(recordingCommands()).isEmpty();
  }
}
