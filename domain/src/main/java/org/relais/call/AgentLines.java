package org.relais.call;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.relais.ConflictException;
import org.relais.NoSuchEntityException;

/**
 * The rules of an agent's lines (SPEC B12): its call, and at most one consult call placed from it.
 * At most one line is active; the others wait on hold. Each check refuses (409, a {@link
 * ConflictException}) what the lines do not allow, before anything changes.
 */
public final class AgentLines {

  private final Call call;
  private final Call consult;

  /**
   * @param call the agent's call, null when none; one not talking (ringing, dialling, ended) counts
   *     as none
   * @param consult the live consult call placed from it, null when none
   */
  public AgentLines(Call call, Call consult) {
    this.call = call != null && call.getStatus() == CallStatus.TALKING ? call : null;
    this.consult = consult;
  }

  /**
   * The lines of an agent whose presence holds {@code call}: that call while it talks, and the live
   * consult call placed from it, read from the rows.
   */
  public static AgentLines of(EntityManager em, Call call) {
    Call consult =
        call == null
            ? null
            : em.createQuery(
                    "SELECT c FROM Call c WHERE c.consultOf = :call AND c.status <> :ended",
                    Call.class)
                .setParameter("call", call)
                .setParameter("ended", CallStatus.ENDED)
                .getResultStream()
                .findFirst()
                .orElse(null);
    return new AgentLines(call, consult);
  }

  /** The lines, the agent's call first. */
  public List<Call> all() {
    List<Call> lines = new ArrayList<>(2);
    if (call != null) {
      lines.add(call);
    }
    if (consult != null) {
      lines.add(consult);
    }
    return lines;
  }

  /** The line of that id; 404 when the agent has no such line. */
  public Call line(long id) {
    return all().stream()
        .filter(line -> line.getId() == id)
        .findFirst()
        .orElseThrow(() -> new NoSuchEntityException("line"));
  }

  /** The other line than {@code line}, null when there is one line. */
  public Call other(Call line) {
    return line == call ? consult : call;
  }

  /** A consult call holds the agent's call and dials: one call, talking, no consult yet. */
  public Call requireConsultable() {
    if (call == null) {
      throw new ConflictException("there is no call to consult from");
    }
    if (consult != null) {
      throw new ConflictException("a consult call is already in progress");
    }
    return call;
  }

  /** Hold needs a line that talks, not already held. */
  public void requireHoldable(Call line) {
    if (line.lineState() != LineState.TALKING) {
      throw new ConflictException("the line is not talking");
    }
  }

  /** Resume needs a held line. */
  public void requireResumable(Call line) {
    if (line.lineState() != LineState.HELD) {
      throw new ConflictException("the line is not on hold");
    }
  }

  /** The attended transfer joins two lines, both answered. */
  public void requireJoinable() {
    if (call == null || consult == null) {
      throw new ConflictException("a transfer needs two lines");
    }
    if (consult.getStatus() != CallStatus.TALKING) {
      throw new ConflictException("the consulted party has not answered");
    }
  }

  /** The blind transfer sends the agent's call, answered, while no consult call is up. */
  public void requireBlindTransferable(Call line) {
    if (consult != null) {
      throw new ConflictException("hang up or complete the consult call first");
    }
    if (line != call) {
      throw new ConflictException("there is no call to transfer");
    }
  }

  public Call call() {
    return call;
  }

  public Call consult() {
    return consult;
  }
}
