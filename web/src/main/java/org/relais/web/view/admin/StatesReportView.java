package org.relais.web.view.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.relais.account.Account;
import org.relais.call.TimeRange;
import org.relais.presence.Activity;
import org.relais.presence.StateHistory;
import org.relais.presence.StateHistory.StateFilter;
import org.relais.presence.StateHistory.StateLine;
import org.relais.web.report.ReportCsv;

/**
 * The agent-states report (SPEC C5, E6) for admins and supervisors: every state change of the
 * account's agents over a range of days, with how long each state lasted, filtered by group, agent
 * and activity, a page at a time, and the same rows as CSV.
 */
@Named
@ViewScoped
public class StatesReportView extends ReportView<StateFilter, StateLine> {

  @Inject transient StateHistory states;

  private Activity activity;

  @Override
  protected StateFilter filter(TimeRange range, String group, String agent) {
    return new StateFilter(range, group, agent, activity);
  }

  @Override
  protected long count(Account account, StateFilter filter) {
    return states.count(account, filter);
  }

  @Override
  protected List<StateLine> page(Account account, StateFilter filter, int first, int size) {
    return states.lines(account, filter, first, size);
  }

  @Override
  protected String key(StateLine line) {
    return line.id();
  }

  @Override
  protected String csvName() {
    return "states.csv";
  }

  @Override
  protected void writeCsv(
      OutputStream out,
      ZoneId zone,
      Function<String, String> header,
      Account account,
      StateFilter filter) {
    ReportCsv.states(out, zone, header, sink -> states.each(account, filter, sink));
  }

  public Activity[] getActivities() {
    return Activity.values();
  }

  public Activity getActivity() {
    return activity;
  }

  public void setActivity(Activity activity) {
    this.activity = activity;
  }
}
