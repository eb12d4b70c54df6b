package org.relais.web.api;

import jakarta.ws.rs.QueryParam;
import java.time.ZonedDateTime;
import org.relais.presence.Activity;
import org.relais.presence.StateHistory.StateFilter;

/** The agent-state report's filters: {@code group}, {@code agent} (login), {@code activity}. */
public class StateReportQuery extends ReportQuery {

  @QueryParam("group")
  String group;

  @QueryParam("agent")
  String agent;

  @QueryParam("activity")
  String activity;

  StateFilter filter(ZonedDateTime now) {
    return new StateFilter(
        range(now), name(group), name(agent), choice("activity", activity, Activity.class));
  }
}
