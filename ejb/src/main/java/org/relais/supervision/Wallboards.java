package org.relais.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.Role;

/**
 * The accounts' wallboards (SPEC E5): the thresholds their supervisors set, and the passes that let
 * wall displays follow the floor across restarts ({@link WallPass}). Callers check the role; every
 * method is scoped to one account.
 */
@ApplicationScoped
@Transactional
public class Wallboards {

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;

  private final SecureRandom random = new SecureRandom();

  public Thresholds thresholds(Account account) {
    Wallboard board = em.find(Wallboard.class, account.getId());
    return board == null ? Thresholds.defaults() : board.thresholds();
  }

  public void changeThresholds(Account account, Thresholds thresholds) {
    of(account.getId()).changeThresholds(thresholds);
  }

  /** A pass for the person's wall display, signed with its account's key. */
  public String pass(Agent person) {
    Wallboard board = of(person.getAccount().getId());
    return new WallPass(board.accountId(), person.getId(), clock.instant())
        .sign(board.passKey(), holder(person));
  }

  /**
   * The supervisor or admin whose pass this is, if it verifies now and its holder still may watch
   * the floor; empty otherwise.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Agent> holder(String text) {
    return WallPass.read(text)
        .flatMap(
            pass -> {
              Wallboard board = em.find(Wallboard.class, pass.accountId());
              Agent person = em.find(Agent.class, pass.agentId());
              boolean stands =
                  board != null
                      && person != null
                      && person.getAccount().getId() == pass.accountId()
                      && person.isEnabled()
                      && (person.getRole() == Role.SUPERVISOR || person.getRole() == Role.ADMIN)
                      && pass.verifies(text, board.passKey(), holder(person), clock.instant());
              return stands ? Optional.of(person) : Optional.empty();
            });
  }

  /** What the pass is bound to: a new password or role and it no longer verifies. */
  private static String holder(Agent person) {
    return person.getPasswordHash() + "|" + person.getRole();
  }

  /**
   * The account's wallboard, made with the defaults and a new key the first time (of two first
   * openings at the same instant, one fails on the primary key; opened again, it finds the
   * other's).
   */
  private Wallboard of(long accountId) {
    Wallboard board = em.find(Wallboard.class, accountId);
    if (board == null) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      board = new Wallboard(accountId, key);
      em.persist(board);
    }
    return board;
  }
}
