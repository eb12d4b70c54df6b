package org.relais.web.view.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relais.agent.Agent;
import org.relais.agent.AgentDraft;
import org.relais.agent.AgentService;
import org.relais.agent.BannerModule;
import org.relais.agent.GroupAssignment;
import org.relais.agent.Role;
import org.relais.group.GroupService;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.FieldErrors;
import org.relais.web.view.Messages;

/**
 * Creates or edits one agent (SPEC E1): identity, role, extension, password and SIP password
 * resets, banner profile and groups. Without a {@code login} parameter the page creates an agent.
 */
@Named
@ViewScoped
public class AgentEditView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;
  @Inject transient GroupService groups;

  private String login;
  private boolean creating;
  private String name;
  private String password;
  private String sipPassword;
  private String role;
  private String extension;
  private boolean extensionEditable;
  private boolean publicContactsEditable;
  private boolean enabled;
  private List<String> modules;
  private List<GroupRow> groupRows = new ArrayList<>();

  /**
   * One group of the account in the form, and the agent's place in it where {@code member} is
   * ticked; a group the agent is not in offers the API's defaults (inbound, level 5).
   */
  public static class GroupRow implements Serializable {
    private final String group;
    private boolean member;
    private boolean inbound = true;
    private boolean outbound;
    private int level = 5;

    GroupRow(String group) {
      this.group = group;
    }

    GroupRow(GroupAssignment assignment) {
      this(assignment.name());
      member = true;
      inbound = assignment.inbound();
      outbound = assignment.outbound();
      level = assignment.level();
    }

    GroupAssignment assignment() {
      return new GroupAssignment(group, inbound, outbound, level);
    }

    public String getGroup() {
      return group;
    }

    public boolean isMember() {
      return member;
    }

    public void setMember(boolean member) {
      this.member = member;
    }

    public boolean isInbound() {
      return inbound;
    }

    public void setInbound(boolean inbound) {
      this.inbound = inbound;
    }

    public boolean isOutbound() {
      return outbound;
    }

    public void setOutbound(boolean outbound) {
      this.outbound = outbound;
    }

    public int getLevel() {
      return level;
    }

    public void setLevel(int level) {
      this.level = level;
    }
  }

  /** Called once the view parameter is set: loads the agent, or prepares a new one. */
  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    var account = caller.requireRole(Role.ADMIN);
    creating = login == null || login.isBlank();
    AgentDraft draft;
    if (creating) {
      draft = AgentDraft.newAgent(null);
    } else {
      Optional<Agent> found = agents.find(account, login);
      if (found.isEmpty()) {
        FieldErrors.notFound();
        return;
      }
      draft = AgentDraft.of(found.get());
    }
    name = draft.name();
    role = draft.role().securityName();
    extension = draft.extension();
    extensionEditable = draft.extensionEditable();
    publicContactsEditable = draft.publicContactsEditable();
    enabled = draft.enabled();
    modules = draft.modules().stream().map(Enum::name).toList();
    Map<String, GroupAssignment> assigned =
        draft.groups().stream().collect(Collectors.toMap(GroupAssignment::name, a -> a));
    groupRows =
        new ArrayList<>(
            groups.list(account).stream()
                .map(g -> g.getName())
                .map(g -> assigned.containsKey(g) ? new GroupRow(assigned.get(g)) : new GroupRow(g))
                .toList());
  }

  public String save() throws IOException {
    var account = caller.requireRole(Role.ADMIN);
    AgentDraft draft =
        new AgentDraft(
            name,
            password == null || password.isEmpty() ? null : password,
            sipPassword == null || sipPassword.isEmpty() ? null : sipPassword,
            Role.fromSecurityName(role),
            extension,
            extensionEditable,
            enabled,
            publicContactsEditable,
            modules.isEmpty()
                ? EnumSet.noneOf(BannerModule.class)
                : EnumSet.copyOf(modules.stream().map(BannerModule::valueOf).toList()),
            groupRows.stream().filter(GroupRow::isMember).map(GroupRow::assignment).toList());
    boolean saved =
        FieldErrors.save(
            "form",
            () -> {
              if (creating) {
                agents.create(account, login, draft);
              } else {
                agents.update(account, login, draft);
              }
            });
    if (!saved) {
      return null;
    }
    Messages.infoAfterRedirect("saved");
    return "/admin/agents?faces-redirect=true";
  }

  public String delete() {
    var account = caller.requireRole(Role.ADMIN);
    if (!FieldErrors.save("form", () -> agents.delete(account, login))) {
      return null;
    }
    Messages.infoAfterRedirect("deleted");
    return "/admin/agents?faces-redirect=true";
  }

  public List<String> getRoles() {
    return Arrays.stream(Role.values()).map(Role::securityName).toList();
  }

  public List<String> getAllModules() {
    return Arrays.stream(BannerModule.values()).map(Enum::name).toList();
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  public boolean isCreating() {
    return creating;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getSipPassword() {
    return sipPassword;
  }

  public void setSipPassword(String sipPassword) {
    this.sipPassword = sipPassword;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getExtension() {
    return extension;
  }

  public void setExtension(String extension) {
    this.extension = extension;
  }

  public boolean isExtensionEditable() {
    return extensionEditable;
  }

  public void setExtensionEditable(boolean extensionEditable) {
    this.extensionEditable = extensionEditable;
  }

  public boolean isPublicContactsEditable() {
    return publicContactsEditable;
  }

  public void setPublicContactsEditable(boolean publicContactsEditable) {
    this.publicContactsEditable = publicContactsEditable;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getModules() {
    return modules;
  }

  public void setModules(List<String> modules) {
    this.modules = modules;
  }

  public List<GroupRow> getGroupRows() {
    return groupRows;
  }
}
