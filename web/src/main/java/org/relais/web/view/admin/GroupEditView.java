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
import org.relais.group.GroupService;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;
import org.relais.group.RoutingStrategy;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.FieldErrors;
import org.relais.web.view.Messages;

/**
 * Creates or edits one group (SPEC E2): timers, qualification list, routing, caller IDs and card
 * URL. Without a {@code name} parameter the page creates a group.
 */
@Named
@ViewScoped
public class GroupEditView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient GroupService groups;

  private String original;
  private boolean creating;
  private String name;
  private int ringTimeout;
  private int penalty;
  private int wrapUp;
  private boolean qualificationRequired;
  private int autoQualify;
  private String autoQualifyCode;
  private String qualifications = "";
  private String strategy;
  private int priority;
  private String callerIds = "";
  private boolean callerIdSelectable;
  private String cardUrl;

  /** Called once the view parameter is set: loads the group, or the defaults of a new one. */
  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    var account = caller.requireRole(Role.ADMIN);
    creating = original == null || original.isBlank();
    GroupSettings s = GroupSettings.defaults();
    if (!creating) {
      try {
        QueueGroup group = groups.get(account, original);
        name = group.getName();
        s = group.settings();
      } catch (NoSuchEntityException e) {
        FieldErrors.notFound();
        return;
      }
    }
    ringTimeout = s.ringTimeout();
    penalty = s.penalty();
    wrapUp = s.wrapUp();
    qualificationRequired = s.qualificationRequired();
    autoQualify = s.autoQualify();
    autoQualifyCode = s.autoQualifyCode();
    qualifications = String.join("\n", s.qualifications());
    strategy = s.strategy().name();
    priority = s.priority();
    callerIds = String.join("\n", s.callerIds());
    callerIdSelectable = s.callerIdSelectable();
    cardUrl = s.cardUrl();
  }

  public String save() {
    var account = caller.requireRole(Role.ADMIN);
    boolean saved =
        FieldErrors.save(
            "form",
            () -> {
              GroupSettings settings =
                  new GroupSettings(
                      ringTimeout,
                      penalty,
                      wrapUp,
                      qualificationRequired,
                      autoQualify,
                      autoQualifyCode,
                      RoutingStrategy.valueOf(strategy),
                      priority,
                      lines(qualifications),
                      lines(callerIds),
                      callerIdSelectable,
                      cardUrl);
              if (creating) {
                groups.create(account, name, settings);
              } else {
                groups.update(account, original, name, settings);
              }
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

  /** One entry per non-blank line, trimmed. */
  private static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  public List<String> getStrategies() {
    return Arrays.stream(RoutingStrategy.values()).map(Enum::name).toList();
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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getRingTimeout() {
    return ringTimeout;
  }

  public void setRingTimeout(int ringTimeout) {
    this.ringTimeout = ringTimeout;
  }

  public int getPenalty() {
    return penalty;
  }

  public void setPenalty(int penalty) {
    this.penalty = penalty;
  }

  public int getWrapUp() {
    return wrapUp;
  }

  public void setWrapUp(int wrapUp) {
    this.wrapUp = wrapUp;
  }

  public boolean isQualificationRequired() {
    return qualificationRequired;
  }

  public void setQualificationRequired(boolean qualificationRequired) {
    this.qualificationRequired = qualificationRequired;
  }

  public int getAutoQualify() {
    return autoQualify;
  }

  public void setAutoQualify(int autoQualify) {
    this.autoQualify = autoQualify;
  }

  public String getAutoQualifyCode() {
    return autoQualifyCode;
  }

  public void setAutoQualifyCode(String autoQualifyCode) {
    this.autoQualifyCode = autoQualifyCode;
  }

  public String getQualifications() {
    return qualifications;
  }

  public void setQualifications(String qualifications) {
    this.qualifications = qualifications;
  }

  public String getStrategy() {
    return strategy;
  }

  public void setStrategy(String strategy) {
    this.strategy = strategy;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public String getCallerIds() {
    return callerIds;
  }

  public void setCallerIds(String callerIds) {
    this.callerIds = callerIds;
  }

  public boolean isCallerIdSelectable() {
    return callerIdSelectable;
  }

  public void setCallerIdSelectable(boolean callerIdSelectable) {
    this.callerIdSelectable = callerIdSelectable;
  }

  public String getCardUrl() {
    return cardUrl;
  }

  public void setCardUrl(String cardUrl) {
    this.cardUrl = cardUrl;
  }
}
