package org.relais.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.relais.agent.Agent;

/**
 * Whether an agent's phone can be rung now (SPEC F2), as the switch's registry says: asked when the
 * agent connects, before the engine's lock is taken, as the registry may be a network away. From
 * then on the switch reports each change ({@link SwitchEvents#phoneRegistration}).
 */
@ApplicationScoped
public class RegisteredPhones {

  private static final Logger LOG = Logger.getLogger(RegisteredPhones.class.getName());

  /** A phone as the switch names it: the agent's extension in its account. */
  public record Phone(String account, String extension) {}

  @Inject PhoneRegistry registry;

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  /** False while the registry does not answer. */
  public boolean isRegistered(Agent agent) {
    try {
      return registry.registration(agent.getAccount().getName(), agent.getExtension()).registered();
    } catch (RegistryUnavailableException e) {
      LOG.warning(
          "the switch's registry does not answer: agent "
              + agent.getLogin()
              + " is connected as if its phone were not registered");
      return false;
    }
  }

  /**
   * The phones of the agents connected now: at start, the switch says again what stands of each, as
   * registrations may have come and gone while Relais was down.
   */
  public List<Phone> ofConnectedAgents() {
    return em
        .createQuery(
            "SELECT a.name, g.extension FROM AgentPresence p JOIN p.agent g JOIN g.account a"
                + " WHERE g.extension IS NOT NULL",
            Object[].class)
        .getResultList()
        .stream()
        .map(row -> new Phone((String) row[0], (String) row[1]))
        .toList();
  }
}
