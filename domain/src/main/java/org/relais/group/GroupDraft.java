package org.relais.group;

import java.io.Serializable;
import java.util.List;

/**
 * An admin's command for one group (SPEC E2), shared by the console's form and the API: it starts
 * from a new group's defaults ({@link #newGroup()}) or from a group's current values ({@link
 * #of(QueueGroup)}), takes changes field by field, and becomes one checked {@link GroupSettings} in
 * {@link #settings()}. It is mutable on purpose: a form binds to its properties, and a {@code PUT}
 * changes only the fields it gives, so neither writes the settings out argument by argument.
 */
public class GroupDraft implements Serializable {

  private String name;
  private int ringTimeout;
  private int penalty;
  private int wrapUp;
  private boolean qualificationRequired;
  private int autoQualify;
  private String autoQualifyCode;
  private RoutingStrategy strategy;
  private int priority;
  private List<String> qualifications;
  private List<String> callerIds;
  private boolean callerIdSelectable;
  private String cardUrl;

  private GroupDraft(String name, GroupSettings s) {
    this.name = name;
    ringTimeout = s.ringTimeout();
    penalty = s.penalty();
    wrapUp = s.wrapUp();
    qualificationRequired = s.qualificationRequired();
    autoQualify = s.autoQualify();
    autoQualifyCode = s.autoQualifyCode();
    strategy = s.strategy();
    priority = s.priority();
    qualifications = s.qualifications();
    callerIds = s.callerIds();
    callerIdSelectable = s.callerIdSelectable();
    cardUrl = s.cardUrl();
  }

  /** A new group, unnamed yet, with the manual's defaults. */
  public static GroupDraft newGroup() {
    return new GroupDraft(null, GroupSettings.defaults());
  }

  /** The group as it is now. */
  public static GroupDraft of(QueueGroup group) {
    return new GroupDraft(group.getName(), group.settings());
  }

  /**
   * The settings this draft asks for, checked as one value.
   *
   * @throws org.relais.InvalidFieldException naming the first field the settings refuse
   */
  public GroupSettings settings() {
    return new GroupSettings(
        ringTimeout,
        penalty,
        wrapUp,
        qualificationRequired,
        autoQualify,
        autoQualifyCode,
        strategy,
        priority,
        qualifications,
        callerIds,
        callerIdSelectable,
        cardUrl);
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

  public RoutingStrategy getStrategy() {
    return strategy;
  }

  public void setStrategy(RoutingStrategy strategy) {
    this.strategy = strategy;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public List<String> getQualifications() {
    return qualifications;
  }

  public void setQualifications(List<String> qualifications) {
    this.qualifications = qualifications;
  }

  public List<String> getCallerIds() {
    return callerIds;
  }

  public void setCallerIds(List<String> callerIds) {
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
