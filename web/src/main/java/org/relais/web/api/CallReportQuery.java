package org.relais.web.api;

import jakarta.ws.rs.QueryParam;
import java.time.ZonedDateTime;
import org.relais.call.CallDirection;
import org.relais.call.CallHistory.CallFilter;
import org.relais.call.CallOutcome;

/**
 * The call report's filters: {@code group}, {@code agent} (login), {@code direction}, {@code
 * outcome}.
 */
public class CallReportQuery extends ReportQuery {

  @QueryParam("group")
  String group;

  @QueryParam("agent")
  String agent;

  @QueryParam("direction")
  String direction;

  @QueryParam("outcome")
  String outcome;

  CallFilter filter(ZonedDateTime now) {
    return new CallFilter(
        range(now),
        name(group),
        name(agent),
        choice("direction", direction, CallDirection.class),
        choice("outcome", outcome, CallOutcome.class));
  }
}
