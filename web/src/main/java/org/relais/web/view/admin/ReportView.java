package org.relais.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.StreamedContent;
import org.relais.account.Account;
import org.relais.account.AccountTime;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.Role;
import org.relais.call.CallHistory;
import org.relais.call.TimeRange;
import org.relais.group.GroupService;
import org.relais.group.QueueGroup;
import org.relais.web.report.ReportCsv;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.HistoryFormat;
import org.relais.web.view.LazyLines;
import org.relais.web.view.Messages;

/**
 * What the report pages (SPEC E6) share, for admins and supervisors: a range of days in the
 * account's calendar, group and agent filters, a lazy table that reads one page at a time, and the
 * filtered rows as CSV with column labels in the user's language. Each report says how its filter
 * is made and read.
 *
 * @param <F> the report's filter
 * @param <L> one row of the report
 */
public abstract class ReportView<F, L> implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient CallHistory calls;
  @Inject transient AccountTime accountTime;
  @Inject transient GroupService groups;
  @Inject transient AgentService agents;

  private LocalDate from;
  private LocalDate to;
  private String group;
  private String agent;
  private List<String> groupNames;
  private List<String> agentLogins;
  private final LazyLines<L> lines = new LazyLines<>(new Lines());

  @PostConstruct
  void init() {
    Account account = caller.requireRole(Role.ADMIN, Role.SUPERVISOR);
    from = accountTime.now(account).toLocalDate();
    to = from;
    groupNames = groups.list(account).stream().map(QueueGroup::getName).toList();
    agentLogins = agents.list(account).stream().map(Agent::getLogin).toList();
  }

  /** The report's filter over the range, with the group and agent chosen (null: any). */
  protected abstract F filter(TimeRange range, String group, String agent);

  protected abstract long count(Account account, F filter);

  protected abstract List<L> page(Account account, F filter, int first, int size);

  /** A row's unique key in the table. */
  protected abstract String key(L line);

  /** The CSV file's name. */
  protected abstract String csvName();

  /** Writes the rows of the filter as CSV, with the column labels {@code header} gives. */
  protected abstract void writeCsv(
      OutputStream out, ZoneId zone, Function<String, String> header, Account account, F filter);

  /** Applies the filters: the table reads its first page again. */
  public void apply() {
    if (filter() == null) {
      Messages.error(null, "invalid.range");
    }
  }

  /** The filtered rows as CSV, with column labels in the user's language. */
  public StreamedContent getCsv() {
    F filter = filter();
    return DefaultStreamedContent.builder()
        .name(csvName())
        .contentType(ReportCsv.MEDIA_TYPE)
        .writer(
            out -> {
              if (filter != null) {
                Account account = caller.account();
                writeCsv(
                    out,
                    accountTime.zone(account),
                    key -> Messages.text("report.column." + key),
                    account,
                    filter);
              }
            })
        .build();
  }

  /** The filters as the report reads them; null while the range is invalid. */
  private F filter() {
    return TimeRange.picked(from, to, accountTime.zone(caller.account()))
        .map(range -> filter(range, group, agent))
        .orElse(null);
  }

  public String time(OffsetDateTime time) {
    return HistoryFormat.time(time, accountTime.zone(caller.account()));
  }

  public String duration(Long seconds) {
    return HistoryFormat.duration(seconds);
  }

  public LazyDataModel<L> getLines() {
    return lines;
  }

  public List<String> getGroupNames() {
    return groupNames;
  }

  public List<String> getAgentLogins() {
    return agentLogins;
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

  /** The report's rows matching the filters, newest first. */
  private class Lines implements LazyLines.Source<L> {

    @Override
    public long count() {
      F filter = filter();
      return filter == null ? 0 : ReportView.this.count(caller.account(), filter);
    }

    @Override
    public List<L> page(int first, int size) {
      F filter = filter();
      return filter == null
          ? List.of()
          : ReportView.this.page(caller.account(), filter, first, size);
    }

    @Override
    public String key(L line) {
      return ReportView.this.key(line);
    }
  }
}
