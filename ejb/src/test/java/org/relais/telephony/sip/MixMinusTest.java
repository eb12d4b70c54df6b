package org.relais.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.telephony.MonitorMode;
import org.relais.telephony.sip.MixMinus.Seat;
import org.relais.telephony.sip.MixMinus.Voice;

class MixMinusTest {

  private static final short CALLER = 100;
  private static final short AGENT = 20;
  private static final short SUPERVISOR = 3;

  /** Caller, agent and supervisor, each saying a constant, so that each sum names who is heard. */
  private static List<Voice> call(MonitorMode mode) {
    return List.of(
        Voice.of(Seat.CALLER, frame(CALLER)),
        Voice.of(Seat.AGENT, frame(AGENT)),
        new Voice(Seat.SUPERVISOR, mode, frame(SUPERVISOR)));
  }

  private static short[] frame(int sample) {
    short[] frame = new short[RtpLeg.FRAME];
    Arrays.fill(frame, (short) sample);
    return frame;
  }

  private static int heard(int listener, List<Voice> voices) {
    short[] heard = MixMinus.heardBy(listener, voices);
    assertThat(heard).hasSize(RtpLeg.FRAME).containsOnly(heard[0]);
    return heard[0];
  }

  @Test
  void aListeningSupervisorHearsBothAndNobodyHearsIt() {
    List<Voice> voices = call(MonitorMode.LISTEN);
    assertThat(heard(0, voices)).as("the caller").isEqualTo(AGENT);
    assertThat(heard(1, voices)).as("the agent").isEqualTo(CALLER);
    assertThat(heard(2, voices)).as("the supervisor").isEqualTo(CALLER + AGENT);
  }

  @Test
  void aWhisperingSupervisorIsHeardByTheAgentAloneNeverByTheCaller() {
    List<Voice> voices = call(MonitorMode.WHISPER);
    assertThat(heard(0, voices)).as("the caller").isEqualTo(AGENT);
    assertThat(heard(1, voices)).as("the agent").isEqualTo(CALLER + SUPERVISOR);
    assertThat(heard(2, voices)).as("the supervisor").isEqualTo(CALLER + AGENT);
  }

  @Test
  void aBargingSupervisorIsHeardByBothAndNobodyHearsItself() {
    List<Voice> voices = call(MonitorMode.BARGE);
    assertThat(heard(0, voices)).as("the caller").isEqualTo(AGENT + SUPERVISOR);
    assertThat(heard(1, voices)).as("the agent").isEqualTo(CALLER + SUPERVISOR);
    assertThat(heard(2, voices)).as("the supervisor").isEqualTo(CALLER + AGENT);
  }

  @Test
  void aSupervisorHearsAnotherThatSpeaksToTheAgentButNotOneThatListens() {
    List<Voice> voices =
        List.of(
            Voice.of(Seat.CALLER, frame(CALLER)),
            Voice.of(Seat.AGENT, frame(AGENT)),
            new Voice(Seat.SUPERVISOR, MonitorMode.WHISPER, frame(SUPERVISOR)),
            new Voice(Seat.SUPERVISOR, MonitorMode.LISTEN, frame(7)));
    assertThat(heard(3, voices)).isEqualTo(CALLER + AGENT + SUPERVISOR);
    assertThat(heard(2, voices)).isEqualTo(CALLER + AGENT);
  }

  @Test
  void loudVoicesAddUpToTheLoudestSampleRatherThanWrapAround() {
    List<Voice> voices =
        List.of(
            Voice.of(Seat.CALLER, frame(30_000)),
            Voice.of(Seat.AGENT, frame(-30_000)),
            new Voice(Seat.SUPERVISOR, MonitorMode.BARGE, frame(30_000)));
    assertThat(heard(1, voices)).isEqualTo(Short.MAX_VALUE);
    assertThat(heard(2, voices)).isZero();
  }
}
