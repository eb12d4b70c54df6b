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
import java.util.List;
import org.relais.InvalidFieldException;
import org.relais.agent.Role;
import org.relais.call.RecordingPolicy;
import org.relais.group.GroupDraft;
import org.relais.group.GroupRules;
import org.relais.group.GroupService;
import org.relais.group.GroupSettings;
import org.relais.group.Overflow;
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
      String cardUrl,
      int serviceLevelSeconds,
      String openingHours,
      String holidays,
      boolean callbackWhenClosed,
      RecordingPolicy recording,
      int maxWait,
      int maxQueueLength,
      boolean overflowWhenNoAgent,
      String overflowGroup,
      List<String> numbers) {

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
          s.cardUrl(),
          g.serviceLevelSeconds(),
          g.rules().openingHours(),
          g.rules().holidays(),
          g.rules().callbackWhenClosed(),
          g.recording(),
          g.overflow().maxWait(),
          g.overflow().maxQueueLength(),
          g.overflow().whenNoAgent(),
          g.overflow().toGroup(),
          g.numbers());
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
    GroupRules rules = rules(in, GroupRules.DEFAULT);
    RecordingPolicy recording = recording(in);
    Overflow overflow = overflow(in, Overflow.NONE);
    if (overflow.toGroup() != null) {
      groups.named(account, overflow.toGroup(), "overflowGroup");
    }
    QueueGroup group = groups.create(account, name, draft(in, GroupDraft.newGroup()).settings());
    if (!rules.equals(GroupRules.DEFAULT)) {
      group = groups.changeRules(account, group.getName(), rules);
    }
    if (!overflow.equals(Overflow.NONE)) {
      group = groups.changeOverflow(account, group.getName(), overflow);
    }
    if (recording != null) {
      group = groups.changeRecording(account, group.getName(), recording);
    }
    if (in.has("numbers")) {
      group = groups.changeNumbers(account, group.getName(), numbers(in));
    }
    return Response.created(Locations.of("groups", group.getName()))
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
    GroupDraft draft = draft(in, GroupDraft.of(current));
    GroupRules rules = rules(in, current.rules());
    RecordingPolicy recording = recording(in);
    Overflow overflow = overflow(in, current.overflow());
    QueueGroup group =
        groups.update(account, name, in.optionalString("name", 64), draft.settings());
    group = groups.changeRules(account, group.getName(), rules);
    group = groups.changeOverflow(account, group.getName(), overflow);
    if (recording != null) {
      group = groups.changeRecording(account, group.getName(), recording);
    }
    if (in.has("numbers")) {
      group = groups.changeNumbers(account, group.getName(), numbers(in));
    }
    return GroupView.of(group);
  }

  /** Whether the group's calls are recorded (SPEC B13), checked first; null when left out. */
  private static RecordingPolicy recording(JsonInput in) {
    String value = in.optionalString("recording", 16);
    if (value == null) {
      return null;
    }
    try {
      return RecordingPolicy.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("recording", "NEVER, ALWAYS or ON_DEMAND");
    }
  }

  /** The numbers trunks call to reach the group (SPEC F2), as typed. */
  private static List<String> numbers(JsonInput in) {
    return in.strings("numbers", 50, 32, List.of());
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    groups.delete(caller.requireRole(Role.ADMIN), name);
    return Response.noContent().build();
  }

  /**
   * The service level target and opening hours the body gives, over {@code base} (SPEC E2, E5),
   * checked before anything is written.
   */
  private static GroupRules rules(JsonInput in, GroupRules base) {
    return new GroupRules(
        in.integer("serviceLevelSeconds", base.serviceLevelSeconds()),
        in.has("openingHours") ? in.optionalString("openingHours", 512) : base.openingHours(),
        in.has("holidays") ? in.optionalString("holidays", 2048) : base.holidays(),
        in.bool("callbackWhenClosed", base.callbackWhenClosed()));
  }

  /** The queue's limits and overflow the body gives, over {@code base} (SPEC E2). */
  private static Overflow overflow(JsonInput in, Overflow base) {
    return new Overflow(
        in.integer("maxWait", base.maxWait()),
        in.integer("maxQueueLength", base.maxQueueLength()),
        in.bool("overflowWhenNoAgent", base.whenNoAgent()),
        in.has("overflowGroup") ? in.optionalString("overflowGroup", 64) : base.toGroup());
  }

  /** The draft with the fields the body gives; those it leaves out keep their value. */
  private static GroupDraft draft(JsonInput in, GroupDraft draft) {
    draft.setRingTimeout(in.integer("ringTimeout", draft.getRingTimeout()));
    draft.setPenalty(in.integer("penalty", draft.getPenalty()));
    draft.setWrapUp(in.integer("wrapUp", draft.getWrapUp()));
    draft.setQualificationRequired(
        in.bool("qualificationRequired", draft.isQualificationRequired()));
    draft.setAutoQualify(in.integer("autoQualify", draft.getAutoQualify()));
    if (in.has("autoQualifyCode")) {
      draft.setAutoQualifyCode(in.optionalString("autoQualifyCode", 128));
    }
    draft.setStrategy(strategy(in, draft.getStrategy()));
    draft.setPriority(in.integer("priority", draft.getPriority()));
    draft.setQualifications(in.strings("qualifications", 200, 128, draft.getQualifications()));
    draft.setCallerIds(in.strings("callerIds", 50, 32, draft.getCallerIds()));
    draft.setCallerIdSelectable(in.bool("callerIdSelectable", draft.isCallerIdSelectable()));
    if (in.has("cardUrl")) {
      draft.setCardUrl(in.optionalString("cardUrl", 2048));
    }
    return draft;
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
