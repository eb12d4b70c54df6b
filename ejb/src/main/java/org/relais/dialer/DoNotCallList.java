package org.relais.dialer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.directory.ImportReport;
import org.relais.directory.PhoneNumbers;
import org.relais.directory.Rejection;

/**
 * The account's do-not-call list (SPEC E4): Bloctel's numbers, loaded as CSV, and the account's
 * own. A number on it is never dialled, and its contacts in every campaign are marked DNC.
 */
@ApplicationScoped
@Transactional
public class DoNotCallList {

  /** Numbers looked up or marked in one query. */
  private static final int CHUNK = 1000;

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Adds numbers, in any format of the account's country; one that is already listed is left as it
   * is, one that is no number is reported (element {@code i} as line {@code i + 1}).
   */
  public ImportReport add(Account account, List<String> numbers) {
    PhoneNumbers plan = PhoneNumbers.of(account.getCountry());
    List<Rejection> rejected = new ArrayList<>();
    Set<String> wanted = new LinkedHashSet<>();
    int line = 0;
    for (String typed : numbers) {
      line++;
      PhoneNumbers.Normalised n = plan.normalise(typed == null ? "" : typed);
      if (n.problem() != null) {
        rejected.add(
            new Rejection(line, "number", n.problem().name(), "number: not a valid phone number"));
      } else {
        wanted.add(n.e164());
      }
    }
    // Checked against the list in chunks: Bloctel's list is far too long to read whole.
    List<String> added = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> all = new ArrayList<>(wanted);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      Set<String> listed =
          new HashSet<>(
              em.createQuery(
                      "SELECT d.number FROM DoNotCall d WHERE d.accountId = :account"
                          + " AND d.number IN :numbers",
                      String.class)
                  .setParameter("account", account.getId())
                  .setParameter("numbers", chunk)
                  .getResultList());
      for (String e164 : chunk) {
        if (!listed.contains(e164)) {
          em.persist(new DoNotCall(account.getId(), e164, now));
          added.add(e164);
        }
      }
    }
    for (int from = 0; from < added.size(); from += CHUNK) {
      em.createQuery(
              "UPDATE CampaignContact c SET c.status = :dnc, c.reservedBy = NULL"
                  + " WHERE c.account.id = :account AND c.number IN :numbers"
                  + " AND c.status IN :dialable")
          .setParameter("dnc", ContactStatus.DNC)
          .setParameter("account", account.getId())
          .setParameter("numbers", added.subList(from, Math.min(added.size(), from + CHUNK)))
          .setParameter(
              "dialable",
              List.of(
                  ContactStatus.PENDING,
                  ContactStatus.RECYCLED,
                  ContactStatus.RESERVED,
                  ContactStatus.ABANDONED))
          .executeUpdate();
    }
    return new ImportReport(numbers.size(), added.size(), rejected.size(), rejected, false);
  }

  /**
   * Adds the numbers of a CSV file: the first cell of each line ({@code ;}, {@code ,} or tab
   * separated); a first line that holds no number is its header.
   */
  public ImportReport addCsv(Account account, Reader csv) {
    List<String> numbers = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(csv)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        numbers.add(line.split("[;,\t]", 2)[0].replace("\"", "").replace("\uFEFF", "").strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    numbers.removeIf(String::isEmpty);
    PhoneNumbers plan = PhoneNumbers.of(account.getCountry());
    if (!numbers.isEmpty() && plan.e164(numbers.get(0)).isEmpty()) {
      numbers.remove(0);
    }
    return add(account, numbers);
  }

  /** The number as the list holds it, when it is listed. */
  public Optional<DoNotCall> find(Account account, String number) {
    return PhoneNumbers.of(account.getCountry())
        .e164(number)
        .flatMap(
            e164 ->
                em.createQuery(
                        "SELECT d FROM DoNotCall d WHERE d.accountId = :account"
                            + " AND d.number = :number",
                        DoNotCall.class)
                    .setParameter("account", account.getId())
                    .setParameter("number", e164)
                    .getResultStream()
                    .findFirst());
  }

  /** Takes a number off the list; its contacts stay DNC until they are loaded again. */
  public void remove(Account account, String number) {
    em.remove(find(account, number).orElseThrow(() -> new NoSuchEntityException("number")));
  }
}
