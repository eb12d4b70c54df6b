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
import org.relais.call.CallDirection;
import org.relais.call.CallHistory;
import org.relais.call.CallHistory.CallFilter;
import org.relais.call.CallHistory.HistoryLine;
import org.relais.call.CallOutcome;
import org.relais.call.TimeRange;
import org.relais.group.GroupService;
import org.relais.group.QueueGroup;
import org.relais.web.report.ReportCsv;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.HistoryFormat;
import org.relais.web.view.LazyLines;
import org.relais.web.view.Messages;

/**
 * The calls report (SPEC E6) for admins and supervisors: the account's calls over a range of days,
 * filtered by group, agent, direction and outcome, a page at a time, and the same rows as CSV.
 */
@Named
@ViewScoped
public class CallsReportView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient CallHistory calls;
  @Inject transient GroupService groups;
  @Inject transient AgentService agents;

  private LocalDate from;
  private LocalDate to;
  private String group;
  private String agent;
  private CallDirection direction;
  private CallOutcome outcome;
  private List<String> groupNames;
  private List<String> agentLogins;
  private final LazyLines<HistoryLine> lines = new LazyLines<>(new Lines());

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
    CallFilter filter = filter();
    return DefaultStreamedContent.builder()
        .name("calls.csv")
        .contentType(ReportCsv.MEDIA_TYPE)
        .writer(
            out -> {
              Account account = caller.account();
              ReportCsv.calls(
                  out,
                  calls.zone(account),
                  key -> Messages.text("report.column." + key),
                  sink -> {
                    if (filter != null) {
                      calls.each(account, filter, sink);
                    }
                  });
            })
        .build();
  }

  /** The filters as the history reads them; null while the range is invalid. */
  private CallFilter filter() {
    if (from == null || to == null) {
      return null;
    }
    try {
      TimeRange range = TimeRange.days(from, to, calls.zone(caller.account()));
      return new CallFilter(range, group, agent, direction, outcome);
    } catch (InvalidFieldException e) {
      return null;
    }
  }

  public String time(OffsetDateTime time) {
    return HistoryFormat.time(time, calls.zone(caller.account()));
  }

  public String duration(long seconds) {
    return HistoryFormat.duration(seconds);
  }

  public LazyDataModel<HistoryLine> getLines() {
    return lines;
  }

  public List<String> getGroupNames() {
    return groupNames;
  }

  public List<String> getAgentLogins() {
    return agentLogins;
  }

  public CallDirection[] getDirections() {
    return CallDirection.values();
  }

  public CallOutcome[] getOutcomes() {
    return CallOutcome.values();
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

  public CallDirection getDirection() {
    return direction;
  }

  public void setDirection(CallDirection direction) {
    this.direction = direction;
  }

  public CallOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(CallOutcome outcome) {
    this.outcome = outcome;
  }

  /** The account's calls matching the filters, newest first. */
  private class Lines implements LazyLines.Source<HistoryLine> {

    @Override
    public long count() {
      CallFilter filter = filter();
      return filter == null ? 0 : calls.count(caller.account(), filter);
    }

    @Override
    public List<HistoryLine> page(int first, int size) {
      CallFilter filter = filter();
      return filter == null ? List.of() : calls.lines(caller.account(), filter, first, size);
    }

    @Override
    public String key(HistoryLine line) {
      return line.id();
    }
  }
}
