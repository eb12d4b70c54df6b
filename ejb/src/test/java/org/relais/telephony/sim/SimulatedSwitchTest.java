package org.relais.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ConflictException;
import org.relais.telephony.PhoneState;
import org.relais.telephony.sim.SimulatedSwitch.AutoPilot;
import org.relais.telephony.sim.SimulatedSwitch.FarEnd;
import org.relais.telephony.sim.SimulatedSwitch.FarEndAnswer;

/**
 * The simulated switch against a recording of the engine's side of the port, with the phones' time
 * moved by hand: what each phone shows, and which events reach the engine, and when.
 */
class SimulatedSwitchTest {

  private static final String ACCOUNT = "demo";
  private static final String EXT = "201";
  private static final String CUSTOMER = "+33600000000";
  private static final Duration RING = Duration.ofSeconds(20);

  private final RecordedSwitchEvents engine = new RecordedSwitchEvents();
  private final ManualPhoneScheduler time = new ManualPhoneScheduler();
  private final SimulatedSwitch sim = new SimulatedSwitch(engine, time, time.clock());

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  @Test
  void aCallPlacedByTheCallerReachesTheEngineAndItsHangUpToo() {
    long callId = sim.placeCall(ACCOUNT, "Support", "0611111111", "GDA");
    sim.callerHangsUp(ACCOUNT, callId);

    assertThat(engine.received)
        .containsExactly("inboundCall demo Support 0611111111 GDA", "callerHungUp demo " + callId);
  }

  @Test
  void anOfferedCallRingsThePhoneWithItsCallerUntilAnsweredByHand() {
    sim.offer(ACCOUNT, 7, "0611111111", EXT, RING);

    assertThat(sim.state(ACCOUNT, EXT)).isEqualTo(new PhoneState(7L, null, "0611111111"));
    time.advance(Duration.ofHours(1));
    assertThat(engine.received).isEmpty();

    sim.answer(ACCOUNT, EXT);
    assertThat(engine.received).containsExactly("answered demo 201");
  }

  @Test
  void aRecordingIsARealWavOfItsLengthThatSaysItIsSimulated(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("7/2026-03-02/42.wav");
    sim.startRecording(ACCOUNT, 7, file);
    time.advance(seconds(3));

    sim.stopRecording(ACCOUNT, 7, file);

    AudioFileFormat wav = AudioSystem.getAudioFileFormat(file.toFile());
    assertThat(wav.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
    assertThat(wav.getFormat().getSampleRate()).isEqualTo(8000f);
    assertThat(wav.getFrameLength()).as("three seconds").isEqualTo(24000);
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII))
        .contains(SimulatedRecording.COMMENT);
  }

  @Test
  void aCallerWhoseCallWasTransferredHangsUpTheCallItContinuesAs() {
    sim.continueAs(ACCOUNT, 7, 8);
    sim.join(ACCOUNT, 8, 9);

    sim.callerHangsUp(ACCOUNT, 7);

    assertThat(engine.received).containsExactly("callerHungUp demo 9");
  }

  @Test
  void aPhoneNobodyUsedShowsNoCall() {
    assertThat(sim.state(ACCOUNT, "999")).isEqualTo(PhoneState.IDLE);
  }

  @Test
  void autopilotAnswersAnOfferAfterItsDelayThenHangsUpAfterTheOther() {
    sim.autoPilot(ACCOUNT, EXT, new AutoPilot(seconds(2), seconds(5)));
    sim.offer(ACCOUNT, 7, "0611111111", EXT, RING);

    time.advanceSeconds(1.999);
    assertThat(engine.received).isEmpty();
    time.advanceSeconds(0.001);
    assertThat(engine.received).containsExactly("answered demo 201");

    sim.bridge(ACCOUNT, 7, EXT);
    assertThat(sim.state(ACCOUNT, EXT)).isEqualTo(new PhoneState(null, 7L, "0611111111"));
    time.advanceSeconds(4.9);
    assertThat(engine.received).hasSize(1);
    time.advanceSeconds(0.1);
    assertThat(engine.received).containsExactly("answered demo 201", "agentHungUp demo 201");
  }

  @Test
  void autopilotLeavesAloneAnOfferThatStoppedRinging() {
    sim.autoPilot(ACCOUNT, EXT, new AutoPilot(seconds(2), null));
    sim.offer(ACCOUNT, 7, "0611111111", EXT, RING);

    sim.cancelOffer(ACCOUNT, 7, EXT);
    time.advanceSeconds(10);

    assertThat(engine.received).isEmpty();
    assertThat(sim.state(ACCOUNT, EXT)).isEqualTo(PhoneState.IDLE);
  }

  @Test
  void autopilotDoesNotHangUpACallThatAlreadyEnded() {
    sim.autoPilot(ACCOUNT, EXT, new AutoPilot(null, seconds(5)));
    sim.offer(ACCOUNT, 7, "0611111111", EXT, RING);
    sim.bridge(ACCOUNT, 7, EXT);

    sim.hangUp(ACCOUNT, 7L);
    time.advanceSeconds(10);

    assertThat(engine.received).isEmpty();
    assertThat(sim.state(ACCOUNT, EXT)).isEqualTo(PhoneState.IDLE);
  }

  @Test
  void anAutopilotActionTheEngineRefusesIsSkippedAndTheOthersStillRun() {
    sim.autoPilot(ACCOUNT, EXT, new AutoPilot(seconds(1), null));
    sim.autoPilot(ACCOUNT, "202", new AutoPilot(seconds(2), null));
    sim.offer(ACCOUNT, 7, "0611111111", EXT, RING);
    sim.offer(ACCOUNT, 8, "0622222222", "202", RING);
    engine.refuseNext = new IllegalStateException("the ring timed out meanwhile");

    time.advanceSeconds(2);

    assertThat(engine.received).containsExactly("answered demo 201", "answered demo 202");
  }

  @Test
  void rejectingAnOfferRefusesIt() {
    sim.offer(ACCOUNT, 7, "0611111111", EXT, RING);

    sim.reject(ACCOUNT, EXT);

    assertThat(engine.received).containsExactly("refused demo 201");
  }

  @Test
  void anOutboundCallRingsTheAgentThenCallsTheCustomerWhoAnswersAfterItsDelay() {
    sim.farEnd(ACCOUNT, CUSTOMER, new FarEnd(FarEndAnswer.ANSWER, seconds(3)));
    sim.originate(ACCOUNT, 9, EXT, CUSTOMER, "0100000000");
    assertThat(sim.state(ACCOUNT, EXT)).isEqualTo(new PhoneState(9L, null, CUSTOMER));

    sim.answer(ACCOUNT, EXT);
    assertThat(sim.state(ACCOUNT, EXT)).isEqualTo(new PhoneState(null, 9L, CUSTOMER));
    time.advanceSeconds(2.9);
    assertThat(engine.received).isEmpty();
    time.advanceSeconds(0.1);

    assertThat(engine.received).containsExactly("outboundAnswered demo 9");
  }

  @Test
  void autopilotAnswersTheAgentsLegOfAnOutboundCallAsItAnswersAnOffer() {
    sim.autoPilot(ACCOUNT, EXT, new AutoPilot(seconds(1), seconds(30)));
    sim.originate(ACCOUNT, 9, EXT, CUSTOMER, "0100000000");

    time.advanceSeconds(1);
    assertThat(sim.state(ACCOUNT, EXT).connectedCallId()).isEqualTo(9L);
    assertThat(engine.received).isEmpty();

    time.advance(SimulatedSwitch.DEFAULT_FAR_END.after());
    assertThat(engine.received).containsExactly("outboundAnswered demo 9");
    time.advanceSeconds(30);
    assertThat(engine.received).containsExactly("outboundAnswered demo 9", "agentHungUp demo 201");
  }

  @Test
  void aPredictiveCallRingsTheCustomerAtOnceAndTheEnginesBridgeBringsTheAgent() {
    sim.autoPilot(ACCOUNT, EXT, new AutoPilot(null, seconds(30)));
    sim.farEnd(ACCOUNT, CUSTOMER, new FarEnd(FarEndAnswer.ANSWER, seconds(3)));
    sim.dial(ACCOUNT, 9, CUSTOMER, "0100000000");
    assertThat(sim.state(ACCOUNT, EXT)).isEqualTo(PhoneState.IDLE);

    time.advanceSeconds(3);
    assertThat(engine.received).containsExactly("outboundAnswered demo 9");
    sim.bridge(ACCOUNT, 9, EXT);
    assertThat(sim.state(ACCOUNT, EXT).connectedCallId()).isEqualTo(9L);

    time.advanceSeconds(30);
    assertThat(engine.received).containsExactly("outboundAnswered demo 9", "agentHungUp demo 201");
  }

  @Test
  void aDroppedPredictiveCallLeavesTheLine() {
    sim.farEnd(ACCOUNT, CUSTOMER, new FarEnd(FarEndAnswer.MANUAL, seconds(0)));
    sim.dial(ACCOUNT, 9, CUSTOMER, "0100000000");

    sim.drop(ACCOUNT, 9);

    assertThatThrownBy(() -> sim.customerAnswers(ACCOUNT, 9)).isInstanceOf(ConflictException.class);
    assertThat(engine.received).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"BUSY, BUSY", "NO_ANSWER, NO_ANSWER", "FAIL, FAILED"})
  void aCustomerWhoDoesNotAnswerFailsTheCallWithItsReason(FarEndAnswer answer, String failure) {
    sim.farEnd(ACCOUNT, CUSTOMER, new FarEnd(answer, seconds(4)));
    sim.originate(ACCOUNT, 9, EXT, CUSTOMER, "0100000000");
    sim.answer(ACCOUNT, EXT);

    time.advanceSeconds(4);

    assertThat(engine.received).containsExactly("outboundFailed demo 9 " + failure);
  }

  @Test
  void aManualCustomerWaitsForTheApiToAnswer() {
    sim.farEnd(ACCOUNT, CUSTOMER, new FarEnd(FarEndAnswer.MANUAL, Duration.ZERO));
    sim.originate(ACCOUNT, 9, EXT, CUSTOMER, "0100000000");
    sim.answer(ACCOUNT, EXT);
    time.advance(Duration.ofHours(1));
    assertThat(engine.received).isEmpty();

    sim.customerAnswers(ACCOUNT, 9);

    assertThat(engine.received).containsExactly("outboundAnswered demo 9");
  }

  @Test
  void rejectingOnesOwnOutboundCallGivesItUp() {
    sim.originate(ACCOUNT, 9, EXT, CUSTOMER, "0100000000");

    sim.reject(ACCOUNT, EXT);

    assertThat(engine.received).containsExactly("agentHungUp demo 201");
  }

  @Test
  void answeringForACustomerWhosePhoneDoesNotRingIsAConflict() {
    sim.farEnd(ACCOUNT, CUSTOMER, new FarEnd(FarEndAnswer.MANUAL, Duration.ZERO));
    sim.originate(ACCOUNT, 9, EXT, CUSTOMER, "0100000000");

    // The agent's own phone has not answered yet: the customer's does not ring.
    assertThatThrownBy(() -> sim.customerAnswers(ACCOUNT, 9)).isInstanceOf(ConflictException.class);
    sim.answer(ACCOUNT, EXT);
    assertThatThrownBy(() -> sim.customerBusy("another", 9)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> sim.customerDoesNotAnswer(ACCOUNT, 10))
        .isInstanceOf(ConflictException.class);
    assertThat(engine.received).isEmpty();
  }
}
