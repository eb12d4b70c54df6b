package org.relais.acd;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.call.Call;
import org.relais.presence.AgentPresence;
import org.relais.routing.Router;

/**
 * The rows a transaction of the engine reads, read together where it can: every switch event about
 * an agent needs the agent's presence with its agent, call and group, and every offer a waiting
 * call and a presence. One query for the whole batch instead of one per event is where the engine's
 * speed under load comes from. What a transaction has read is kept for that transaction alone.
 *
 * <p>Reads never flush first: a presence this transaction changed is found as this transaction left
 * it (the one in memory, as the query itself would answer), and the batch's changes are written
 * together at commit.
 */
final class BatchRead {

  private final EntityManager em;
  private final EngineTransaction transaction;

  BatchRead(EntityManager em, EngineTransaction transaction) {
    this.em = em;
    this.transaction = transaction;
  }

  /** The connected agent's presence with its agent, call and group; null when not connected. */
  AgentPresence presence(long agentId) {
    Map<Long, AgentPresence> read = presencesRead();
    AgentPresence known = read.get(agentId);
    if (known != null && em.contains(known)) {
      return known;
    }
    AgentPresence found =
        presencesWithTheirCalls("p.agentId = :agent")
            .setParameter("agent", agentId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (found != null) {
      read.put(agentId, found);
    }
    return found;
  }

  /** The presence of the connected agent with this extension; 409 when there is none. */
  AgentPresence presenceAt(long accountId, String extension) {
    return connectedAt(accountId, extension)
        .orElseThrow(
            () -> new DeskConflictException("no connected agent has extension " + extension));
  }

  /** The presence of the connected agent with this extension, if one is. */
  Optional<AgentPresence> connectedAt(long accountId, String extension) {
    // Through the agent's account, so that the database finds the agent by its index.
    return presencesWithTheirCalls(
            "p.agent.account.id = :account AND p.agent.extension = :extension")
        .setParameter("account", accountId)
        .setParameter("extension", extension)
        .getResultStream()
        .findFirst();
  }

  /**
   * Reads the presences in one query, those this transaction has not read yet; not a single one.
   */
  void readPresences(List<Long> agentIds) {
    Map<Long, AgentPresence> read = presencesRead();
    List<Long> unread = agentIds.stream().filter(id -> !read.containsKey(id)).toList();
    if (unread.size() > 1) {
      for (AgentPresence presence :
          presencesWithTheirCalls("p.agentId IN :agents")
              .setParameter("agents", unread)
              .getResultList()) {
        read.put(presence.getAgentId(), presence);
      }
    }
  }

  /**
   * Reads the waiting calls and the presences that the offers need and that this transaction has
   * not read yet, one query for each kind. A single one is left to its own lookup: as cheap.
   */
  void readFor(List<Router.Offer> offers) {
    Map<Long, Call> calls = callsRead();
    List<Long> callIds =
        offers.stream().map(Router.Offer::callId).filter(id -> !calls.containsKey(id)).toList();
    if (callIds.size() > 1) {
      for (Call call :
          em.createQuery(
                  "SELECT c FROM Call c LEFT JOIN FETCH c.group WHERE c.id IN :calls", Call.class)
              .setFlushMode(FlushModeType.COMMIT)
              .setParameter("calls", callIds)
              .getResultList()) {
        calls.put(call.getId(), call);
      }
    }
    readPresences(offers.stream().map(Router.Offer::agentId).toList());
  }

  /** A call this transaction created or is about to offer. */
  Call call(long callId) {
    return callsRead().computeIfAbsent(callId, id -> em.find(Call.class, id));
  }

  /** A call this transaction created, which its offer will need. */
  void created(Call call) {
    callsRead().put(call.getId(), call);
  }

  /** Presences with their agent, call and group, read without flushing first. */
  private TypedQuery<AgentPresence> presencesWithTheirCalls(String condition) {
    return em.createQuery(
            "SELECT p FROM AgentPresence p JOIN FETCH p.agent"
                + " LEFT JOIN FETCH p.call LEFT JOIN FETCH p.group WHERE "
                + condition,
            AgentPresence.class)
        .setFlushMode(FlushModeType.COMMIT);
  }

  private Map<Long, Call> callsRead() {
    return transaction.kept("relais.calls", HashMap::new);
  }

  private Map<Long, AgentPresence> presencesRead() {
    return transaction.kept("relais.presences", HashMap::new);
  }
}
