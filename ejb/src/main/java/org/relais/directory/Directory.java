package org.relais.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.NotPermittedException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.agent.Role;

/**
 * The account's directory (SPEC B10, E3): contacts agents search, add, edit and delete, the number
 * lookup of the screen pop (SPEC B8), and the admin's CSV import and export of public contacts.
 *
 * <p>Who may do what: everyone sees the public contacts and their own private ones; a private
 * contact is only ever its owner's to change. Public contacts are written by admins and
 * supervisors. Agents and supervisors use the directory only while their profile has the {@link
 * BannerModule#DIRECTORY} module (SPEC A4); the screen pop's {@link #identify} does not depend on
 * it. Another agent's private contact, or another account's, answers {@link NoSuchEntityException},
 * as if it did not exist.
 */
@ApplicationScoped
@Transactional
public class Directory {

  /** The largest number of problems an import report lists (it counts all rejected rows). */
  public static final int MAX_LISTED_REJECTIONS = 1000;

  /** The largest page a search answers. */
  public static final int MAX_PAGE = 500;

  /** Rows stored between two flushes of an import: the JDBC batch, then a cleared context. */
  static final int IMPORT_BATCH = 1000;

  private static final Logger LOG = Logger.getLogger(Directory.class.getName());
  private static final Pattern NUMBER_QUERY = Pattern.compile("[+0-9 ().-]+");
  private static final String VISIBLE =
      "c.account.id = :account AND (c.ownerId IS NULL OR c.ownerId = :viewer)";
  private static final String PUBLIC = "c.account.id = :account AND c.ownerId IS NULL";

  /** Among contacts that share a number: the viewer's private one first, then the oldest. */
  private static final Comparator<Contact> PREFERRED =
      Comparator.comparing(Contact::isPublic).thenComparing(Contact::getId);

  private static final List<String> NUMBER_COLUMNS =
      List.of("officeE164", "mobileE164", "homeE164", "otherE164");

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Contacts the agent sees (public and its own private ones) that match the query, in name order.
   * The query matches any part of the names, company or e-mail, whatever the accents and case; a
   * number in any format matches any of the four numbers, and three digits or more match numbers
   * that contain them. A blank query lists everything.
   */
  public List<Contact> search(Account account, Agent viewer, String query, int first, int max) {
    requireDirectory(viewer);
    return page(new Search(account, viewer, query), first, max);
  }

  public long count(Account account, Agent viewer, String query) {
    requireDirectory(viewer);
    return new Search(account, viewer, query).count();
  }

  /** The account's public contacts that match the query (the admin console's list, SPEC E3). */
  public List<Contact> searchPublic(Account account, String query, int first, int max) {
    return page(new Search(account, null, query), first, max);
  }

  public long countPublic(Account account, String query) {
    return new Search(account, null, query).count();
  }

  /** A contact the agent sees. */
  public Contact get(Account account, Agent viewer, long id) {
    requireDirectory(viewer);
    return visible(account, viewer, id);
  }

  /**
   * The contact a number identifies for the screen pop (SPEC B8): among the account's public
   * contacts and the agent's private ones, whichever of the four numbers it is, in any format of
   * the account's country. The agent's own private contact wins over a public one; among equals,
   * the oldest.
   */
  public Optional<Contact> identify(Account account, Agent agent, String number) {
    return numbers(account)
        .e164(number)
        .flatMap(e164 -> Optional.ofNullable(holders(account, agent, Set.of(e164), 20).get(e164)));
  }

  /**
   * The names the directory gives to the numbers of a history page (SPEC B6): each number, as
   * given, that identifies a contact among the account's public contacts and the viewer's private
   * ones (a null viewer sees the public ones only), with the identified contact's name. A few
   * queries for the whole page, however many numbers it shows; the same choice as {@link #identify}
   * when several contacts share a number.
   */
  public Map<String, String> names(Account account, Agent viewer, Collection<String> numbers) {
    PhoneNumbers plan = numbers(account);
    Map<String, List<String>> typedByE164 = new HashMap<>();
    for (String typed : new HashSet<>(numbers)) {
      plan.e164(typed)
          .ifPresent(e -> typedByE164.computeIfAbsent(e, k -> new ArrayList<>()).add(typed));
    }
    Map<String, String> names = new HashMap<>();
    if (typedByE164.isEmpty()) {
      return names;
    }
    holders(account, viewer, typedByE164.keySet(), Integer.MAX_VALUE)
        .forEach((e164, c) -> typedByE164.get(e164).forEach(t -> names.put(t, c.displayName())));
    return names;
  }

  /**
   * The contact each of the E.164 numbers identifies among the account's public contacts and the
   * viewer's private ones (a null viewer sees the public ones only): the viewer's own first, then
   * the oldest. One query per number column, so that each one reads its own index (H2 does not
   * combine indexes for an OR across columns), reading at most {@code perColumn} rows of each.
   */
  private Map<String, Contact> holders(
      Account account, Agent viewer, Collection<String> e164s, int perColumn) {
    Map<String, Contact> chosen = new HashMap<>();
    for (String column : NUMBER_COLUMNS) {
      TypedQuery<Contact> query =
          em.createQuery(
                  "SELECT c FROM Contact c WHERE c."
                      + column
                      + " IN :n AND "
                      + (viewer == null ? PUBLIC : VISIBLE),
                  Contact.class)
              .setParameter("account", account.getId())
              .setParameter("n", e164s)
              .setMaxResults(perColumn);
      if (viewer != null) {
        query.setParameter("viewer", viewer.getId());
      }
      for (Contact c : query.getResultList()) {
        String e164 =
            c.e164Of(column.substring(0, column.length() - "E164".length())).orElseThrow();
        chosen.merge(e164, c, (a, b) -> PREFERRED.compare(a, b) <= 0 ? a : b);
      }
    }
    return chosen;
  }

  /**
   * Adds a contact. Public contacts are written by admins and supervisors; an agent's contacts are
   * private to it.
   *
   * @param visibility null for the caller's usual kind: public for those who may write public
   *     contacts, private otherwise
   */
  public Contact create(
      Account account, Agent author, ContactDetails details, Visibility visibility) {
    requireDirectory(author);
    Visibility chosen =
        visibility != null
            ? visibility
            : mayWritePublic(author) ? Visibility.PUBLIC : Visibility.PRIVATE;
    if (chosen == Visibility.PUBLIC) {
      requireWritePublic(author);
    }
    Contact contact =
        new Contact(
            em.getReference(Account.class, account.getId()),
            chosen == Visibility.PRIVATE ? author.getId() : null,
            details,
            numbers(account),
            now());
    em.persist(contact);
    return contact;
  }

  /**
   * Replaces a contact's details and, when given, its visibility: a contact made private becomes
   * the author's.
   */
  public Contact update(
      Account account, Agent author, long id, ContactDetails details, Visibility visibility) {
    Contact contact = writable(account, author, id);
    if (visibility != null && visibility != contact.getVisibility()) {
      requireWritePublic(author);
      contact.share(visibility, author.getId(), now());
    }
    contact.edit(details, numbers(account), now());
    return contact;
  }

  public void delete(Account account, Agent author, long id) {
    em.remove(writable(account, author, id));
  }

  /**
   * Imports a CSV file of public contacts into the account (SPEC E3). The file is checked whole
   * first; then, if no row was refused or if {@code validOnly}, its valid rows are stored in one
   * transaction, in JDBC batches. A file-level problem (unknown column, no header, an unclosed
   * quote) imports nothing.
   */
  public ImportReport importCsv(
      Account account, byte[] file, boolean validOnly, ImportProgress progress) {
    long start = System.nanoTime();
    ContactCsv.Parsed parsed = ContactCsv.read(file, numbers(account), MAX_LISTED_REJECTIONS);
    long checked = System.nanoTime();
    boolean refused = !parsed.readable() || (parsed.rejectedRows() > 0 && !validOnly);
    if (refused) {
      return new ImportReport(parsed.total(), 0, parsed.rejectedRows(), parsed.rejected(), true);
    }
    List<ContactCsv.Row> rows = parsed.rows();
    OffsetDateTime now = now();
    for (int i = 0; i < rows.size(); i++) {
      if (i % IMPORT_BATCH == 0 && i > 0) {
        em.flush();
        em.clear();
        progress.stored(i, rows.size());
      }
      em.persist(
          new Contact(
              em.getReference(Account.class, account.getId()), null, rows.get(i).contact(), now));
    }
    em.flush();
    em.clear();
    progress.stored(rows.size(), rows.size());
    LOG.info(
        () ->
            "account "
                + account.getName()
                + ": imported "
                + rows.size()
                + " contacts: file checked in "
                + (checked - start) / 1_000_000
                + " ms, stored in "
                + (System.nanoTime() - checked) / 1_000_000
                + " ms");
    return new ImportReport(
        parsed.total(), rows.size(), parsed.rejectedRows(), parsed.rejected(), false);
  }

  /**
   * Writes the account's public contacts as CSV (SPEC E3), in name order, reading them a block at a
   * time so that a large directory never sits in memory.
   */
  public void exportPublic(Account account, Writer out) throws IOException {
    ContactCsv.Printer printer = ContactCsv.writer(out);
    List<Long> ids =
        em.createQuery("SELECT c.id FROM Contact c WHERE " + PUBLIC + " ORDER BY c.id", Long.class)
            .setParameter("account", account.getId())
            .getResultList();
    for (int from = 0; from < ids.size(); from += IMPORT_BATCH) {
      List<Long> block = ids.subList(from, Math.min(ids.size(), from + IMPORT_BATCH));
      List<Contact> contacts =
          em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids ORDER BY c.id", Contact.class)
              .setParameter("ids", block)
              .getResultList();
      for (Contact c : contacts) {
        printer.print(c);
      }
      em.clear();
    }
    printer.flush();
  }

  /**
   * Whether the agent may add, change and delete public contacts: admins and supervisors, and
   * agents whose profile allows it.
   */
  public boolean mayWritePublic(Agent agent) {
    return agent.getRole() == Role.ADMIN
        || agent.getRole() == Role.SUPERVISOR
        || agent.isPublicContactsEditable();
  }

  private Contact visible(Account account, Agent viewer, long id) {
    return em.createQuery("SELECT c FROM Contact c WHERE c.id = :id AND " + VISIBLE, Contact.class)
        .setParameter("id", id)
        .setParameter("account", account.getId())
        .setParameter("viewer", viewer.getId())
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NoSuchEntityException("contact"));
  }

  private Contact writable(Account account, Agent author, long id) {
    requireDirectory(author);
    Contact contact = visible(account, author, id);
    if (contact.isPublic()) {
      requireWritePublic(author);
    }
    return contact;
  }

  private void requireDirectory(Agent agent) {
    if (agent.getRole() != Role.ADMIN && !agent.hasModule(BannerModule.DIRECTORY)) {
      throw new NotPermittedException("the directory is not part of this agent's profile");
    }
  }

  private void requireWritePublic(Agent agent) {
    if (!mayWritePublic(agent)) {
      throw new NotPermittedException("public contacts are written by admins and supervisors");
    }
  }

  private static PhoneNumbers numbers(Account account) {
    return PhoneNumbers.of(account.getCountry());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private List<Contact> page(Search search, int first, int max) {
    if (first < 0) {
      throw new InvalidFieldException("first", "0 or more");
    }
    if (max < 1 || max > MAX_PAGE) {
      throw new InvalidFieldException("max", "between 1 and " + MAX_PAGE);
    }
    return search
        .query("SELECT c", " ORDER BY c.searchText, c.id", Contact.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * One search, as JPQL: who sees what, then every word of the query in the folded text, or the
   * query as a number.
   */
  private final class Search {
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();

    Search(Account account, Agent viewer, String query) {
      parameters.put("account", account.getId());
      if (viewer == null) {
        where.append(PUBLIC);
      } else {
        where.append(VISIBLE);
        parameters.put("viewer", viewer.getId());
      }
      if (query == null || query.isBlank()) {
        return;
      }
      if (query.length() > 200) {
        throw new InvalidFieldException("q", "at most 200 characters");
      }
      List<String> alternatives = new ArrayList<>();
      List<String> words = List.of(ContactDetails.fold(query).strip().split("\\s+"));
      List<String> conditions = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        conditions.add("c.searchText LIKE :w" + i + " ESCAPE '!'");
        parameters.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
      }
      alternatives.add(String.join(" AND ", conditions));
      if (NUMBER_QUERY.matcher(query.strip()).matches()) {
        numbers(account)
            .e164(query)
            .ifPresent(
                e164 -> {
                  alternatives.add(
                      "c.officeE164 = :n OR c.mobileE164 = :n OR c.homeE164 = :n"
                          + " OR c.otherE164 = :n");
                  parameters.put("n", e164);
                });
        String digits = significantDigits(query);
        if (digits.length() >= 3) {
          alternatives.add(
              "c.officeE164 LIKE :d OR c.mobileE164 LIKE :d OR c.homeE164 LIKE :d"
                  + " OR c.otherE164 LIKE :d");
          parameters.put("d", "%" + digits + "%");
        }
      }
      where.append(" AND ((").append(String.join(") OR (", alternatives)).append("))");
    }

    <T> TypedQuery<T> query(String select, String order, Class<T> type) {
      TypedQuery<T> query = em.createQuery(select + " FROM Contact c WHERE " + where + order, type);
      parameters.forEach(query::setParameter);
      return query;
    }

    long count() {
      return query("SELECT COUNT(c)", "", Long.class).getSingleResult();
    }
  }

  /** The digits of a partial number, without the national or international trunk prefix. */
  private static String significantDigits(String query) {
    String digits = query.replaceAll("[^0-9]", "");
    if (query.strip().startsWith("+")) {
      return digits;
    }
    if (digits.startsWith("00")) {
      return digits.substring(2);
    }
    return digits.startsWith("0") ? digits.substring(1) : digits;
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
