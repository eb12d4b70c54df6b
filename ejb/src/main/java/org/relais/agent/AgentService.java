package org.relais.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.relais.DuplicateException;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.access.AgentCredentialsChanged;
import org.relais.access.AgentPrincipal;
import org.relais.access.PasswordHasher;
import org.relais.account.Account;
import org.relais.group.GroupService;
import org.relais.telephony.PhoneCredential;
import org.relais.telephony.PhoneCredentialChanged;

/**
 * An admin's management of the account's agents (SPEC E1). Every method is scoped to one account.
 */
@ApplicationScoped
@Transactional
public class AgentService {

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject GroupService groups;
  @Inject Event<AgentCredentialsChanged> credentialsChanged;
  @Inject Event<PhoneCredentialChanged> phoneCredentialChanged;

  public List<Agent> list(Account account) {
    return em.createQuery(
            "SELECT a FROM Agent a WHERE a.account.id = :account ORDER BY a.login", Agent.class)
        .setParameter("account", account.getId())
        .getResultList();
  }

  public Optional<Agent> find(Account account, String login) {
    return em.createQuery(
            "SELECT a FROM Agent a WHERE a.account.id = :account AND a.login = :login", Agent.class)
        .setParameter("account", account.getId())
        .setParameter("login", login)
        .getResultStream()
        .findFirst();
  }

  /** The agent signing in as {@code login@accountName}: one query, for every API request. */
  public Optional<Agent> signingIn(String accountName, String login) {
    return em.createQuery(
            "SELECT a FROM Agent a WHERE a.account.name = :account AND a.login = :login",
            Agent.class)
        .setParameter("account", accountName)
        .setParameter("login", login)
        .getResultStream()
        .findFirst();
  }

  public Agent get(Account account, String login) {
    return find(account, login).orElseThrow(() -> new NoSuchEntityException("agent"));
  }

  public Agent create(Account account, String login, AgentDraft draft) {
    if (find(account, login).isPresent()) {
      throw new DuplicateException("login", login);
    }
    if (draft.password() == null) {
      throw new InvalidFieldException("password", "given for a new agent");
    }
    Agent agent =
        new Agent(
            em.getReference(Account.class, account.getId()),
            login,
            draft.name(),
            hasher.hash(draft.password()),
            draft.role());
    apply(account, agent, draft);
    em.persist(agent);
    phoneChanged(PhoneCredential.none(account.getName()), agent.phoneCredential());
    return agent;
  }

  public Agent update(Account account, String login, AgentDraft draft) {
    Agent agent = get(account, login);
    PhoneCredential phoneBefore = agent.phoneCredential();
    Role roleBefore = agent.getRole();
    boolean enabledBefore = agent.isEnabled();
    agent.rename(draft.name());
    agent.changeRole(draft.role());
    if (draft.password() != null) {
      agent.changePasswordHash(hasher.hash(draft.password()));
    }
    apply(account, agent, draft);
    if (draft.password() != null
        || agent.getRole() != roleBefore
        || agent.isEnabled() != enabledBefore) {
      credentialsChanged.fire(credentialsOf(account, agent));
    }
    phoneChanged(phoneBefore, agent.phoneCredential());
    return agent;
  }

  /**
   * The agent's own settings from the banner's wrench dialog (SPEC D1-D7); the extension changes
   * only where the admin allowed it.
   */
  /** The agent's own choice of a folded banner module, kept for its next banner anywhere. */
  public void collapseModule(
      Account account, String login, BannerModule module, boolean collapsed) {
    get(account, login).collapseModule(module, collapsed);
  }

  public Agent saveOwnSettings(
      Account account, String login, AgentSettings settings, String extension) {
    Agent agent = get(account, login);
    agent.saveSettings(settings);
    String wanted = stripped(extension);
    if (agent.isExtensionEditable() && !Objects.equals(wanted, agent.getExtension())) {
      Optional<Agent> holder = holderOf(account, agent, wanted);
      if (holder.isPresent()) {
        takeWorkstationFrom(holder.get(), wanted);
      }
      PhoneCredential phoneBefore = agent.phoneCredential();
      agent.changeOwnExtension(wanted);
      phoneChanged(phoneBefore, agent.phoneCredential());
    }
    return agent;
  }

  /**
   * Free seating (SPEC D2): the phone of a workstation passes to whoever logs in there, from an
   * agent who chose it too and is not connected. A phone the admin gave an agent, or one whose
   * agent is at work, stays with it.
   */
  private void takeWorkstationFrom(Agent holder, String extension) {
    boolean connected =
        em.createQuery("SELECT COUNT(p) FROM AgentPresence p WHERE p.agentId = :id", Long.class)
                .setParameter("id", holder.getId())
                .getSingleResult()
            > 0;
    if (!holder.isExtensionEditable() || connected) {
      throw new DuplicateException("extension", extension);
    }
    PhoneCredential phoneBefore = holder.phoneCredential();
    holder.changeOwnExtension(null);
    phoneChanged(phoneBefore, holder.phoneCredential());
    // Written before the new holder's, or the unique constraint sees the number twice.
    em.flush();
  }

  /** Another agent of the account whose phone is {@code extension}: one phone rings one agent. */
  private Optional<Agent> holderOf(Account account, Agent agent, String extension) {
    if (extension == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT a FROM Agent a WHERE a.account.id = :account AND a.extension = :extension",
            Agent.class)
        .setParameter("account", account.getId())
        .setParameter("extension", extension)
        .getResultStream()
        .filter(other -> !other.equals(agent))
        .findFirst();
  }

  private static AgentCredentialsChanged credentialsOf(Account account, Agent agent) {
    return new AgentCredentialsChanged(
        new AgentPrincipal(agent.getLogin(), account.getName()).name());
  }

  private static String stripped(String extension) {
    return extension == null || extension.isBlank() ? null : extension.strip();
  }

  public void delete(Account account, String login) {
    Agent agent = get(account, login);
    PhoneCredential phoneBefore = agent.phoneCredential();
    em.remove(agent);
    credentialsChanged.fire(credentialsOf(account, agent));
    phoneChanged(phoneBefore, PhoneCredential.none(account.getName()));
  }

  /** Tells the SIP edge, once committed, what the agent's phone now registers with. */
  private void phoneChanged(PhoneCredential before, PhoneCredential after) {
    PhoneCredentialChanged change = new PhoneCredentialChanged(before, after);
    if (!change.entries().isEmpty()) {
      phoneCredentialChanged.fire(change);
    }
  }

  private void apply(Account account, Agent agent, AgentDraft draft) {
    String extension = stripped(draft.extension());
    if (holderOf(account, agent, extension).isPresent()) {
      throw new DuplicateException("extension", extension);
    }
    agent.assignExtension(draft.extension(), draft.extensionEditable());
    if (draft.sipPassword() != null) {
      agent.changeSipPassword(draft.sipPassword());
    }
    if (draft.enabled()) {
      agent.enable();
    } else {
      agent.disable();
    }
    agent.allowPublicContacts(draft.publicContactsEditable());
    agent.enableModules(draft.modules());
    agent.assignGroups(draft.groups(), name -> groups.named(account, name, "groups"));
  }
}
