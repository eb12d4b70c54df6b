package org.relais.dialer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.DuplicateException;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.call.CallStatus;
import org.relais.directory.ContactCsv;
import org.relais.directory.ContactField;
import org.relais.directory.CsvFile;
import org.relais.directory.Directory;
import org.relais.directory.ImportReport;
import org.relais.directory.PhoneNumbers;
import org.relais.directory.Rejection;

/**
 * An admin's campaigns (SPEC E4) and their lists of numbers: create, configure (start, pause and
 * stop are its {@code active} flag), load numbers from CSV (the directory's format) or JSON, list
 * them and count the progress. Every method is scoped to one account.
 */
@ApplicationScoped
@Transactional
public class Campaigns {

  /** The largest page of contacts a listing answers. */
  public static final int MAX_PAGE = 500;

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;
  @Inject Directory directory;

  /** A number to load, as JSON gives it. */
  public record NewContact(String number, String lastName, String firstName, String data) {}

  public List<Campaign> list(Account account) {
    return em.createQuery(
            "SELECT c FROM Campaign c WHERE c.account.id = :account AND c.callbacks = FALSE"
                + " ORDER BY c.name",
            Campaign.class)
        .setParameter("account", account.getId())
        .getResultList();
  }

  public Campaign get(Account account, String name) {
    return em.createQuery(
            "SELECT c FROM Campaign c WHERE c.account.id = :account AND c.name = :name"
                + " AND c.callbacks = FALSE",
            Campaign.class)
        .setParameter("account", account.getId())
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NoSuchEntityException("campaign"));
  }

  /**
   * @param dialLevel the predictive pace to start from (SPEC B11), or null for one call per free
   *     agent
   * @param refusals the qualifications that mean the callee refused further calls, or null for none
   */
  public Campaign create(
      Account account, String name, CampaignDraft draft, Double dialLevel, List<String> refusals) {
    Campaign campaign =
        new Campaign(em.getReference(Account.class, account.getId()), name, draft, now());
    if (dialLevel != null) {
      campaign.adjustDialLevel(dialLevel);
    }
    if (refusals != null) {
      campaign.changeRefusals(refusals);
    }
    requireFreeName(account, campaign.getName());
    em.persist(campaign);
    return campaign;
  }

  /**
   * @param dialLevel the predictive pace from now on (SPEC B11), which the dialler adapts from
   *     there; null keeps it
   * @param refusals the qualifications that mean the callee refused further calls; null keeps them
   */
  public Campaign update(
      Account account,
      String name,
      String newName,
      CampaignDraft draft,
      Double dialLevel,
      List<String> refusals) {
    Campaign campaign = get(account, name);
    if (dialLevel != null) {
      campaign.adjustDialLevel(dialLevel);
    }
    if (newName != null && !newName.strip().equals(campaign.getName())) {
      requireFreeName(account, newName.strip());
      campaign.rename(newName);
    }
    campaign.configure(draft);
    if (refusals != null) {
      campaign.changeRefusals(refusals);
    }
    return campaign;
  }

  /** Deletes the campaign, its contacts and its attempts. */
  public void delete(Account account, String name) {
    Campaign campaign = get(account, name);
    em.createQuery("DELETE FROM DialAttempt a WHERE a.campaignId = :c")
        .setParameter("c", campaign.getId())
        .executeUpdate();
    em.createQuery("DELETE FROM CampaignContact c WHERE c.campaign = :c")
        .setParameter("c", campaign)
        .executeUpdate();
    em.remove(campaign);
  }

  /**
   * Loads a CSV file of numbers as the directory imports contacts (its headers, the account's
   * mapping, the same report by line); a row's number is the first of its phone columns, names are
   * optional. Valid rows are loaded; the report lists the others.
   */
  public ImportReport importCsv(Account account, String name, CsvFile file) {
    Loader loader = new Loader(get(account, name));
    ContactCsv.Parsed parsed =
        ContactCsv.read(
            file,
            numbers(account),
            Directory.MAX_LISTED_REJECTIONS,
            directory.columns(account),
            false,
            (row, bytesRead) -> {
              String e164 =
                  ContactField.PHONES.stream()
                      .map(f -> row.contact().e164(f))
                      .filter(n -> n != null)
                      .findFirst()
                      .orElse(null);
              var details = row.details();
              loader.add(
                  row.line(),
                  e164,
                  details.value(ContactField.LAST_NAME),
                  details.value(ContactField.FIRST_NAME),
                  details.value(ContactField.CALL_DATA));
            });
    loader.barListed();
    List<Rejection> rejected = new ArrayList<>(parsed.rejected());
    rejected.addAll(loader.rejected);
    rejected.sort(Comparator.comparingInt(Rejection::line));
    return new ImportReport(
        parsed.total(),
        loader.loaded,
        parsed.rejectedRows() + loader.rejected.size(),
        rejected.stream().limit(Directory.MAX_LISTED_REJECTIONS).toList(),
        !parsed.readable());
  }

  /** Loads numbers given as JSON; element {@code i} is reported as line {@code i + 1}. */
  public ImportReport importJson(Account account, String name, List<NewContact> contacts) {
    Loader loader = new Loader(get(account, name));
    PhoneNumbers plan = numbers(account);
    int line = 0;
    for (NewContact c : contacts) {
      line++;
      PhoneNumbers.Normalised n = c.number() == null ? null : plan.normalise(c.number());
      if (n != null && n.problem() != null) {
        loader.reject(line, n.problem().name(), "number: not a valid phone number");
      } else {
        loader.add(line, n == null ? null : n.e164(), c.lastName(), c.firstName(), c.data());
      }
    }
    loader.barListed();
    return new ImportReport(
        contacts.size(), loader.loaded, loader.rejected.size(), loader.rejected, false);
  }

  /** The campaign's contacts in the order they were loaded; all of them when status is null. */
  public List<CampaignContact> contacts(
      Account account, String name, ContactStatus status, int first, int max) {
    return filtered("SELECT c", account, name, status, " ORDER BY c.id", CampaignContact.class)
        .setFirstResult(first)
        .setMaxResults(Math.min(max, MAX_PAGE))
        .getResultList();
  }

  public long countContacts(Account account, String name, ContactStatus status) {
    return filtered("SELECT COUNT(c)", account, name, status, "", Long.class).getSingleResult();
  }

  /** The campaign's contacts, of one status unless it is null. */
  private <T> TypedQuery<T> filtered(
      String select,
      Account account,
      String name,
      ContactStatus status,
      String order,
      Class<T> type) {
    TypedQuery<T> query =
        em.createQuery(
                select
                    + " FROM CampaignContact c WHERE c.campaign = :campaign"
                    + (status == null ? "" : " AND c.status = :status")
                    + order,
                type)
            .setParameter("campaign", get(account, name));
    return status == null ? query : query.setParameter("status", status);
  }

  /** The campaign's progress: its contacts by status, its attempts by outcome. */
  public CampaignStats stats(Account account, String name) {
    Campaign campaign = get(account, name);
    List<Object[]> statuses =
        em.createQuery(
                "SELECT c.status, COUNT(c) FROM CampaignContact c WHERE c.campaign = :campaign"
                    + " GROUP BY c.status",
                Object[].class)
            .setParameter("campaign", campaign)
            .getResultList();
    List<Object[]> outcomes =
        em.createQuery(
                "SELECT a.outcome, COUNT(a) FROM DialAttempt a WHERE a.campaignId = :campaign"
                    + " GROUP BY a.outcome",
                Object[].class)
            .setParameter("campaign", campaign.getId())
            .getResultList();
    return CampaignStats.of(
        statuses, outcomes, abandonRate(em, campaign.getId(), now()), campaign.getDialLevel());
  }

  /**
   * The campaign's abandon rate (SPEC B11): among the calls its customers answered within the last
   * 30 days, the share that found no agent free; what the predictive dialler keeps under the
   * campaign's limit. A customer who answered and is talking with an agent counts already: its
   * attempt is written only when the call ends, and a drop is written at once, so that leaving the
   * conversations out would read the rate high while they last.
   */
  public static double abandonRate(EntityManager em, long campaignId, OffsetDateTime now) {
    Map<AttemptOutcome, Long> answered = new EnumMap<>(AttemptOutcome.class);
    em.createQuery(
            "SELECT a.outcome, COUNT(a) FROM DialAttempt a WHERE a.campaignId = :campaign"
                + " AND a.at > :since AND a.outcome IN :answered GROUP BY a.outcome",
            Object[].class)
        .setParameter("campaign", campaignId)
        .setParameter("since", now.minus(DialRules.LIMIT_PERIOD))
        .setParameter("answered", List.of(AttemptOutcome.ANSWERED, AttemptOutcome.DROPPED))
        .getResultList()
        .forEach(row -> answered.put((AttemptOutcome) row[0], ((Number) row[1]).longValue()));
    long talking =
        em.createQuery(
                "SELECT COUNT(c) FROM CampaignContact c WHERE c.campaign.id = :campaign"
                    + " AND c.call.status = :talking",
                Long.class)
            .setParameter("campaign", campaignId)
            .setParameter("talking", CallStatus.TALKING)
            .getSingleResult();
    return DialLevel.abandonRate(
        answered.getOrDefault(AttemptOutcome.ANSWERED, 0L) + talking,
        answered.getOrDefault(AttemptOutcome.DROPPED, 0L));
  }

  private void requireFreeName(Account account, String name) {
    boolean taken =
        em.createQuery(
                    "SELECT COUNT(c) FROM Campaign c WHERE c.account.id = :account"
                        + " AND c.name = :name",
                    Long.class)
                .setParameter("account", account.getId())
                .setParameter("name", name)
                .getSingleResult()
            > 0;
    if (taken) {
      throw new DuplicateException("name", name);
    }
  }

  private static PhoneNumbers numbers(Account account) {
    return PhoneNumbers.of(account.getCountry());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /**
   * Stores a campaign's new contacts, each number once: a number the campaign already holds, or
   * holds twice in the file, is reported, as is a row without a number. Numbers on the account's
   * do-not-call list are loaded as such ({@link #barListed}), never to be dialled.
   */
  private final class Loader {
    final Campaign campaign;
    final Set<String> known;
    final List<Rejection> rejected = new ArrayList<>();
    final OffsetDateTime at = now();
    int loaded;

    Loader(Campaign campaign) {
      this.campaign = campaign;
      this.known =
          new HashSet<>(
              em.createQuery(
                      "SELECT c.number FROM CampaignContact c WHERE c.campaign = :campaign",
                      String.class)
                  .setParameter("campaign", campaign)
                  .getResultList());
    }

    void add(int line, String e164, String lastName, String firstName, String data) {
      if (e164 == null) {
        reject(line, "REQUIRED", "number: a phone number is required");
      } else if (!known.add(e164)) {
        reject(line, "DUPLICATE", "number: " + e164 + " is already in the campaign");
      } else {
        em.persist(
            new CampaignContact(
                campaign, e164, lastName, firstName, data, ContactStatus.PENDING, at));
        loaded++;
      }
    }

    /** Marks the new contacts whose number is on the do-not-call list, in the database. */
    void barListed() {
      em.flush();
      List<Long> barred =
          em.createQuery(
                  "SELECT c.id FROM CampaignContact c, DoNotCall d WHERE c.campaign = :campaign"
                      + " AND c.status = :pending AND d.accountId = :account"
                      + " AND d.number = c.number",
                  Long.class)
              .setParameter("campaign", campaign)
              .setParameter("pending", ContactStatus.PENDING)
              .setParameter("account", campaign.getAccount().getId())
              .getResultList();
      for (int from = 0; from < barred.size(); from += 1000) {
        em.createQuery("UPDATE CampaignContact c SET c.status = :dnc WHERE c.id IN :ids")
            .setParameter("dnc", ContactStatus.DNC)
            .setParameter("ids", barred.subList(from, Math.min(barred.size(), from + 1000)))
            .executeUpdate();
      }
    }

    void reject(int line, String reason, String message) {
      rejected.add(new Rejection(line, "number", reason, message));
    }
  }
}
