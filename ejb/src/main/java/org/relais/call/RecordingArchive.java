package org.relais.call;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.NoSuchEntityException;
import org.relais.NotPermittedException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.agent.Role;

/**
 * The account's call recordings (SPEC B13): who may hear which, where their files are, and the
 * audit of every listening. Supervisors and admins hear the account's recordings; an agent hears
 * those of its own calls where its profile has the recording module.
 */
@Stateless
public class RecordingArchive {

  /** A recording as a call record lists it: {@code duration} in whole seconds. */
  public record RecordingLine(String id, OffsetDateTime startedAt, long duration) {}

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;
  @Inject RecordingFolder folder;

  /**
   * The recording's file for {@code listener}, who heard it if {@code fromStart} (a request for a
   * later part of the file is the same listening, seeking): 404 for another account's recording or
   * a file no longer there, 403 for an agent who may not hear it.
   */
  public Path listen(Account account, Agent listener, String id, boolean fromStart) {
    Recording recording = find(account, id);
    if (listener.getRole() == Role.AGENT) {
      listener.requireModule(BannerModule.RECORDING);
      Agent callAgent = recording.getCall().getAgent();
      if (callAgent == null || !callAgent.getId().equals(listener.getId())) {
        throw new NotPermittedException("an agent hears the recordings of its own calls only");
      }
    }
    return open(recording, listener.getLogin(), fromStart);
  }

  /**
   * The recording's file for an integration that speaks for the whole account (an API token of a
   * supervisor or admin role), audited under the token's name.
   */
  public Path listenForAccount(Account account, String heardBy, String id, boolean fromStart) {
    return open(find(account, id), heardBy, fromStart);
  }

  private Path open(Recording recording, String heardBy, boolean fromStart) {
    Path file = recording.getFile() == null ? null : folder.of(recording);
    if (file == null || !Files.isRegularFile(file)) {
      throw new NoSuchEntityException("recording file");
    }
    if (fromStart) {
      em.persist(new RecordingHeard(recording, heardBy, OffsetDateTime.now(clock)));
    }
    return file;
  }

  /** Who heard the recording, and when, oldest first. */
  public List<RecordingHeard> heard(Account account, String id) {
    Recording recording = find(account, id);
    return em.createQuery(
            "SELECT h FROM RecordingHeard h WHERE h.accountId = :account"
                + " AND h.recordingId = :recording ORDER BY h.heardAt, h.id",
            RecordingHeard.class)
        .setParameter("account", account.getId())
        .setParameter("recording", recording.getId())
        .getResultList();
  }

  /**
   * The recordings of each of the calls, in the order they started; calls without any are left out.
   */
  public Map<Long, List<RecordingLine>> ofCalls(List<Call> calls) {
    Map<Long, List<RecordingLine>> byCall = new HashMap<>();
    if (calls.isEmpty()) {
      return byCall;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (Recording r :
        em.createQuery(
                "SELECT r FROM Recording r WHERE r.call IN :calls ORDER BY r.startedAt, r.id",
                Recording.class)
            .setParameter("calls", calls)
            .getResultList()) {
      byCall
          .computeIfAbsent(r.getCall().getId(), id -> new ArrayList<>())
          .add(new RecordingLine(r.getId().toString(), r.getStartedAt(), r.durationSeconds(now)));
    }
    return byCall;
  }

  private Recording find(Account account, String id) {
    Recording recording;
    try {
      recording = em.find(Recording.class, Long.parseLong(id));
    } catch (NumberFormatException e) {
      recording = null;
    }
    if (recording == null || recording.getAccountId() != account.getId()) {
      throw new NoSuchEntityException("recording");
    }
    return recording;
  }
}
