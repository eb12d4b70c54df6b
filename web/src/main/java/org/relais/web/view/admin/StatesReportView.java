package org.relais.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.StreamedContent;
import org.relais.InvalidFieldException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.Role;
import org.relais.call.CallHistory;
import org.relais.call.TimeRange;
import org.relais.group.GroupService;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.StateHistory;
import org.relais.presence.StateHistory.StateFilter;
import org.relais.presence.StateHistory.StateLine;
import org.relais.web.report.ReportCsv;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.HistoryFormat;
import org.relais.web.view.LazyLines;
import org.relais.web.view.Messages;

/**
 * The agent-states report (SPEC C5, E6) for admins and supervisors: every state change of the
 * account's agents over a range of days, with how long each state lasted, filtered by group, agent
 * and activity, a page at a time, and the same rows as CSV.
 */
@Named
@ViewScoped
public class StatesReportView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient StateHistory states;
  @Inject transient CallHistory calls;
  @Inject transient GroupService groups;
  @Inject transient AgentService agents;

  private LocalDate from;
  private LocalDate to;
  private String group;
  private String agent;
  private Activity activity;
  private List<String> groupNames;
  private List<String> agentLogins;
  private final LazyLines<StateLine> lines = new LazyLines<>(new Lines());

  @PostConstruct
  void init() {
    Account account = caller.requireRole(Role.ADMIN, Role.SUPERVISOR);
    from = calls.now(account).toLocalDate();
    to = from;
    groupNames = groups.list(account).stream().map(QueueGroup::getName).toList();
    agentLogins = agents.list(account).stream().map(Agent::getLogin).toList();
  }

  /** Applies the filters: the table reads its first page again. */
  public void apply() {
    if (filter() == null) {
      Messages.error(null, "invalid.range");
    }
  }

  /** The filtered rows as CSV, with column labels in the user's language. */
  public StreamedContent getCsv() {
    StateFilter filter = filter();
    return DefaultStreamedContent.builder()
        .name("states.csv")
        .contentType(ReportCsv.MEDIA_TYPE)
        .writer(
            out -> {
              Account account = caller.account();
              ReportCsv.states(
                  out,
                  calls.zone(account),
                  key -> Messages.text("report.column." + key),
                  sink -> {
                    if (filter != null) {
                      states.each(account, filter, sink);
                    }
                  });
            })
        .build();
  }

  private StateFilter filter() {
    if (from == null || to == null) {
      return null;
    }
    try {
      TimeRange range = TimeRange.days(from, to, calls.zone(caller.account()));
      return new StateFilter(range, group, agent, activity);
    } catch (InvalidFieldException e) {
      return null;
    }
  }

  public String time(OffsetDateTime time) {
    return HistoryFormat.time(time, calls.zone(caller.account()));
  }

  public String duration(Long seconds) {
    return HistoryFormat.duration(seconds);
  }

  public LazyDataModel<StateLine> getLines() {
    return lines;
  }

  public List<String> getGroupNames() {
    return groupNames;
  }

  public List<String> getAgentLogins() {
    return agentLogins;
  }

  public Activity[] getActivities() {
    return Activity.values();
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getAgent() {
    return agent;
  }

  public void setAgent(String agent) {
    this.agent = agent;
  }

  public Activity getActivity() {
    return activity;
  }

  public void setActivity(Activity activity) {
    this.activity = activity;
  }

  /** The account's agent states matching the filters, newest first. */
  private class Lines implements LazyLines.Source<StateLine> {

    @Override
    public long count() {
      StateFilter filter = filter();
      return filter == null ? 0 : states.count(caller.account(), filter);
    }

    @Override
    public List<StateLine> page(int first, int size) {
      StateFilter filter = filter();
      return filter == null ? List.of() : states.lines(caller.account(), filter, first, size);
    }

    @Override
    public String key(StateLine line) {
      return line.id();
    }
  }
}
