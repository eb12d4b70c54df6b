package org.relais.web.view.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.relais.account.Account;
import org.relais.call.CallDirection;
import org.relais.call.CallHistory.CallFilter;
import org.relais.call.CallHistory.HistoryLine;
import org.relais.call.CallOutcome;
import org.relais.call.TimeRange;
import org.relais.web.report.ReportCsv;

/**
 * The calls report (SPEC E6) for admins and supervisors: the account's calls over a range of days,
 * filtered by group, agent, direction and outcome, a page at a time, and the same rows as CSV.
 */
@Named
@ViewScoped
public class CallsReportView extends ReportView<CallFilter, HistoryLine> {

  private CallDirection direction;
  private CallOutcome outcome;

  @Override
  protected CallFilter filter(TimeRange range, String group, String agent) {
    return new CallFilter(range, group, agent, direction, outcome);
  }

  @Override
  protected long count(Account account, CallFilter filter) {
    return calls.count(account, filter);
  }

  @Override
  protected List<HistoryLine> page(Account account, CallFilter filter, int first, int size) {
    return calls.lines(account, filter, first, size);
  }

  @Override
  protected String key(HistoryLine line) {
    return line.id();
  }

  @Override
  protected String csvName() {
    return "calls.csv";
  }

  @Override
  protected void writeCsv(
      OutputStream out,
      ZoneId zone,
      Function<String, String> header,
      Account account,
      CallFilter filter) {
    ReportCsv.calls(out, zone, header, sink -> calls.each(account, filter, sink));
  }

  public CallDirection[] getDirections() {
    return CallDirection.values();
  }

  public CallOutcome[] getOutcomes() {
    return CallOutcome.values();
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
}
