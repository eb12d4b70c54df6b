package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.ConflictException;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.NotPermittedException;
import org.relais.acd.Acd;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.call.LineTarget;
import org.relais.call.RecordingPolicy;
import org.relais.desk.DeskLine;
import org.relais.desk.DeskQueries;
import org.relais.desk.DeskQueries.RecordingState;
import org.relais.web.security.CurrentCaller;

/**
 * The banner's lines module (Multiligne, SPEC B12) and its recording button (Enregistrement, SPEC
 * B13): the agent's lines with their timers, hold and resume, a consult call to a number, an agent
 * or a group, the transfer that joins the two lines, the blind transfer of the call; and the start
 * and stop of the call's recording where its group leaves it to the agent.
 */
@Named
@ViewScoped
public class LinesView implements Serializable {

  @Inject transient Acd acd;
  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;
  @Inject transient DeskQueries queries;
  @Inject transient Clock clock;

  private long agentId;
  private String login;
  private LineTarget.Kind kind = LineTarget.Kind.NUMBER;
  private String target;
  private List<DeskLine> lines = List.of();
  private RecordingState recording;

  @PostConstruct
  void init() {
    Agent agent = agents.get(caller.account(), caller.login());
    agentId = agent.getId();
    login = agent.getLogin();
  }

  /** Reads the lines and the recording again; the module calls it each time it is rendered. */
  public void reload() {
    Agent agent = agents.get(caller.account(), login);
    lines = queries.lines(agent);
    recording = queries.recording(agent);
  }

  public void consult() {
    act(() -> acd.consult(agentId, typedTarget()));
  }

  /** The blind transfer of the agent's call to the target typed. */
  public void blindTransfer() {
    act(() -> acd.blindTransfer(agentId, Long.parseLong(lines.get(0).id()), typedTarget()));
  }

  public void hold(DeskLine line) {
    act(() -> acd.hold(agentId, Long.parseLong(line.id())));
  }

  public void resume(DeskLine line) {
    act(() -> acd.resume(agentId, Long.parseLong(line.id())));
  }

  public void hangUp(DeskLine line) {
    act(() -> acd.hangUpLine(agentId, Long.parseLong(line.id())));
  }

  public void transfer() {
    act(() -> acd.transferLines(agentId));
  }

  public void record(boolean on) {
    act(() -> acd.record(agentId, on));
  }

  /** Seconds since the line's timer started, for the banner to count on from. */
  public long elapsed(DeskLine line) {
    return Math.max(0, Duration.between(line.since(), OffsetDateTime.now(clock)).toSeconds());
  }

  /** The line's timer as the banner shows it, mm:ss. */
  public String timer(DeskLine line) {
    long seconds = elapsed(line);
    return String.format("%02d:%02d", seconds / 60, seconds % 60);
  }

  public List<DeskLine> getLines() {
    return lines;
  }

  public boolean isTwoLines() {
    return lines.size() == 2;
  }

  /** Whether the group lets the agent start and stop the recording of the call. */
  public boolean isRecordable() {
    return recording != null && recording.policy() == RecordingPolicy.ON_DEMAND;
  }

  public boolean isRecording() {
    return recording != null && recording.running();
  }

  public LineTarget.Kind getKind() {
    return kind;
  }

  public void setKind(LineTarget.Kind kind) {
    this.kind = kind;
  }

  public LineTarget.Kind[] getKinds() {
    return LineTarget.Kind.values();
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  private LineTarget typedTarget() {
    String typed = target == null ? null : target.strip();
    return LineTarget.of(
        kind == LineTarget.Kind.NUMBER ? typed : null,
        kind == LineTarget.Kind.AGENT ? typed : null,
        kind == LineTarget.Kind.GROUP ? typed : null);
  }

  private void act(Runnable action) {
    try {
      action.run();
      target = null;
    } catch (ConflictException | NoSuchEntityException e) {
      Messages.error(null, "banner.conflict");
    } catch (InvalidFieldException e) {
      Messages.error(null, "lines.invalid." + e.getField());
    } catch (NotPermittedException e) {
      Messages.error(null, "recording.notAllowed");
    }
    reload();
  }
}
