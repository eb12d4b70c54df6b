package org.relais.web.view.supervisor;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.function.Consumer;
import org.relais.ConflictException;
import org.relais.NoSuchEntityException;
import org.relais.acd.Acd;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.presence.Activity;
import org.relais.presence.Availability;
import org.relais.supervision.Thresholds;
import org.relais.supervision.Wallboards;
import org.relais.web.push.WallboardPush;
import org.relais.web.security.CurrentCaller;
import org.relais.web.security.Supervisor;
import org.relais.web.view.FieldErrors;
import org.relais.web.view.Messages;

/**
 * The wallboard (SPEC E5) for supervisors (their groups) and admins (the account). The page draws
 * nothing of the floor itself: its socket ({@link WallboardPush}) brings the whole board at once
 * and at each change, and {@code wallboard.js} shows it. Here: the pass that socket opens with, the
 * labels it shows in the user's language, the charts' frames, the thresholds the figures are
 * coloured against, and the supervisor's hand on an agent (force unavailable, disconnect).
 */
@Named
@ViewScoped
public class WallboardView implements Serializable {

  @Inject transient Supervisor supervisor;
  @Inject transient CurrentCaller caller;
  @Inject transient Wallboards wallboards;
  @Inject transient Acd acd;

  private String pass;
  private int serviceLevelTarget;
  private int serviceLevelFloor;
  private int abandonWarning;
  private int abandonAlarm;
  private int waitWarning;
  private int waitAlarm;

  @PostConstruct
  void init() {
    Supervisor.Viewer viewer = supervisor.current();
    pass = wallboards.pass(supervisor.person());
    Thresholds t = wallboards.thresholds(viewer.account());
    serviceLevelTarget = t.getServiceLevelTarget();
    serviceLevelFloor = t.getServiceLevelFloor();
    abandonWarning = t.getAbandonWarning();
    abandonAlarm = t.getAbandonAlarm();
    waitWarning = t.getWaitWarning();
    waitAlarm = t.getWaitAlarm();
  }

  /** Saves the thresholds for the account's wallboards; the next push colours by them. */
  public void saveThresholds() {
    Supervisor.Viewer viewer = supervisor.current();
    if (FieldErrors.save(
        "thresholds",
        () ->
            wallboards.changeThresholds(
                viewer.account(),
                new Thresholds(
                    serviceLevelTarget,
                    serviceLevelFloor,
                    abandonWarning,
                    abandonAlarm,
                    waitWarning,
                    waitAlarm)))) {
      Messages.info("saved");
    }
  }

  /** The agent named by the request's {@code login} goes unavailable (audited). */
  public void forceUnavailable() {
    act(agent -> acd.forceAvailability(caller.login(), agent.getId(), false));
  }

  /** The agent named by the request's {@code login} leaves the ACD; refused during a call. */
  public void disconnect() {
    act(agent -> acd.forceDisconnect(caller.login(), agent.getId()));
  }

  /**
   * The agent named by the request's {@code login} takes, or stops taking, the calls of its group
   * named by {@code group}, as {@code inbound} says (audited); its outbound part stays.
   */
  public void changeGroup() {
    String group = parameter("group");
    boolean inbound = Boolean.parseBoolean(parameter("inbound"));
    act(
        agent -> {
          Membership membership = supervisor.membership(supervisor.current(), agent, group);
          acd.changeGroup(caller.login(), agent.getId(), group, inbound, membership.isOutbound());
        });
  }

  private void act(Consumer<Agent> action) {
    try {
      action.accept(supervisor.supervised(supervisor.current(), parameter("login")));
      Messages.info("wallboard.done");
    } catch (CurrentCaller.NotAllowedException e) {
      Messages.error(null, "wallboard.notYours");
    } catch (ConflictException e) {
      Messages.error(null, "wallboard.inCall");
    } catch (NoSuchEntityException e) {
      Messages.error(null, "wallboard.gone");
    }
  }

  private static String parameter(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  /** What the page's script shows in the user's language: states and its own words. */
  public String getLabels() {
    JsonObjectBuilder labels = Json.createObjectBuilder();
    for (Availability a : Availability.values()) {
      labels.add("availability." + a, Messages.text("availability." + a));
    }
    for (Activity a : Activity.values()) {
      labels.add("activity." + a, Messages.text("activity." + a));
    }
    labels.add("wallboard.reconnecting", Messages.text("wallboard.reconnecting"));
    labels.add("wallboard.takesCalls", Messages.text("wallboard.takesCalls"));
    return labels.build().toString();
  }

  /** The bar chart's frame: calls per quarter hour; the socket fills its data. */
  public String getCallsChart() {
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder())
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(dataset("wallboard.offered", "#64748b"))
                        .add(dataset("wallboard.answered", "#16a34a"))
                        .add(dataset("wallboard.abandoned", "#dc2626"))))
        .add("options", options(null))
        .build()
        .toString();
  }

  /** The line chart's frame: the service level per quarter hour, in percent. */
  public String getServiceChart() {
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder())
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            dataset("wallboard.serviceLevel", "#2563eb")
                                .add("spanGaps", true)
                                .add("fill", false))))
        .add("options", options(100))
        .build()
        .toString();
  }

  private static JsonObjectBuilder dataset(String labelKey, String colour) {
    return Json.createObjectBuilder()
        .add("label", Messages.text(labelKey))
        .add("backgroundColor", colour)
        .add("borderColor", colour)
        .add("data", Json.createArrayBuilder());
  }

  /** No animation: a wall display redraws often and should not flicker. */
  private static JsonObjectBuilder options(Integer max) {
    JsonObjectBuilder y = Json.createObjectBuilder().add("beginAtZero", true);
    if (max != null) {
      y.add("max", max);
    }
    return Json.createObjectBuilder()
        .add("animation", false)
        .add("maintainAspectRatio", false)
        .add("scales", Json.createObjectBuilder().add("y", y));
  }

  public String getPass() {
    return pass;
  }

  public int getServiceLevelTarget() {
    return serviceLevelTarget;
  }

  public void setServiceLevelTarget(int serviceLevelTarget) {
    this.serviceLevelTarget = serviceLevelTarget;
  }

  public int getServiceLevelFloor() {
    return serviceLevelFloor;
  }

  public void setServiceLevelFloor(int serviceLevelFloor) {
    this.serviceLevelFloor = serviceLevelFloor;
  }

  public int getAbandonWarning() {
    return abandonWarning;
  }

  public void setAbandonWarning(int abandonWarning) {
    this.abandonWarning = abandonWarning;
  }

  public int getAbandonAlarm() {
    return abandonAlarm;
  }

  public void setAbandonAlarm(int abandonAlarm) {
    this.abandonAlarm = abandonAlarm;
  }

  public int getWaitWarning() {
    return waitWarning;
  }

  public void setWaitWarning(int waitWarning) {
    this.waitWarning = waitWarning;
  }

  public int getWaitAlarm() {
    return waitAlarm;
  }

  public void setWaitAlarm(int waitAlarm) {
    this.waitAlarm = waitAlarm;
  }
}
