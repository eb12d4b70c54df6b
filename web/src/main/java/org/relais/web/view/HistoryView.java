package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.primefaces.model.LazyDataModel;
import org.relais.account.Account;
import org.relais.account.AccountTime;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.call.CallHistory;
import org.relais.call.CallHistory.CallFilter;
import org.relais.call.CallHistory.HistoryLine;
import org.relais.call.HistoryPeriod;
import org.relais.call.TimeRange;
import org.relais.web.security.CurrentCaller;

/**
 * The banner's history module (SPEC B6): the agent's calls over the chosen period. The table is
 * lazy, and each render reads its page again (a count and one page of rows, on the agent's index):
 * the banner re-renders the module whenever the desk channel says something changed, so a call
 * shows up, and its durations and qualification follow, without any bookkeeping here.
 */
@Named
@ViewScoped
public class HistoryView implements Serializable {

  /** The selector's choice for a range of days picked by hand. */
  static final String CUSTOM = "custom";

  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;
  @Inject transient CallHistory history;
  @Inject transient AccountTime accountTime;

  private String login;
  private String period = HistoryPeriod.TODAY.apiName();
  private LocalDate from;
  private LocalDate to;
  private final LazyLines<HistoryLine> lines = new LazyLines<>(new Lines());

  @PostConstruct
  void init() {
    login = caller.login();
    LocalDate today = accountTime.now(caller.account()).toLocalDate();
    from = today;
    to = today;
  }

  /** The periods of the selector, then the custom range. */
  public List<String> getPeriods() {
    return Stream.concat(
            Arrays.stream(HistoryPeriod.values()).map(HistoryPeriod::apiName), Stream.of(CUSTOM))
        .toList();
  }

  public boolean isCustom() {
    return CUSTOM.equals(period);
  }

  /**
   * The range the table reads, computed again at each read so that "today" moves at midnight; null
   * for a custom range whose end comes before its start.
   */
  private TimeRange range(Account account) {
    if (!isCustom()) {
      return HistoryPeriod.named(period).around(accountTime.now(account));
    }
    return TimeRange.picked(from, to, accountTime.zone(account)).orElse(null);
  }

  public String time(OffsetDateTime time) {
    return HistoryFormat.time(time, accountTime.zone(caller.account()));
  }

  public String duration(long seconds) {
    return HistoryFormat.duration(seconds);
  }

  public LazyDataModel<HistoryLine> getLines() {
    return lines;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = getPeriods().contains(period) ? period : HistoryPeriod.TODAY.apiName();
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

  /** The agent's calls over the period, a page at a time, newest first. */
  private class Lines implements LazyLines.Source<HistoryLine> {

    @Override
    public long count() {
      CallFilter filter = filter(agents.get(caller.account(), login));
      return filter == null ? 0 : history.count(caller.account(), filter);
    }

    @Override
    public List<HistoryLine> page(int first, int size) {
      Agent agent = agents.get(caller.account(), login);
      CallFilter filter = filter(agent);
      return filter == null
          ? List.of()
          : history.lines(caller.account(), agent, filter, first, size);
    }

    @Override
    public String key(HistoryLine line) {
      return line.id();
    }

    private CallFilter filter(Agent agent) {
      TimeRange range = range(caller.account());
      return range == null ? null : CallFilter.of(agent, range);
    }
  }
}
