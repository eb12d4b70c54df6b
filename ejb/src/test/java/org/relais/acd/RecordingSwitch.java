package org.relais.acd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.relais.telephony.MonitorMode;
import org.relais.telephony.Switch;

/** The switch's side of the port in unit tests: remembers what the engine asked, in order. */
final class RecordingSwitch implements Switch {

  final List<String> commands = new ArrayList<>();

  /** A switch that places no outbound calls yet, as the SIP switch. */
  boolean placesOutboundCalls = true;

  @Override
  public boolean placesOutboundCalls() {
    return placesOutboundCalls;
  }

  @Override
  public void offer(
      String account, long callId, String caller, String extension, Duration ringTimeout) {
    commands.add("offer " + callId + " to " + extension + " for " + ringTimeout.toSeconds() + "s");
  }

  @Override
  public void cancelOffer(String account, long callId, String extension) {
    commands.add("cancel " + callId + " at " + extension);
  }

  @Override
  public void bridge(String account, long callId, String extension) {
    commands.add("bridge " + callId + " with " + extension);
  }

  @Override
  public void originate(
      String account, long callId, String extension, String number, String presentedNumber) {
    commands.add("originate " + callId + " from " + extension + " to " + number);
  }

  @Override
  public void dial(String account, long callId, String number, String presentedNumber) {
    commands.add("dial " + callId + " to " + number);
  }

  @Override
  public void drop(String account, long callId) {
    commands.add("drop " + callId);
  }

  @Override
  public void hangUp(String account, long callId) {
    commands.add("hang up " + callId);
  }

  @Override
  public void monitor(String account, long callId, String supervisorExtension, MonitorMode mode) {
    commands.add("monitor " + callId + " from " + supervisorExtension + " " + mode);
  }

  @Override
  public void stopMonitor(String account, long callId, String supervisorExtension) {
    commands.add("stop monitor " + callId + " from " + supervisorExtension);
  }

  @Override
  public void hold(String account, long callId) {
    commands.add("hold " + callId);
  }

  @Override
  public void resume(String account, long callId) {
    commands.add("resume " + callId);
  }

  @Override
  public void consult(String account, long callId, String extension, String number) {
    commands.add("consult " + callId + " from " + extension + " to " + number);
  }

  @Override
  public void consultLine(String account, long consultId, String extension) {
    commands.add("line " + consultId + " on " + extension);
  }

  @Override
  public void join(String account, long callId, long consultId) {
    commands.add("join " + callId + " with " + consultId);
  }

  @Override
  public void transfer(String account, long callId, String number) {
    commands.add("transfer " + callId + " to " + number);
  }

  @Override
  public void continueAs(String account, long callId, long newCallId) {
    commands.add("continue " + callId + " as " + newCallId);
  }

  @Override
  public void startRecording(String account, long callId, Path file) {
    commands.add("record " + callId + " into " + file.getFileName());
  }

  @Override
  public void stopRecording(String account, long callId, Path file) {
    commands.add("stop recording " + callId);
  }
}
