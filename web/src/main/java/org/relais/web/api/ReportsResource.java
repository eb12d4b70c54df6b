package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.function.Function;
import org.relais.account.Account;
import org.relais.account.AccountTime;
import org.relais.agent.Role;
import org.relais.call.CallHistory;
import org.relais.call.CallHistory.CallFilter;
import org.relais.call.CallHistory.HistoryLine;
import org.relais.presence.StateHistory;
import org.relais.presence.StateHistory.StateFilter;
import org.relais.presence.StateHistory.StateLine;
import org.relais.web.report.ReportCsv;
import org.relais.web.security.CurrentCaller;

/**
 * Reports for supervisors, admins and integrations (SPEC E6): the account's call history and the
 * agents' state history, filtered and paged, as JSON or as CSV ({@code Accept: text/csv} or the
 * {@code /export} paths). Filters: {@code period} or {@code from} and {@code to} (ISO dates or
 * date-times; today by default), {@code group}, {@code agent} (login), {@code direction} and {@code
 * outcome} for calls, {@code activity} for states. A group or agent of another account matches
 * nothing.
 */
@ApplicationScoped
@Path("/reports")
public class ReportsResource {

  /** CSV for a client that asks for it; JSON stays the answer to a client that takes anything. */
  private static final String CSV_ON_DEMAND = "text/csv;qs=0.5";

  @Inject CurrentCaller caller;
  @Inject CallHistory calls;
  @Inject AccountTime accountTime;
  @Inject StateHistory states;

  /** One page of a report: {@code page} counts from 0. */
  public record Page<T>(long total, int page, int size, List<T> items) {}

  @GET
  @Path("calls")
  @Produces(MediaType.APPLICATION_JSON)
  public Page<HistoryLine> calls(@BeanParam CallReportQuery query) {
    Account account = account();
    CallFilter filter = query.filter(accountTime.now(account));
    int p = query.page();
    int s = query.size(ReportQuery.DEFAULT_SIZE);
    return new Page<>(calls.count(account, filter), p, s, calls.lines(account, filter, p * s, s));
  }

  @GET
  @Path("calls")
  @Produces(CSV_ON_DEMAND)
  public Response callsCsv(@BeanParam CallReportQuery query) {
    Account account = account();
    CallFilter filter = query.filter(accountTime.now(account));
    StreamingOutput csv =
        out ->
            ReportCsv.calls(
                out,
                accountTime.zone(account),
                Function.identity(),
                sink -> calls.each(account, filter, sink));
    return download(csv, "calls.csv");
  }

  @GET
  @Path("calls/export")
  @Produces(ReportCsv.MEDIA_TYPE)
  public Response exportCalls(@BeanParam CallReportQuery query) {
    return callsCsv(query);
  }

  @GET
  @Path("states")
  @Produces(MediaType.APPLICATION_JSON)
  public Page<StateLine> states(@BeanParam StateReportQuery query) {
    Account account = account();
    StateFilter filter = query.filter(accountTime.now(account));
    int p = query.page();
    int s = query.size(ReportQuery.DEFAULT_SIZE);
    return new Page<>(states.count(account, filter), p, s, states.lines(account, filter, p * s, s));
  }

  @GET
  @Path("states")
  @Produces(CSV_ON_DEMAND)
  public Response statesCsv(@BeanParam StateReportQuery query) {
    Account account = account();
    StateFilter filter = query.filter(accountTime.now(account));
    StreamingOutput csv =
        out ->
            ReportCsv.states(
                out,
                accountTime.zone(account),
                Function.identity(),
                sink -> states.each(account, filter, sink));
    return download(csv, "states.csv");
  }

  @GET
  @Path("states/export")
  @Produces(ReportCsv.MEDIA_TYPE)
  public Response exportStates(@BeanParam StateReportQuery query) {
    return statesCsv(query);
  }

  private Account account() {
    return caller.requireRole(Role.SUPERVISOR, Role.ADMIN);
  }

  private static Response download(StreamingOutput csv, String name) {
    return Response.ok(csv, ReportCsv.MEDIA_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }
}
