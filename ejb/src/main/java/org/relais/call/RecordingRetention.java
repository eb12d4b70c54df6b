package org.relais.call;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.account.Account;

/**
 * Deletes the recordings older than their account's retention ({@code recordingRetentionDays}, SPEC
 * B13), files and rows, every {@code relais.recordings.sweep-seconds} (an hour by default). A
 * recording still running is kept until it stops; a file already gone is no error.
 */
@Singleton
@Startup
public class RecordingRetention {

  private static final Logger LOG = Logger.getLogger(RecordingRetention.class.getName());

  /** Recordings deleted at most per sweep: a long backlog is worked off over several sweeps. */
  private static final int PER_SWEEP = 1000;

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;
  @Inject RecordingFolder folder;

  @Inject
  @ConfigProperty(name = "relais.recordings.sweep-seconds", defaultValue = "3600")
  long sweepSeconds;

  @Resource TimerService timers;

  @PostConstruct
  void schedule() {
    long interval = sweepSeconds * 1000;
    timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
  }

  /** Deletes the expired recordings of every account. */
  @Timeout
  void sweep() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int deleted = 0;
    for (Account account :
        em.createQuery("SELECT a FROM Account a", Account.class).getResultList()) {
      OffsetDateTime before = now.minusDays(account.getRecordingRetentionDays());
      for (Recording expired :
          em.createQuery(
                  "SELECT r FROM Recording r WHERE r.accountId = :account"
                      + " AND r.startedAt < :before AND r.stoppedAt IS NOT NULL",
                  Recording.class)
              .setParameter("account", account.getId())
              .setParameter("before", before)
              .setMaxResults(PER_SWEEP - deleted)
              .getResultList()) {
        delete(expired);
        deleted++;
      }
      if (deleted >= PER_SWEEP) {
        break;
      }
    }
    if (deleted > 0) {
      LOG.info(deleted + " recordings deleted after their account's retention");
    }
  }

  private void delete(Recording recording) {
    if (recording.getFile() != null) {
      try {
        Files.deleteIfExists(folder.of(recording));
      } catch (IOException e) {
        LOG.log(Level.WARNING, "recording file " + recording.getFile() + " not deleted", e);
        return;
      }
    }
    em.remove(recording);
  }
}
