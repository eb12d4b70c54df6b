package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.relais.NotPermittedException;
import org.relais.agent.BannerModule;
import org.relais.call.Call;
import org.relais.call.Recording;
import org.relais.call.RecordingPolicy;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentPresence;
import org.relais.telephony.Switch;

/**
 * Call recording (SPEC B13), as each group allows it: every answered call of a group that says
 * {@code ALWAYS}, from its answer to its end; in a group that says {@code ON_DEMAND}, from the
 * agent's start to its stop or the call's end. The switch writes the audio into a file under the
 * recordings folder, named by the recording's row.
 */
final class Recordings {

  private final EntityManager em;
  private final SwitchNames names;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final EngineClock clock;
  private final Path folder;

  Recordings(
      EntityManager em,
      SwitchNames names,
      EngineTransaction transaction,
      Switch phoneSwitch,
      EngineClock clock,
      Path folder) {
    this.em = em;
    this.names = names;
    this.transaction = transaction;
    this.phoneSwitch = phoneSwitch;
    this.clock = clock;
    this.folder = folder;
  }

  /**
   * The agent starts ({@code on}) or stops the recording of its call: 409 with no call, 403 where
   * its profile lacks the module or the group does not leave it to the agent.
   */
  void record(long agentId, boolean on) {
    AgentPresence presence = em.find(AgentPresence.class, agentId);
    if (presence == null
        || presence.getActivity() != Activity.TALKING
        || presence.getCall() == null) {
      throw new DeskConflictException("there is no call to record");
    }
    presence.getAgent().requireModule(BannerModule.RECORDING);
    Call call = presence.getCall();
    RecordingPolicy policy = policyOf(call);
    if (policy == RecordingPolicy.NEVER) {
      throw new NotPermittedException("the group's calls are not recorded");
    }
    Recording running = running(call);
    if (on && running == null) {
      start(call);
    } else if (!on && running != null) {
      if (policy == RecordingPolicy.ALWAYS) {
        throw new NotPermittedException("the group records all its calls");
      }
      stop(running);
    }
  }

  /** A call was answered: recorded at once where its group records every call. */
  void answered(Call call) {
    if (policyOf(call) == RecordingPolicy.ALWAYS) {
      start(call);
    }
  }

  /** A call ended: its recording, if one runs, stops with it. */
  void ended(Call call) {
    if (policyOf(call) != RecordingPolicy.NEVER) {
      Recording running = running(call);
      if (running != null) {
        stop(running);
      }
    }
  }

  private void start(Call call) {
    OffsetDateTime now = clock.now();
    Recording recording = new Recording(call, now);
    em.persist(recording);
    em.flush();
    Path file = folder.resolve(recording.nameFile());
    transaction.announce(
        new AcdEvent.RecordingStarted(
            call.getAccountId(), now, call.getId(), recording.getId(), login(call)));
    String account = names.accountName(call.getAccountId());
    transaction.afterCommit(() -> phoneSwitch.startRecording(account, call.getId(), file));
  }

  private void stop(Recording recording) {
    OffsetDateTime now = clock.now();
    recording.stop(now);
    Call call = recording.getCall();
    Path file = folder.resolve(recording.getFile());
    transaction.announce(
        new AcdEvent.RecordingStopped(
            call.getAccountId(), now, call.getId(), recording.getId(), login(call)));
    String account = names.accountName(call.getAccountId());
    transaction.afterCommit(() -> phoneSwitch.stopRecording(account, call.getId(), file));
  }

  private Recording running(Call call) {
    return em.createQuery(
            "SELECT r FROM Recording r WHERE r.call = :call AND r.stoppedAt IS NULL",
            Recording.class)
        .setParameter("call", call)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private static RecordingPolicy policyOf(Call call) {
    QueueGroup group = call.getGroup();
    return group == null ? RecordingPolicy.NEVER : group.recording();
  }

  private static String login(Call call) {
    return call.getAgent() == null ? null : call.getAgent().getLogin();
  }
}
