package org.relais.web.view.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.relais.NoSuchEntityException;
import org.relais.agent.Role;
import org.relais.dialer.AttemptOutcome;
import org.relais.dialer.CallingHours;
import org.relais.dialer.CallingWindow;
import org.relais.dialer.Campaign;
import org.relais.dialer.CampaignDraft;
import org.relais.dialer.Campaigns;
import org.relais.dialer.DialMode;
import org.relais.dialer.RecycleRule;
import org.relais.dialer.Recycling;
import org.relais.group.GroupService;
import org.relais.group.QueueGroup;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.FieldErrors;
import org.relais.web.view.Messages;

/**
 * One campaign's settings (SPEC B11, E4): its name, group, mode, caller ID, recycling per cause,
 * calling windows, limits, predictive pace and refusals; start, stop, delete. The form fills a
 * {@link CampaignDraft}, the command the API fills too, so the domain's refusals show beside their
 * field; settings beyond the French legal defaults are saved, with a warning.
 */
@Named
@ViewScoped
public class CampaignEditView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient Campaigns campaigns;
  @Inject transient GroupService groups;

  private String original;
  private String name;
  private String group;
  private DialMode mode;
  private String callerId;
  private List<RuleRow> recycling = List.of();
  private List<WindowRow> windows = new ArrayList<>();
  private int maxAttempts30Days;
  private double maxAbandonRatePercent;
  private double dialLevel;
  private double storedDialLevel;
  private List<String> refusals = new ArrayList<>();
  private boolean active;
  private List<String> beyondLegalDefaults = List.of();

  /** The recycling rule of one cause, as its row of the form edits it. */
  public static class RuleRow implements Serializable {
    private final AttemptOutcome cause;
    private int afterMinutes;
    private int maxAttempts;

    RuleRow(AttemptOutcome cause, RecycleRule rule) {
      this.cause = cause;
      this.afterMinutes = rule.afterMinutes();
      this.maxAttempts = rule.maxAttempts();
    }

    public AttemptOutcome getCause() {
      return cause;
    }

    public int getAfterMinutes() {
      return afterMinutes;
    }

    public void setAfterMinutes(int afterMinutes) {
      this.afterMinutes = afterMinutes;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }
  }

  /** A calling window as typed: days as the API writes them ({@code MON-FRI}), times HH:MM. */
  public static class WindowRow implements Serializable {
    private String days;
    private String from;
    private String to;

    WindowRow(String days, String from, String to) {
      this.days = days;
      this.from = from;
      this.to = to;
    }

    public String getDays() {
      return days;
    }

    public void setDays(String days) {
      this.days = days;
    }

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from;
    }

    public String getTo() {
      return to;
    }

    public void setTo(String to) {
      this.to = to;
    }
  }

  /** Called once the view parameter is set: loads the campaign, or answers 404. */
  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    try {
      Campaign campaign = campaigns.get(caller.requireRole(Role.ADMIN), original);
      CampaignDraft draft = campaign.draft();
      name = campaign.getName();
      group = draft.group().getName();
      mode = draft.mode();
      callerId = draft.callerId();
      recycling =
          draft.recycling().rules().entrySet().stream()
              .map(e -> new RuleRow(e.getKey(), e.getValue()))
              .toList();
      windows =
          new ArrayList<>(
              draft.callingHours().windows().stream()
                  .map(w -> new WindowRow(w.daysText(), w.from().toString(), w.to().toString()))
                  .toList());
      maxAttempts30Days = draft.maxAttempts30Days();
      // A percent as typed, without the binary fraction's tail (0.03 * 100 = 3.0000000000000004).
      maxAbandonRatePercent = Math.round(draft.maxAbandonRate() * 1000) / 10.0;
      dialLevel = campaign.getDialLevel();
      storedDialLevel = dialLevel;
      refusals = new ArrayList<>(campaign.getRefusals());
      active = draft.active();
      beyondLegalDefaults = draft.beyondLegalDefaults();
    } catch (NoSuchEntityException e) {
      FieldErrors.notFound();
    }
  }

  /** Saves every setting at once, then shows the campaign again with its warnings. */
  public String save() {
    var account = caller.requireRole(Role.ADMIN);
    boolean saved =
        FieldErrors.save(
            "form",
            () -> {
              CampaignDraft draft =
                  new CampaignDraft(
                      groups.named(account, group, "group"),
                      mode,
                      callerId,
                      recycling(),
                      callingHours(),
                      maxAttempts30Days,
                      maxAbandonRatePercent / 100,
                      active);
              // The dialler adapts the level on its own: only a level the admin typed is set.
              Double level =
                  mode == DialMode.PREDICTIVE && dialLevel != storedDialLevel ? dialLevel : null;
              original =
                  campaigns.update(account, original, name, draft, level, refusals).getName();
            });
    return saved ? reopen("saved") : null;
  }

  /** Starts a paused campaign, stops a running one; the form's unsaved changes are left out. */
  public String toggle() {
    var account = caller.requireRole(Role.ADMIN);
    CampaignDraft draft = campaigns.get(account, original).draft();
    campaigns.update(account, original, null, draft.withActive(!draft.active()), null, null);
    return reopen(draft.active() ? "campaign.stopped" : "campaign.started");
  }

  public String delete() {
    var account = caller.requireRole(Role.ADMIN);
    if (!FieldErrors.save("form", () -> campaigns.delete(account, original))) {
      return null;
    }
    Messages.infoAfterRedirect("deleted");
    return "/admin/campaigns?faces-redirect=true";
  }

  /** Adds a window to fill in, on weekdays like the legal default's. */
  public void addWindow() {
    windows.add(new WindowRow("MON-FRI", "", ""));
  }

  public void removeWindow(WindowRow window) {
    windows.remove(window);
  }

  /** Keeps only the refusals the newly chosen group still qualifies with. */
  public void groupChanged() {
    refusals = new ArrayList<>(refusals.stream().filter(getQualifications()::contains).toList());
  }

  /** The page again, read from what was stored (its name may have changed), with a message. */
  private String reopen(String message) {
    Messages.infoAfterRedirect(message);
    return "/admin/campaign?faces-redirect=true&includeViewParams=true";
  }

  private Recycling recycling() {
    Map<AttemptOutcome, RecycleRule> rules = new EnumMap<>(AttemptOutcome.class);
    for (RuleRow row : recycling) {
      rules.put(row.cause, new RecycleRule(row.afterMinutes, row.maxAttempts));
    }
    return new Recycling(rules);
  }

  private CallingHours callingHours() {
    return new CallingHours(
        windows.stream().map(w -> CallingWindow.of(w.days, w.from, w.to)).toList());
  }

  public List<String> getGroupNames() {
    return groups.list(caller.requireRole(Role.ADMIN)).stream().map(QueueGroup::getName).toList();
  }

  /** The chosen group's qualifications: those a campaign may take as refusals. */
  public List<String> getQualifications() {
    var account = caller.requireRole(Role.ADMIN);
    return groups.list(account).stream()
        .filter(g -> g.getName().equals(group))
        .findFirst()
        .map(g -> g.settings().qualifications())
        .orElse(List.of());
  }

  public DialMode[] getModes() {
    return DialMode.values();
  }

  public boolean isPredictive() {
    return mode == DialMode.PREDICTIVE;
  }

  public String getOriginal() {
    return original;
  }

  public void setOriginal(String original) {
    this.original = original;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public DialMode getMode() {
    return mode;
  }

  public void setMode(DialMode mode) {
    this.mode = mode;
  }

  public String getCallerId() {
    return callerId;
  }

  public void setCallerId(String callerId) {
    this.callerId = callerId;
  }

  public List<RuleRow> getRecycling() {
    return recycling;
  }

  public List<WindowRow> getWindows() {
    return windows;
  }

  public int getMaxAttempts30Days() {
    return maxAttempts30Days;
  }

  public void setMaxAttempts30Days(int maxAttempts30Days) {
    this.maxAttempts30Days = maxAttempts30Days;
  }

  public double getMaxAbandonRatePercent() {
    return maxAbandonRatePercent;
  }

  public void setMaxAbandonRatePercent(double maxAbandonRatePercent) {
    this.maxAbandonRatePercent = maxAbandonRatePercent;
  }

  public double getDialLevel() {
    return dialLevel;
  }

  public void setDialLevel(double dialLevel) {
    this.dialLevel = dialLevel;
  }

  public List<String> getRefusals() {
    return refusals;
  }

  public void setRefusals(List<String> refusals) {
    this.refusals = refusals;
  }

  public boolean isActive() {
    return active;
  }

  public List<String> getBeyondLegalDefaults() {
    return beyondLegalDefaults;
  }
}
