package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.InvalidFieldException;
import org.relais.account.AccountNames;
import org.relais.group.QueueGroup;
import org.relais.presence.AgentPresence;

/**
 * The rows the switch names in its events: accounts and groups by name, agents by their phone's
 * extension. Ids seen before are remembered ({@link Remembered}), so that most events find their
 * rows by id, and a batch can guess ahead which presences its events will need. Used under the
 * engine's lock only.
 */
final class SwitchNames {

  private record GroupName(long accountId, String name) {}

  private record Extension(long accountId, String extension) {}

  private final AccountNames accounts;
  private final Floors floors;

  // A group never moves to another account: its name is all there is to check.
  private final Remembered<GroupName, QueueGroup> groups;
  private final Remembered<Extension, AgentPresence> phones;

  SwitchNames(EntityManager em, AccountNames accounts, BatchRead read, Floors floors) {
    this.accounts = accounts;
    this.floors = floors;
    this.groups =
        new Remembered<>(
            id -> em.find(QueueGroup.class, id),
            (key, group) -> group.getName().equals(key.name()),
            key -> groupNamed(em, key),
            QueueGroup::getId);
    this.phones =
        new Remembered<>(
            read::presence,
            (key, presence) ->
                presence.getAccountId() == key.accountId()
                    && key.extension().equals(presence.getAgent().getExtension()),
            key -> read.presenceAt(key.accountId(), key.extension()),
            AgentPresence::getAgentId);
  }

  long accountId(String account) {
    return accounts.idOf(account);
  }

  String accountName(long accountId) {
    return accounts.nameOf(accountId);
  }

  /** The account's group; 400 naming {@code group} when it has none by that name. */
  QueueGroup group(long accountId, String name) {
    return groups.get(new GroupName(accountId, name));
  }

  /** The presence of the connected agent whose phone this is; 409 when there is none. */
  AgentPresence phone(String account, String extension) {
    return phones.get(new Extension(accounts.idOf(account), extension));
  }

  /**
   * The agents whose presences the events will likely need: those whose phones they name, and those
   * the arriving calls' groups would be offered first. Only what the engine has seen before is
   * named here: a name it does not know is looked up, or refused, by its own event. A guess that
   * turns out wrong costs nothing but the row read.
   */
  List<Long> agentsLikelyNeeded(List<Subject> subjects) {
    List<Long> agentIds = new ArrayList<>(subjects.size());
    Map<GroupName, Integer> arrivals = new HashMap<>();
    for (Subject subject : subjects) {
      if (subject instanceof Subject.Phone phone) {
        accounts
            .knownId(phone.account())
            .flatMap(account -> phones.knownId(new Extension(account, phone.extension())))
            .ifPresent(agentIds::add);
      } else if (subject instanceof Subject.Arrival arrival) {
        accounts
            .knownId(arrival.account())
            .ifPresent(
                account ->
                    arrivals.merge(new GroupName(account, arrival.group()), 1, Integer::sum));
      }
    }
    arrivals.forEach(
        (group, calls) -> {
          Optional<Long> groupId = groups.knownId(group);
          floors
              .built(group.accountId())
              .filter(floor -> groupId.isPresent())
              .ifPresent(floor -> agentIds.addAll(floor.preferredAgents(groupId.get(), calls)));
        });
    return agentIds;
  }

  private static QueueGroup groupNamed(EntityManager em, GroupName key) {
    return em.createQuery(
            "SELECT g FROM QueueGroup g WHERE g.account.id = :account AND g.name = :name",
            QueueGroup.class)
        .setParameter("account", key.accountId())
        .setParameter("name", key.name())
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new InvalidFieldException("group", "the name of one of the account's groups"));
  }
}
