package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.DuplicateException;
import org.relais.InvalidFieldException;
import org.relais.NotPermittedException;
import org.relais.account.AccountTime;
import org.relais.acd.Acd;
import org.relais.acd.DeskConflictException;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.AgentSettings;
import org.relais.agent.BannerModule;
import org.relais.call.Call;
import org.relais.desk.DeskQueries;
import org.relais.desk.DeskQueries.Figures;
import org.relais.desk.DeskQueries.GroupLine;
import org.relais.desk.DeskQueries.Statistics;
import org.relais.desk.DeskQueries.TeamGroup;
import org.relais.desk.DeskQueries.TeamMember;
import org.relais.presence.Activity;
import org.relais.presence.AgentPresence;
import org.relais.presence.Availability;
import org.relais.telephony.PhoneState;
import org.relais.telephony.Softphone;
import org.relais.web.push.DeskPush;
import org.relais.web.security.CurrentCaller;

/**
 * The agent banner (SPEC B): the state bar and one region per module, in the manual's order, each
 * rendered only where the agent's profile enables it (SPEC A4). Opening the banner connects the
 * agent to the ACD ({@link #connect()}). Every figure is read again from the committed state when
 * the desk channel says something changed ({@link #refresh()}), so the page never shows what was
 * not committed.
 */
@Named
@ViewScoped
public class BannerView implements Serializable {

  /** The workstation cookie of free seating (SPEC D2): the extension of this desk's phone. */
  static final String WORKSTATION_COOKIE = "relais.workstation";

  private static final int TEN_YEARS = 10 * 365 * 24 * 3600;

  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;
  @Inject transient Acd acd;
  @Inject transient DeskQueries desk;

  /** The phone the banner plays, where the switch has one (the simulated switch). */
  @Inject transient Optional<Softphone> softphone;

  @Inject transient Clock clock;
  @Inject transient AccountTime accountTime;

  private long agentId;
  private long accountId;
  private String accountName;
  private String login;
  private String name;
  private List<BannerModule> modules;

  private Availability availability = Availability.DISCONNECTED;
  private Activity activity;
  private OffsetDateTime since;
  private OffsetDateTime deadline;
  private CallLine call;
  private List<String> qualifications = List.of();
  private List<GroupLine> groups = List.of();
  private List<TeamGroup> team = List.of();
  private Statistics statistics;
  private PhoneState phone;
  private boolean showAbsent;
  private SettingsForm settings;

  /**
   * The call in the agent's hands, as the banner shows it; {@code caller} is the customer's number.
   */
  public record CallLine(
      String id,
      String caller,
      String group,
      String ivrPath,
      OffsetDateTime arrivedAt,
      long waited) {}

  @PostConstruct
  void init() {
    Agent agent = agents.get(caller.account(), caller.login());
    agentId = agent.getId();
    accountId = agent.getAccount().getId();
    accountName = agent.getAccount().getName();
    login = agent.getLogin();
    name = agent.getName();
    modules = Arrays.stream(BannerModule.values()).filter(agent::hasModule).toList();
    refresh();
  }

  /**
   * Connects the agent to the ACD, with this workstation's phone (SPEC D2). The page calls it as
   * soon as it is loaded, by a POST that carries the view's state: a plain GET of the banner, which
   * any other site can make a logged-in browser send, changes nothing.
   */
  public void connect() {
    takeWorkstationExtension(agent());
    try {
      acd.connect(agentId);
    } catch (DeskConflictException e) {
      Messages.error(null, "banner.extensionInUse");
    }
    refresh();
  }

  /** Reads the desk again from the committed state. */
  public void refresh() {
    Agent agent = agent();
    Optional<AgentPresence> presence = desk.presence(agent);
    availability = presence.map(AgentPresence::getAvailability).orElse(Availability.DISCONNECTED);
    activity = presence.map(AgentPresence::getActivity).orElse(null);
    since = presence.map(AgentPresence::getStateSince).orElse(null);
    deadline = presence.map(AgentPresence::getDeadline).orElse(null);
    Call current = presence.map(AgentPresence::getCall).orElse(null);
    call =
        current == null
            ? null
            : new CallLine(
                current.getId().toString(),
                current.customerNumber(),
                current.getGroupName(),
                current.getIvrPath(),
                current.getArrivedAt(),
                current.waitSeconds());
    qualifications =
        presence
            .map(AgentPresence::getGroup)
            .map(g -> g.settings().qualifications())
            .orElse(List.of());
    readShared(agent);
    statistics =
        modules.contains(BannerModule.STATISTICS)
            ? desk.statistics(agent, accountTime.today(accountId).from())
            : new Statistics(Figures.NONE, Figures.NONE);
    phone =
        agent.getExtension() == null
            ? null
            : softphone.map(s -> s.state(accountName, agent.getExtension())).orElse(null);
    settings = SettingsForm.of(agent);
  }

  /**
   * Reads again only what other agents' and callers' changes alter: the queues and the team. A
   * banner hears of such changes many times a second on a busy floor, and this costs a fraction of
   * reading the whole desk.
   */
  public void refreshShared() {
    readShared(agent());
  }

  /** Reads the queues and the team where the agent's profile shows them, and only there. */
  private void readShared(Agent agent) {
    groups = modules.contains(BannerModule.GROUPS) ? desk.groups(agent) : List.of();
    team = modules.contains(BannerModule.TEAM) ? desk.team(agent) : List.of();
  }

  // ------------------------------------------------------------------ actions

  public void setAvailable(boolean available) {
    act(() -> acd.changeAvailability(agentId, available));
  }

  public void toggleInbound(GroupLine group) {
    act(() -> acd.toggleGroup(agentId, group.name(), !group.inbound(), group.outbound()));
  }

  public void toggleOutbound(GroupLine group) {
    act(() -> acd.toggleGroup(agentId, group.name(), group.inbound(), !group.outbound()));
  }

  public void qualify(String code) {
    act(() -> acd.qualify(agentId, code));
  }

  public void cancelPenalty() {
    act(() -> acd.cancelPenalty(agentId));
  }

  public void transferred() {
    act(() -> acd.transferred(agentId));
  }

  public void answer() {
    act(() -> softphone.orElseThrow().answer(accountName, extension()));
  }

  public void reject() {
    act(() -> softphone.orElseThrow().reject(accountName, extension()));
  }

  public void hangUp() {
    act(() -> softphone.orElseThrow().hangUp(accountName, extension()));
  }

  /** Leaves the ACD (going unavailable first where the agent asked so), then the web session. */
  public void logout() throws IOException {
    Agent agent = agent();
    try {
      if (agent.getSettings().isUnavailableOnLogout() && availability == Availability.AVAILABLE) {
        acd.changeAvailability(agentId, false);
      }
      acd.disconnect(agentId);
    } catch (DeskConflictException e) {
      Messages.error(null, "banner.logoutDuringCall");
      refresh();
      return;
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }

  public void saveSettings() {
    try {
      agents.saveOwnSettings(
          caller.account(),
          login,
          new AgentSettings(
              settings.maxOpenCards,
              settings.unavailableOnLogout,
              settings.availableOnLogin,
              settings.noLogoutConfirmation,
              settings.qualificationPopup),
          settings.extension);
      bindWorkstation(settings.freeSeating ? settings.extension : null);
      Messages.info("saved");
    } catch (InvalidFieldException e) {
      Messages.error("settingsForm:" + e.getField(), "invalid." + e.getField());
    } catch (DuplicateException e) {
      Messages.error("settingsForm:" + e.getField(), "duplicate." + e.getField());
    }
    refresh();
  }

  private void act(Runnable action) {
    try {
      action.run();
    } catch (DeskConflictException e) {
      Messages.error(null, "banner.conflict");
    } catch (InvalidFieldException e) {
      Messages.error(null, "invalid." + e.getField());
    } catch (NotPermittedException e) {
      Messages.error(null, "banner.moduleOff");
    }
    refresh();
  }

  // ------------------------------------------------------------------ free seating

  /**
   * Free seating (SPEC D2): a workstation bound to a phone gives its extension to whoever logs in
   * there, where the admin lets the agent choose an extension.
   */
  private void takeWorkstationExtension(Agent agent) {
    Cookie cookie =
        (Cookie)
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestCookieMap()
                .get(WORKSTATION_COOKIE);
    if (cookie == null
        || !agent.isExtensionEditable()
        || cookie.getValue().equals(agent.getExtension())) {
      return;
    }
    try {
      agents.saveOwnSettings(caller.account(), login, agent.getSettings(), cookie.getValue());
    } catch (InvalidFieldException | DuplicateException e) {
      bindWorkstation(null);
    }
  }

  private void bindWorkstation(String extension) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.addResponseCookie(
        WORKSTATION_COOKIE,
        extension == null ? "" : extension,
        Map.of(
            "maxAge",
            extension == null ? 0 : TEN_YEARS,
            "path",
            LanguageView.cookiePath(external),
            "httpOnly",
            true));
  }

  // ------------------------------------------------------------------ view state

  public boolean enabled(String module) {
    return modules.contains(BannerModule.valueOf(module));
  }

  /** The user of the desk push channel: the agent, within its account. */
  public String getPushUser() {
    return DeskPush.userOf(accountId, agentId);
  }

  public boolean isConnected() {
    return availability != Availability.DISCONNECTED;
  }

  public boolean isAvailable() {
    return availability == Availability.AVAILABLE;
  }

  public boolean isQualifying() {
    return activity == Activity.QUALIFYING;
  }

  public boolean isInPenalty() {
    return activity == Activity.PENALTY;
  }

  public boolean isTalking() {
    return activity == Activity.TALKING;
  }

  public boolean isQualificationPopup() {
    return isQualifying() && settings.qualificationPopup;
  }

  /** Seconds left before the running timer ends (wrap-up, penalty, auto-qualification). */
  public long getSecondsLeft() {
    return deadline == null
        ? 0
        : Math.max(0, Duration.between(OffsetDateTime.now(clock), deadline).toSeconds());
  }

  /** Team members to show: the unavailable and disconnected only when asked (SPEC B7). */
  public List<TeamMember> visible(TeamGroup group) {
    return group.members().stream()
        .filter(m -> showAbsent || m.availability() == Availability.AVAILABLE)
        .toList();
  }

  /**
   * The agent as committed now: its profile or extension may have changed since the page opened.
   */
  private Agent agent() {
    return agents.get(caller.account(), login);
  }

  private String extension() {
    return agent().getExtension();
  }

  public String getLogin() {
    return login;
  }

  public String getName() {
    return name;
  }

  public String getAvailability() {
    return availability.name();
  }

  public String getActivity() {
    return activity == null ? null : activity.name();
  }

  public OffsetDateTime getSince() {
    return since;
  }

  public CallLine getCall() {
    return call;
  }

  public List<String> getQualifications() {
    return qualifications;
  }

  public List<GroupLine> getGroups() {
    return groups;
  }

  public List<TeamGroup> getTeam() {
    return team;
  }

  /**
   * One figure of the statistics module: {@code period} is {@code session} or {@code today}, {@code
   * figure} a component of {@link Figures}.
   */
  public long figure(String period, String figure) {
    Figures figures = "session".equals(period) ? statistics.session() : statistics.today();
    return switch (figure) {
      case "offered" -> figures.offered();
      case "answered" -> figures.answered();
      case "missed" -> figures.missed();
      case "averageTalk" -> figures.averageTalk();
      case "totalTalk" -> figures.totalTalk();
      case "averageHandling" -> figures.averageHandling();
      case "totalHandling" -> figures.totalHandling();
      case "outbound" -> figures.outbound();
      case "averageOutboundTalk" -> figures.averageOutboundTalk();
      case "totalOutboundTalk" -> figures.totalOutboundTalk();
      default -> throw new IllegalArgumentException(figure);
    };
  }

  public PhoneState getPhone() {
    return phone;
  }

  public boolean isShowAbsent() {
    return showAbsent;
  }

  public void setShowAbsent(boolean showAbsent) {
    this.showAbsent = showAbsent;
  }

  public SettingsForm getSettings() {
    return settings;
  }

  /** The wrench dialog's fields (SPEC D1-D7). */
  public static class SettingsForm implements Serializable {
    private String extension;
    private boolean extensionEditable;
    private boolean freeSeating;
    private int maxOpenCards;
    private boolean unavailableOnLogout;
    private boolean availableOnLogin;
    private boolean noLogoutConfirmation;
    private boolean qualificationPopup;

    static SettingsForm of(Agent agent) {
      SettingsForm form = new SettingsForm();
      AgentSettings s = agent.getSettings();
      form.extension = agent.getExtension();
      form.extensionEditable = agent.isExtensionEditable();
      form.maxOpenCards = s.getMaxOpenCards();
      form.unavailableOnLogout = s.isUnavailableOnLogout();
      form.availableOnLogin = s.isAvailableOnLogin();
      form.noLogoutConfirmation = s.isNoLogoutConfirmation();
      form.qualificationPopup = s.isQualificationPopup();
      return form;
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

    public boolean isFreeSeating() {
      return freeSeating;
    }

    public void setFreeSeating(boolean freeSeating) {
      this.freeSeating = freeSeating;
    }

    public int getMaxOpenCards() {
      return maxOpenCards;
    }

    public void setMaxOpenCards(int maxOpenCards) {
      this.maxOpenCards = maxOpenCards;
    }

    public boolean isUnavailableOnLogout() {
      return unavailableOnLogout;
    }

    public void setUnavailableOnLogout(boolean unavailableOnLogout) {
      this.unavailableOnLogout = unavailableOnLogout;
    }

    public boolean isAvailableOnLogin() {
      return availableOnLogin;
    }

    public void setAvailableOnLogin(boolean availableOnLogin) {
      this.availableOnLogin = availableOnLogin;
    }

    public boolean isNoLogoutConfirmation() {
      return noLogoutConfirmation;
    }

    public void setNoLogoutConfirmation(boolean noLogoutConfirmation) {
      this.noLogoutConfirmation = noLogoutConfirmation;
    }

    public boolean isQualificationPopup() {
      return qualificationPopup;
    }

    public void setQualificationPopup(boolean qualificationPopup) {
      this.qualificationPopup = qualificationPopup;
    }
  }
}
