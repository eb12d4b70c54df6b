package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.relais.InvalidFieldException;
import org.relais.agent.Role;
import org.relais.group.GroupService;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;
import org.relais.group.RoutingStrategy;
import org.relais.web.security.CurrentCaller;

/** The admin's groups (docs/API.md, Administration; SPEC E2). */
@ApplicationScoped
@Path("/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupsResource {

  @Inject CurrentCaller caller;
  @Inject GroupService groups;

  /** A group as the API shows it. */
  public record GroupView(
      String name,
      int ringTimeout,
      int penalty,
      int wrapUp,
      boolean qualificationRequired,
      int autoQualify,
      String autoQualifyCode,
      List<String> qualifications,
      RoutingStrategy strategy,
      int priority,
      List<String> callerIds,
      boolean callerIdSelectable,
      String cardUrl) {

    static GroupView of(QueueGroup g) {
      GroupSettings s = g.settings();
      return new GroupView(
          g.getName(),
          s.ringTimeout(),
          s.penalty(),
          s.wrapUp(),
          s.qualificationRequired(),
          s.autoQualify(),
          s.autoQualifyCode(),
          s.qualifications(),
          s.strategy(),
          s.priority(),
          s.callerIds(),
          s.callerIdSelectable(),
          s.cardUrl());
    }
  }

  @GET
  public List<GroupView> list() {
    return groups.list(caller.requireRole(Role.ADMIN)).stream().map(GroupView::of).toList();
  }

  @GET
  @Path("{name}")
  public GroupView get(@PathParam("name") String name) {
    return GroupView.of(groups.get(caller.requireRole(Role.ADMIN), name));
  }

  @POST
  public Response create(JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    JsonInput in = JsonInput.of(body);
    String name = in.string("name", 64);
    QueueGroup group = groups.create(account, name, settings(in, GroupSettings.defaults()));
    return Response.created(URI.create("groups/" + group.getName()))
        .entity(GroupView.of(group))
        .build();
  }

  /** Fields left out keep their current value. */
  @PUT
  @Path("{name}")
  public GroupView update(@PathParam("name") String name, JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    JsonInput in = JsonInput.of(body);
    QueueGroup current = groups.get(account, name);
    return GroupView.of(
        groups.update(
            account, name, in.optionalString("name", 64), settings(in, current.settings())));
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    groups.delete(caller.requireRole(Role.ADMIN), name);
    return Response.noContent().build();
  }

  private static GroupSettings settings(JsonInput in, GroupSettings base) {
    return new GroupSettings(
        in.integer("ringTimeout", base.ringTimeout()),
        in.integer("penalty", base.penalty()),
        in.integer("wrapUp", base.wrapUp()),
        in.bool("qualificationRequired", base.qualificationRequired()),
        in.integer("autoQualify", base.autoQualify()),
        in.has("autoQualifyCode")
            ? in.optionalString("autoQualifyCode", 128)
            : base.autoQualifyCode(),
        strategy(in, base.strategy()),
        in.integer("priority", base.priority()),
        in.strings("qualifications", 200, 128, base.qualifications()),
        in.strings("callerIds", 50, 32, base.callerIds()),
        in.bool("callerIdSelectable", base.callerIdSelectable()),
        in.has("cardUrl") ? in.optionalString("cardUrl", 2048) : base.cardUrl());
  }

  private static RoutingStrategy strategy(JsonInput in, RoutingStrategy base) {
    String value = in.optionalString("strategy", 32);
    if (value == null) {
      return base;
    }
    try {
      return RoutingStrategy.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "strategy", "one of LONGEST_IDLE, ROUND_ROBIN, FEWEST_CALLS, SKILL_LEVEL");
    }
  }
}
