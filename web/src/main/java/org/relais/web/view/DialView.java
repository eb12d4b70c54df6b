package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.relais.InvalidFieldException;
import org.relais.NotPermittedException;
import org.relais.acd.Acd;
import org.relais.acd.DeskConflictException;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.CallHistory;
import org.relais.group.QueueGroup;
import org.relais.web.security.CurrentCaller;

/**
 * The click-to-dial module (SPEC B9): the group the call is placed for, its caller ID where the
 * admin lets the agent choose, the number, Call; then the latest outbound call and its outcome.
 * Numbers shown anywhere in the banner with the style class {@code relais-dial-number} dial through
 * this module when clicked.
 */
@Named
@ViewScoped
public class DialView implements Serializable {

  @Inject transient Acd acd;
  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;
  @Inject transient CallHistory history;

  private String login;
  private List<String> groups = List.of();
  private Map<String, List<String>> callerIds = Map.of();
  private String group;
  private String callerId;
  private String number;
  private LastCall lastCall;

  /** The latest outbound call as the module shows it. */
  public record LastCall(String number, String group, String status, String outcome) {}

  @PostConstruct
  void init() {
    Agent agent = agents.get(caller.account(), caller.login());
    login = agent.getLogin();
    // Outbound members first: those groups are the ones the agent calls for.
    List<QueueGroup> mine =
        agent.getMemberships().stream()
            .sorted(
                Comparator.comparing((Membership m) -> !m.isOutbound())
                    .thenComparing(m -> m.getGroup().getName()))
            .map(Membership::getGroup)
            .toList();
    groups = mine.stream().map(QueueGroup::getName).toList();
    // The caller IDs the agent may choose among, per group: none where the group fixes its own.
    callerIds =
        mine.stream()
            .filter(g -> g.settings().callerIdSelectable())
            .collect(Collectors.toMap(QueueGroup::getName, g -> g.settings().callerIds()));
    group = groups.isEmpty() ? null : groups.get(0);
  }

  /** Reads the latest outbound call again; the module calls it each time it is rendered. */
  public void reload() {
    Agent agent = agents.get(caller.account(), login);
    lastCall = history.lastOutbound(agent).map(DialView::lastCall).orElse(null);
  }

  public void dial() {
    try {
      acd.dial(
          agents.get(caller.account(), login).getId(),
          group,
          number == null ? null : number.trim(),
          callerId);
      number = null;
    } catch (DeskConflictException e) {
      Messages.error(null, "dial.busy");
    } catch (InvalidFieldException e) {
      Messages.error(null, "invalid." + e.getField());
    } catch (NotPermittedException e) {
      Messages.error(null, "banner.moduleOff");
    }
  }

  private static LastCall lastCall(Call call) {
    return new LastCall(
        call.getCallee(),
        call.getGroupName(),
        call.getStatus().name(),
        call.getOutcome() == null ? null : call.getOutcome().name());
  }

  /** The caller IDs the agent may choose among for the selected group; empty when not allowed. */
  public List<String> getCallerIds() {
    return group == null ? List.of() : callerIds.getOrDefault(group, List.of());
  }

  public List<String> getGroups() {
    return groups;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getCallerId() {
    return callerId;
  }

  public void setCallerId(String callerId) {
    this.callerId = callerId;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public LastCall getLastCall() {
    return lastCall;
  }
}
