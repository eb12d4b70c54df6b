package org.relais.agent;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.relais.InvalidFieldException;
import org.relais.NotPermittedException;
import org.relais.account.Account;
import org.relais.group.QueueGroup;
import org.relais.telephony.PhoneCredential;

/**
 * A person of an account who logs in: an agent on the banner, a supervisor, or an admin of the
 * console. The aggregate holds the agent's identity, role, extension, banner profile and settings,
 * and the group memberships. The password is only ever held as a hash.
 */
@Entity
@Table(name = "agent")
public class Agent {

  public static final String LOGIN_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  public static final String EXTENSION_PATTERN = "\\+?[0-9]{2,20}";
  public static final int SHORTEST_SIP_PASSWORD = 8;
  public static final int LONGEST_SIP_PASSWORD = 64;

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @Column(nullable = false, length = 64, updatable = false)
  private String login;

  @Column(nullable = false, length = 128)
  private String name;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(length = 32)
  private String extension;

  /**
   * The digest HA1 of the phone's SIP password ({@link PhoneCredential}), never the password: made
   * for the extension it was given with, so it goes when the extension changes.
   */
  @Column(name = "sip_ha1", length = 32)
  private String sipHa1;

  @Column(name = "extension_editable", nullable = false)
  private boolean extensionEditable;

  /** Whether the profile lets the agent write the account's public contacts (SPEC B10). */
  @Column(name = "public_contacts_editable", nullable = false)
  private boolean publicContactsEditable;

  @Column(nullable = false)
  private boolean enabled;

  @Convert(converter = BannerModulesConverter.class)
  @Column(nullable = false, length = 512)
  private Set<BannerModule> modules;

  /**
   * The banner modules the agent folded away: a choice of its own, kept with the agent so that it
   * follows the agent from one workstation to the next.
   */
  @Convert(converter = BannerModulesConverter.class)
  @Column(name = "collapsed_modules", nullable = false, length = 512)
  private Set<BannerModule> collapsedModules = EnumSet.noneOf(BannerModule.class);

  @Embedded private AgentSettings settings;

  @OneToMany(mappedBy = "agent", cascade = CascadeType.ALL, orphanRemoval = true)
  private List<Membership> memberships = new ArrayList<>();

  @Version private long version;

  protected Agent() {}

  public Agent(Account account, String login, String name, String passwordHash, Role role) {
    this.account = Objects.requireNonNull(account);
    if (login == null || !login.matches(LOGIN_PATTERN)) {
      throw new InvalidFieldException("login", "1 to 64 letters, digits, '.', '-' or '_'");
    }
    this.login = login;
    rename(name);
    changePasswordHash(passwordHash);
    changeRole(role);
    this.enabled = true;
    this.modules = EnumSet.allOf(BannerModule.class);
    this.settings = AgentSettings.defaults();
  }

  public void rename(String newName) {
    if (newName == null || newName.isBlank() || newName.length() > 128) {
      throw new InvalidFieldException("name", "1 to 128 characters");
    }
    this.name = newName.strip();
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
  }

  public void changeRole(Role newRole) {
    if (newRole == null) {
      throw new InvalidFieldException("role", "agent, supervisor or admin");
    }
    this.role = newRole;
  }

  /** Set by the admin, who also decides whether the agent may change it (SPEC D1). */
  public void assignExtension(String newExtension, boolean editableByAgent) {
    moveToExtension(checkedExtension(newExtension));
    this.extensionEditable = editableByAgent;
  }

  /**
   * The password the agent's phone registers with (digest user: the extension, realm: the account).
   * Only its HA1 is kept, which holds the extension: set the extension first.
   */
  public void changeSipPassword(String password) {
    if (password == null
        || password.length() < SHORTEST_SIP_PASSWORD
        || password.length() > LONGEST_SIP_PASSWORD) {
      throw new InvalidFieldException(
          "sipPassword", SHORTEST_SIP_PASSWORD + " to " + LONGEST_SIP_PASSWORD + " characters");
    }
    if (extension == null) {
      throw new InvalidFieldException("sipPassword", "given to an agent with an extension");
    }
    this.sipHa1 = PhoneCredential.ha1(extension, account.getName(), password);
  }

  /** The admin lets the agent add, change and delete public contacts, or not (SPEC B10). */
  public void allowPublicContacts(boolean allowed) {
    this.publicContactsEditable = allowed;
  }

  /** The agent's own change from the settings dialog, allowed only where the admin said so. */
  public void changeOwnExtension(String newExtension) {
    if (!extensionEditable) {
      throw new IllegalStateException("the extension of this agent is set by the admin");
    }
    moveToExtension(checkedExtension(newExtension));
  }

  /** A SIP password was given for the old extension's phone: the new one needs its own. */
  private void moveToExtension(String newExtension) {
    if (!Objects.equals(newExtension, extension)) {
      this.sipHa1 = null;
    }
    this.extension = newExtension;
  }

  private static String checkedExtension(String extension) {
    if (extension == null || extension.isBlank()) {
      return null;
    }
    if (!extension.strip().matches(EXTENSION_PATTERN)) {
      throw new InvalidFieldException("extension", "a phone number, digits only");
    }
    return extension.strip();
  }

  public void enable() {
    this.enabled = true;
  }

  public void disable() {
    this.enabled = false;
  }

  public void enableModules(Collection<BannerModule> enabledModules) {
    this.modules =
        enabledModules.isEmpty()
            ? EnumSet.noneOf(BannerModule.class)
            : EnumSet.copyOf(enabledModules);
  }

  /** The agent folds a banner module away, or opens it again. */
  public void collapseModule(BannerModule module, boolean collapsed) {
    Objects.requireNonNull(module);
    // A new set, not the same one changed: the persistence provider sees a converted column
    // change only when the attribute holds another value.
    EnumSet<BannerModule> changed = EnumSet.noneOf(BannerModule.class);
    changed.addAll(collapsedModules);
    if (collapsed) {
      changed.add(module);
    } else {
      changed.remove(module);
    }
    collapsedModules = changed;
  }

  public boolean isCollapsed(BannerModule module) {
    return collapsedModules.contains(module);
  }

  public void saveSettings(AgentSettings newSettings) {
    this.settings = Objects.requireNonNull(newSettings);
  }

  /**
   * Replaces the agent's memberships with the given ones: kept groups keep their row, removed
   * groups lose it, new ones get one. {@code groupNamed} finds the account's group of a name.
   */
  public void assignGroups(
      Collection<GroupAssignment> assignments, Function<String, QueueGroup> groupNamed) {
    Map<String, GroupAssignment> wanted =
        assignments.stream()
            .collect(
                Collectors.toMap(
                    GroupAssignment::name,
                    Function.identity(),
                    (a, b) -> {
                      throw new InvalidFieldException("groups", "each group only once");
                    }));
    // Every name found before any row changes: an unknown group leaves the memberships as they are.
    Map<GroupAssignment, QueueGroup> groups = new LinkedHashMap<>();
    wanted.values().forEach(a -> groups.put(a, groupNamed.apply(a.name())));
    memberships.removeIf(m -> !wanted.containsKey(m.getGroup().getName()));
    for (GroupAssignment a : wanted.values()) {
      QueueGroup group = groups.get(a);
      Optional<Membership> existing = membershipIn(group);
      if (existing.isPresent()) {
        existing.get().update(a.inbound(), a.outbound(), a.level());
      } else {
        memberships.add(new Membership(this, group, a.inbound(), a.outbound(), a.level()));
      }
    }
  }

  public Optional<Membership> membershipIn(QueueGroup group) {
    return memberships.stream().filter(m -> m.getGroup().equals(group)).findFirst();
  }

  public boolean hasModule(BannerModule module) {
    return modules.contains(module);
  }

  /**
   * Refuses what a module of the banner does where the agent's profile disables it (SPEC A4): the
   * services call it, so that the banner, the API and any later caller refuse alike.
   *
   * @throws NotPermittedException where the profile lacks the module
   */
  public void requireModule(BannerModule module) {
    if (!hasModule(module)) {
      throw new NotPermittedException("the module " + module + " is not in this agent's profile");
    }
  }

  public Long getId() {
    return id;
  }

  public Account getAccount() {
    return account;
  }

  public String getLogin() {
    return login;
  }

  public String getName() {
    return name;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public String getExtension() {
    return extension;
  }

  /** What the agent's phone registers with at the SIP edge. */
  public PhoneCredential phoneCredential() {
    return new PhoneCredential(account.getName(), extension, sipHa1);
  }

  public boolean isExtensionEditable() {
    return extensionEditable;
  }

  public boolean isPublicContactsEditable() {
    return publicContactsEditable;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Set<BannerModule> getModules() {
    return EnumSet.copyOf(modules);
  }

  public AgentSettings getSettings() {
    return settings;
  }

  public List<Membership> getMemberships() {
    return List.copyOf(memberships);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Agent other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
