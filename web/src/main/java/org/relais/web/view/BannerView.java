package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
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
import java.util.ResourceBundle;
import org.relais.DuplicateException;
import org.relais.InvalidFieldException;
import org.relais.NotPermittedException;
import org.relais.account.AccountTime;
import org.relais.acd.Acd;
import org.relais.acd.DeskConflictException;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.BannerModule;
import org.relais.desk.Desk;
import org.relais.desk.DeskCall;
import org.relais.desk.DeskQueries;
import org.relais.desk.DeskQueries.Figures;
import org.relais.desk.DeskQueries.GroupLine;
import org.relais.desk.DeskQueries.Statistics;
import org.relais.desk.DeskQueries.TeamGroup;
import org.relais.desk.DeskQueries.TeamMember;
import org.relais.presence.Activity;
import org.relais.presence.Availability;
import org.relais.telephony.PhoneState;
import org.relais.telephony.RegisteredPhones;
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
  @Inject transient RegisteredPhones phones;
  @Inject transient DeskQueries queries;

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

  private Desk desk;
  private List<GroupLine> groups = List.of();
  private List<TeamGroup> team = List.of();
  private Statistics statistics;
  private PhoneState phone;
  private boolean showAbsent;
  private SettingsForm settings;

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
      acd.connect(agentId, phones.isRegistered(agent()));
    } catch (DeskConflictException e) {
      Messages.error(null, "banner.extensionInUse");
    }
    refresh();
  }

  /** Reads the desk again from the committed state. */
  public void refresh() {
    Agent agent = agent();
    desk = queries.desk(agent);
    groups = desk.groups();
    team = team(agent);
    statistics =
        modules.contains(BannerModule.STATISTICS)
            ? queries.statistics(agent, accountTime.today(accountId).from())
            : new Statistics(Figures.NONE, Figures.NONE);
    phone =
        agent.getExtension() == null
            ? null
            : softphone.map(s -> s.state(accountName, agent.getExtension())).orElse(null);
    settings = SettingsForm.of(agent);
  }

  /** The team, where the agent's profile shows it. */
  private List<TeamGroup> team(Agent agent) {
    return modules.contains(BannerModule.TEAM) ? queries.team(agent) : List.of();
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
      if (agent.getSettings().isUnavailableOnLogout()
          && desk.availability() == Availability.AVAILABLE) {
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
          caller.account(), login, settings.toSettings(), settings.getExtension());
      bindWorkstation(settings.isFreeSeating() ? settings.getExtension() : null);
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
    return desk.availability() != Availability.DISCONNECTED;
  }

  public boolean isAvailable() {
    return desk.availability() == Availability.AVAILABLE;
  }

  public boolean isQualifying() {
    return desk.activity() == Activity.QUALIFYING;
  }

  public boolean isInPenalty() {
    return desk.activity() == Activity.PENALTY;
  }

  public boolean isTalking() {
    return desk.activity() == Activity.TALKING;
  }

  public boolean isQualificationPopup() {
    return isQualifying() && settings.isQualificationPopup();
  }

  /** Seconds left before the running timer ends (wrap-up, penalty, auto-qualification). */
  public long getSecondsLeft() {
    OffsetDateTime deadline = desk.deadline();
    return deadline == null
        ? 0
        : Math.max(0, Duration.between(OffsetDateTime.now(clock), deadline).toSeconds());
  }

  /**
   * Whether the team shows the member: the unavailable and disconnected only when asked (SPEC B7).
   * Every member is in the page, so that the pushed states can show or hide it.
   */
  public boolean shown(TeamMember member) {
    return showAbsent || member.availability() == Availability.AVAILABLE;
  }

  /**
   * The names of the states in the agent's language, as JSON ({@code availability.AVAILABLE},
   * {@code activity.IDLE}...): the banner's script writes pushed states with them.
   */
  public String getStateLabels() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    JsonObjectBuilder labels = Json.createObjectBuilder();
    for (Availability availability : Availability.values()) {
      String key = "availability." + availability.name();
      labels.add(key, msg.getString(key));
    }
    for (Activity activity : Activity.values()) {
      String key = "activity." + activity.name();
      labels.add(key, msg.getString(key));
    }
    return labels.build().toString();
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
    return desk.availability().name();
  }

  public String getActivity() {
    return desk.activity() == null ? null : desk.activity().name();
  }

  public OffsetDateTime getSince() {
    return desk.since();
  }

  public DeskCall getCall() {
    return desk.call();
  }

  /** Whether the switch can ring the agent's phone: while it cannot, no call is offered. */
  public boolean isPhoneRegistered() {
    return desk.phone().registered();
  }

  public List<String> getQualifications() {
    return desk.qualifications();
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
}
