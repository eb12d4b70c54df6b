package org.relais.directory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.NotPermittedException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.agent.Role;
import org.relais.operations.LogLine;

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

  private static final String VISIBLE = ContactSearch.VISIBLE;
  private static final String PUBLIC = ContactSearch.PUBLIC;

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;

  /** Rolls an import back when its file is refused after some rows were stored. */
  @Resource TransactionSynchronizationRegistry transactions;

  /** The accounts whose import is running on this server. */
  private final Set<Long> importing = ConcurrentHashMap.newKeySet();

  /**
   * Contacts the agent sees (public and its own private ones) that match the query, in name order.
   * The query matches any part of the names, company or e-mail, whatever the accents and case; a
   * number in any format matches any of the four numbers, and three digits or more match numbers
   * that contain them. A blank query lists everything.
   */
  public List<Contact> search(Account account, Agent viewer, String query, int first, int max) {
    requireDirectory(viewer);
    return page(search(account, viewer, query), first, max);
  }

  public long count(Account account, Agent viewer, String query) {
    requireDirectory(viewer);
    return count(search(account, viewer, query));
  }

  /** The account's public contacts that match the query (the admin console's list, SPEC E3). */
  public List<Contact> searchPublic(Account account, String query, int first, int max) {
    return page(search(account, null, query), first, max);
  }

  public long countPublic(Account account, String query) {
    return count(search(account, null, query));
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
   * the oldest. An agent's profile must have the screen pop (SPEC A4); an admin's need not.
   */
  public Optional<Contact> identify(Account account, Agent agent, String number) {
    if (agent.getRole() != Role.ADMIN) {
      agent.requireModule(BannerModule.SCREEN_POP);
    }
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
    NumberHolders holders = new NumberHolders(e164s);
    for (ContactField field : ContactField.PHONES) {
      TypedQuery<Contact> query =
          em.createQuery(
                  "SELECT c FROM Contact c WHERE c."
                      + field.e164Attribute()
                      + " IN :n AND "
                      + (viewer == null ? PUBLIC : VISIBLE),
                  Contact.class)
              .setParameter("account", account.getId())
              .setParameter("n", e164s)
              .setMaxResults(perColumn);
      if (viewer != null) {
        query.setParameter("viewer", viewer.getId());
      }
      holders.offerAll(query.getResultList());
    }
    return holders.chosen();
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
   * Imports a CSV file of public contacts into the account (SPEC E3), one import per account at a
   * time. Rows are checked and stored as the file is read, in one transaction and in JDBC batches,
   * so that neither the file nor its rows sit in memory. If a row is refused (unless {@code
   * validOnly}) or the file cannot be read (unknown column, no header, an unclosed quote), the
   * transaction is rolled back and nothing is imported; storing stops at the first refused row.
   *
   * @throws ImportRunningException while another import of the account runs
   */
  public ImportReport importCsv(
      Account account, CsvFile file, boolean validOnly, ImportProgress progress) {
    if (!importing.add(account.getId())) {
      throw new ImportRunningException();
    }
    try {
      return store(account, file, validOnly, progress);
    } finally {
      importing.remove(account.getId());
    }
  }

  private ImportReport store(
      Account account, CsvFile file, boolean validOnly, ImportProgress progress) {
    long start = System.nanoTime();
    OffsetDateTime now = now();
    int[] stored = {0};
    boolean[] refusing = {false};
    ContactCsv.Parsed parsed =
        ContactCsv.read(
            file,
            numbers(account),
            MAX_LISTED_REJECTIONS,
            columns(account),
            new ContactCsv.Rows() {
              @Override
              public void valid(ContactCsv.Row row, long bytesRead) {
                if (refusing[0]) {
                  return;
                }
                em.persist(
                    new Contact(
                        em.getReference(Account.class, account.getId()), null, row.contact(), now));
                if (++stored[0] % IMPORT_BATCH == 0) {
                  em.flush();
                  em.clear();
                  progress.advanced(bytesRead, file.size());
                }
              }

              @Override
              public void rejected() {
                refusing[0] = !validOnly;
              }
            });
    boolean refused = !parsed.readable() || (parsed.rejectedRows() > 0 && !validOnly);
    if (refused) {
      transactions.setRollbackOnly();
      return new ImportReport(parsed.total(), 0, parsed.rejectedRows(), parsed.rejected(), true);
    }
    em.flush();
    em.clear();
    progress.advanced(file.size(), file.size());
    LogLine.of(
            "import done",
            "account",
            account.getName(),
            "imported",
            stored[0],
            "rejected",
            parsed.rejectedRows(),
            "ms",
            (System.nanoTime() - start) / 1_000_000)
        .log();
    return new ImportReport(
        parsed.total(), stored[0], parsed.rejectedRows(), parsed.rejected(), false);
  }

  /** The headers the account's admin mapped for its imports (SPEC B10). */
  public HeaderMapping columns(Account account) {
    return HeaderMapping.of(importColumns(account));
  }

  /**
   * The header cells of a file that the import would refuse as unknown: neither a name it knows nor
   * one the account's admin mapped.
   */
  public List<String> unknownColumns(Account account, CsvFile file) {
    return ContactCsv.unknownHeaders(file, columns(account));
  }

  /**
   * Remembers what headers hold for the account's next imports.
   *
   * @param choices each header cell, with the field it holds or null to skip the column
   */
  public void rememberColumns(Account account, Map<String, ContactField> choices) {
    Map<String, ImportColumn> known = new HashMap<>();
    importColumns(account).forEach(c -> known.put(c.getHeader(), c));
    Account owner = em.getReference(Account.class, account.getId());
    choices.forEach(
        (header, field) -> {
          ImportColumn column = known.get(ContactField.headerKey(header));
          if (column != null) {
            column.assign(field);
          } else {
            ImportColumn added = new ImportColumn(owner, header, field);
            em.persist(added);
            known.put(added.getHeader(), added);
          }
        });
  }

  private List<ImportColumn> importColumns(Account account) {
    return em.createQuery(
            "SELECT i FROM ImportColumn i WHERE i.account.id = :account", ImportColumn.class)
        .setParameter("account", account.getId())
        .getResultList();
  }

  /**
   * Writes the account's public contacts as CSV (SPEC E3), in name order, reading them a block at a
   * time so that a large directory never sits in memory.
   */
  public void exportPublic(Account account, OutputStream out) throws IOException {
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
    if (agent.getRole() != Role.ADMIN) {
      agent.requireModule(BannerModule.DIRECTORY);
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

  private ContactSearch search(Account account, Agent viewer, String query) {
    return new ContactSearch(
        account.getId(), viewer == null ? null : viewer.getId(), query, numbers(account));
  }

  private List<Contact> page(ContactSearch search, int first, int max) {
    if (first < 0) {
      throw new InvalidFieldException("first", "0 or more");
    }
    if (max < 1 || max > MAX_PAGE) {
      throw new InvalidFieldException("max", "between 1 and " + MAX_PAGE);
    }
    return query(search, "SELECT c", " ORDER BY c.searchText, c.id", Contact.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  private long count(ContactSearch search) {
    return query(search, "SELECT COUNT(c)", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> query(
      ContactSearch search, String select, String order, Class<T> type) {
    TypedQuery<T> query =
        em.createQuery(select + " FROM Contact c WHERE " + search.where() + order, type);
    search.parameters().forEach(query::setParameter);
    return query;
  }
}
