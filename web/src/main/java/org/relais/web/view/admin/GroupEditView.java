package org.relais.web.view.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.relais.NoSuchEntityException;
import org.relais.agent.Role;
import org.relais.group.GroupDraft;
import org.relais.group.GroupRules;
import org.relais.group.GroupService;
import org.relais.group.Overflow;
import org.relais.group.QueueGroup;
import org.relais.group.RoutingStrategy;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.FieldErrors;
import org.relais.web.view.Messages;

/**
 * Creates or edits one group (SPEC E2): timers, qualification list, routing, caller IDs and card
 * URL. Without a {@code name} parameter the page creates a group. The form edits a {@link
 * GroupDraft}, the command the API fills too; the lists are typed one entry per line.
 */
@Named
@ViewScoped
public class GroupEditView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient GroupService groups;

  private String original;
  private boolean creating;
  private GroupDraft draft = GroupDraft.newGroup();
  private int serviceLevelSeconds = GroupRules.DEFAULT.serviceLevelSeconds();
  private String openingHours = "";
  private String holidays = "";
  private boolean callbackWhenClosed;
  private int maxWait;
  private int maxQueueLength;
  private boolean overflowWhenNoAgent;
  private String overflowGroup;

  /** Called once the view parameter is set: loads the group, or the defaults of a new one. */
  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    var account = caller.requireRole(Role.ADMIN);
    creating = original == null || original.isBlank();
    if (!creating) {
      try {
        QueueGroup group = groups.get(account, original);
        draft = GroupDraft.of(group);
        serviceLevelSeconds = group.rules().serviceLevelSeconds();
        openingHours = group.rules().openingHours();
        holidays = group.rules().holidays();
        callbackWhenClosed = group.rules().callbackWhenClosed();
        Overflow overflow = group.overflow();
        maxWait = overflow.maxWait();
        maxQueueLength = overflow.maxQueueLength();
        overflowWhenNoAgent = overflow.whenNoAgent();
        overflowGroup = overflow.toGroup();
      } catch (NoSuchEntityException e) {
        FieldErrors.notFound();
      }
    }
  }

  public String save() {
    var account = caller.requireRole(Role.ADMIN);
    boolean saved =
        FieldErrors.save(
            "form",
            () -> {
              GroupRules rules =
                  new GroupRules(serviceLevelSeconds, openingHours, holidays, callbackWhenClosed);
              Overflow overflow =
                  new Overflow(maxWait, maxQueueLength, overflowWhenNoAgent, overflowGroup);
              QueueGroup group =
                  creating
                      ? groups.create(account, draft.getName(), draft.settings())
                      : groups.update(account, original, draft.getName(), draft.settings());
              groups.changeRules(account, group.getName(), rules);
              groups.changeOverflow(account, group.getName(), overflow);
            });
    if (!saved) {
      return null;
    }
    Messages.infoAfterRedirect("saved");
    return "/admin/groups?faces-redirect=true";
  }

  public String delete() {
    var account = caller.requireRole(Role.ADMIN);
    if (!FieldErrors.save("form", () -> groups.delete(account, original))) {
      return null;
    }
    Messages.infoAfterRedirect("deleted");
    return "/admin/groups?faces-redirect=true";
  }

  public List<RoutingStrategy> getStrategies() {
    return List.of(RoutingStrategy.values());
  }

  public GroupDraft getDraft() {
    return draft;
  }

  public int getServiceLevelSeconds() {
    return serviceLevelSeconds;
  }

  public void setServiceLevelSeconds(int serviceLevelSeconds) {
    this.serviceLevelSeconds = serviceLevelSeconds;
  }

  public String getOpeningHours() {
    return openingHours;
  }

  public void setOpeningHours(String openingHours) {
    this.openingHours = openingHours;
  }

  public String getHolidays() {
    return holidays;
  }

  public void setHolidays(String holidays) {
    this.holidays = holidays;
  }

  public boolean isCallbackWhenClosed() {
    return callbackWhenClosed;
  }

  public void setCallbackWhenClosed(boolean callbackWhenClosed) {
    this.callbackWhenClosed = callbackWhenClosed;
  }

  public int getMaxWait() {
    return maxWait;
  }

  public void setMaxWait(int maxWait) {
    this.maxWait = maxWait;
  }

  public int getMaxQueueLength() {
    return maxQueueLength;
  }

  public void setMaxQueueLength(int maxQueueLength) {
    this.maxQueueLength = maxQueueLength;
  }

  public boolean isOverflowWhenNoAgent() {
    return overflowWhenNoAgent;
  }

  public void setOverflowWhenNoAgent(boolean overflowWhenNoAgent) {
    this.overflowWhenNoAgent = overflowWhenNoAgent;
  }

  public String getOverflowGroup() {
    return overflowGroup;
  }

  public void setOverflowGroup(String overflowGroup) {
    this.overflowGroup = overflowGroup;
  }

  /** The groups this one may overflow to: the account's others. */
  public List<String> getOverflowGroups() {
    return groups.list(caller.requireRole(Role.ADMIN)).stream()
        .map(QueueGroup::getName)
        .filter(name -> !name.equals(original))
        .toList();
  }

  public String getQualifications() {
    return String.join("\n", draft.getQualifications());
  }

  public void setQualifications(String text) {
    draft.setQualifications(lines(text));
  }

  public String getCallerIds() {
    return String.join("\n", draft.getCallerIds());
  }

  public void setCallerIds(String text) {
    draft.setCallerIds(lines(text));
  }

  /** One entry per non-blank line, trimmed. */
  private static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  public String getOriginal() {
    return original;
  }

  public void setOriginal(String original) {
    this.original = original;
  }

  public boolean isCreating() {
    return creating;
  }
}
