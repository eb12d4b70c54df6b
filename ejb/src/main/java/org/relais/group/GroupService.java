package org.relais.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.relais.ConflictException;
import org.relais.DuplicateException;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.call.RecordingPolicy;
import org.relais.directory.PhoneNumbers;

/**
 * An admin's management of the account's groups (SPEC E2). Every method is scoped to one account.
 */
@ApplicationScoped
@Transactional
public class GroupService {

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  public List<QueueGroup> list(Account account) {
    return em.createQuery(
            "SELECT g FROM QueueGroup g WHERE g.account.id = :account ORDER BY g.name",
            QueueGroup.class)
        .setParameter("account", account.getId())
        .getResultList();
  }

  public QueueGroup get(Account account, String name) {
    return em.createQuery(
            "SELECT g FROM QueueGroup g WHERE g.account.id = :account AND g.name = :name",
            QueueGroup.class)
        .setParameter("account", account.getId())
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NoSuchEntityException("group"));
  }

  /**
   * The group a request names in one of its fields: an unknown name is bad input (400 naming the
   * field), not a missing resource.
   */
  public QueueGroup named(Account account, String name, String field) {
    try {
      return get(account, name);
    } catch (NoSuchEntityException e) {
      throw new InvalidFieldException(field, "the name of one of the account's groups");
    }
  }

  public QueueGroup create(Account account, String name, GroupSettings settings) {
    QueueGroup group =
        new QueueGroup(em.getReference(Account.class, account.getId()), name, settings);
    requireFreeName(account, group.getName());
    em.persist(group);
    return group;
  }

  public QueueGroup update(Account account, String name, String newName, GroupSettings settings) {
    QueueGroup group = get(account, name);
    if (newName != null && !newName.strip().equals(group.getName())) {
      requireFreeName(account, newName.strip());
      group.rename(newName);
    }
    group.configure(settings);
    return group;
  }

  /** The group's service level target and opening hours (SPEC E2, E5). */
  public QueueGroup changeRules(Account account, String name, GroupRules rules) {
    QueueGroup group = get(account, name);
    group.changeRules(rules);
    return group;
  }

  /**
   * The group's queue limits and where its calls overflow (SPEC E2); the overflow group is another
   * of the account's groups, named in the field {@code overflowGroup}.
   */
  public QueueGroup changeOverflow(Account account, String name, Overflow overflow) {
    QueueGroup group = get(account, name);
    QueueGroup target =
        overflow.toGroup() == null ? null : named(account, overflow.toGroup(), "overflowGroup");
    group.changeOverflow(overflow, target);
    return group;
  }

  /** Whether the group's calls are recorded (SPEC B13). */
  public QueueGroup changeRecording(Account account, String name, RecordingPolicy policy) {
    QueueGroup group = get(account, name);
    group.changeRecording(policy);
    return group;
  }

  /**
   * The numbers a trunk calls to reach the group (SPEC F2): read in the account's country when
   * national, kept in E.164; a number already another group's, of any account, is refused.
   */
  public QueueGroup changeNumbers(Account account, String name, List<String> typed) {
    QueueGroup group = get(account, name);
    PhoneNumbers plan = PhoneNumbers.of(account.getCountry());
    List<String> numbers = new ArrayList<>();
    for (String number : typed) {
      String e164 =
          plan.e164(number)
              .orElseThrow(() -> new InvalidFieldException("numbers", "phone numbers that exist"));
      if (numbers.contains(e164)) {
        throw new InvalidFieldException("numbers", "each number only once");
      }
      numbers.add(e164);
    }
    for (String number : numbers) {
      List<QueueGroup> holders =
          em.createQuery(
                  "SELECT g FROM QueueGroup g JOIN g.numbers n WHERE n = :number", QueueGroup.class)
              .setParameter("number", number)
              .getResultList();
      if (holders.stream().anyMatch(other -> !other.getId().equals(group.getId()))) {
        throw new DuplicateException("numbers", number);
      }
    }
    group.changeNumbers(numbers);
    return group;
  }

  /** Deletes the group; refused while another group overflows into it. */
  public void delete(Account account, String name) {
    QueueGroup group = get(account, name);
    em.createQuery(
            "SELECT g.name FROM QueueGroup g WHERE g.overflowGroup = :group ORDER BY g.name",
            String.class)
        .setParameter("group", group)
        .getResultStream()
        .findFirst()
        .ifPresent(
            from -> {
              throw new ConflictException("the group " + from + " overflows into this group");
            });
    em.createQuery("DELETE FROM Membership m WHERE m.group = :group")
        .setParameter("group", group)
        .executeUpdate();
    em.remove(group);
  }

  private void requireFreeName(Account account, String name) {
    boolean taken =
        em.createQuery(
                    "SELECT COUNT(g) FROM QueueGroup g WHERE g.account.id = :account AND g.name = :name",
                    Long.class)
                .setParameter("account", account.getId())
                .setParameter("name", name)
                .getSingleResult()
            > 0;
    if (taken) {
      throw new DuplicateException("name", name);
    }
  }
}
