package org.relais.web.push;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.relais.supervision.AgentCounts;
import org.relais.supervision.DayCurve.Slot;
import org.relais.supervision.DayFigures;
import org.relais.supervision.SupervisionQueries.AgentLine;
import org.relais.supervision.SupervisionQueries.Board;
import org.relais.supervision.SupervisionQueries.GroupLine;
import org.relais.supervision.Thresholds;

/**
 * One wallboard message (SPEC E5): the whole board a viewer sees, small enough to send whole at
 * each change, so that a page that missed messages (or reconnected) is right again with the next
 * one. Instants are milliseconds of the epoch, with the server's {@code at}: the page counts
 * durations on from them by its own clock, whatever its offset from the server's. Each group's
 * figures carry their signal (green, amber, red) against the account's thresholds, and the message
 * a fresh pass for the socket's next connection.
 *
 * <pre>{"at","pass","groups":[{"name","waiting","longestWait","agents":{...},"today":{...},
 * "signals":{"serviceLevel","abandonRate","longestWait","averageWait"}}],
 * "agents":[{"login","name","groups","inbound","availability","activity","since","call":{"number","group",
 * "since"},"today":{"answered","missed","handle"}}],
 * "curve":{"labels","offered","answered","abandoned","serviceLevel"}}</pre>
 */
public final class WallboardJson {

  private static final DateTimeFormatter QUARTER = DateTimeFormatter.ofPattern("HH:mm");

  private final JsonProvider json;

  public WallboardJson(JsonProvider json) {
    this.json = json;
  }

  /**
   * @param zone the account's, for the curve's labels
   */
  public String of(Board board, Thresholds thresholds, ZoneId zone, String pass) {
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject().write("at", millis(board.at())).write("pass", pass);
      g.writeStartArray("groups");
      board.groups().forEach(group -> group(g, group, thresholds));
      g.writeEnd();
      g.writeStartArray("agents");
      board.agents().forEach(agent -> agent(g, agent));
      g.writeEnd();
      curve(g, board.curve(), zone);
      g.writeEnd();
    }
    return out.toString();
  }

  private static void group(JsonGenerator g, GroupLine group, Thresholds thresholds) {
    AgentCounts agents = group.agents();
    DayFigures today = group.today();
    g.writeStartObject()
        .write("name", group.name())
        .write("waiting", group.waiting())
        .write("longestWait", group.longestWait());
    g.writeStartObject("agents")
        .write("available", agents.available())
        .write("busy", agents.busy())
        .write("wrapUp", agents.wrapUp())
        .write("unavailable", agents.unavailable())
        .write("connected", agents.connected())
        .writeEnd();
    g.writeStartObject("today")
        .write("offered", today.offered())
        .write("answered", today.answered())
        .write("abandoned", today.abandoned())
        .write("serviceLevel", today.serviceLevel())
        .write("abandonRate", today.abandonRate())
        .write("averageWait", today.averageWait())
        .write("averageHandle", today.averageHandle())
        .writeEnd();
    g.writeStartObject("signals")
        .write("serviceLevel", thresholds.serviceLevel(today.serviceLevel()).name())
        .write("abandonRate", thresholds.abandonRate(today.abandonRate()).name())
        .write("longestWait", thresholds.waiting(group.longestWait()).name())
        .write("averageWait", thresholds.waiting(today.averageWait()).name())
        .writeEnd();
    g.writeEnd();
  }

  private static void agent(JsonGenerator g, AgentLine agent) {
    g.writeStartObject().write("login", agent.login()).write("name", agent.name());
    g.writeStartArray("groups");
    agent.groups().forEach(g::write);
    g.writeEnd();
    g.writeStartArray("inbound");
    agent.inbound().forEach(g::write);
    g.writeEnd();
    g.write("availability", agent.availability().name());
    if (agent.activity() == null) {
      g.writeNull("activity");
    } else {
      g.write("activity", agent.activity().name());
    }
    if (agent.since() == null) {
      g.writeNull("since");
    } else {
      g.write("since", millis(agent.since()));
    }
    if (agent.call() == null) {
      g.writeNull("call");
    } else {
      g.writeStartObject("call")
          .write("number", agent.call().number())
          .write("group", agent.call().group())
          .write("since", millis(agent.call().since()))
          .writeEnd();
    }
    g.writeStartObject("today")
        .write("answered", agent.today().answered())
        .write("missed", agent.today().missed())
        .write("handle", agent.today().handle())
        .writeEnd();
    g.writeEnd();
  }

  private static void curve(JsonGenerator g, List<Slot> curve, ZoneId zone) {
    g.writeStartObject("curve");
    g.writeStartArray("labels");
    curve.forEach(s -> g.write(s.from().atZoneSameInstant(zone).format(QUARTER)));
    g.writeEnd().writeStartArray("offered");
    curve.forEach(s -> g.write(s.offered()));
    g.writeEnd().writeStartArray("answered");
    curve.forEach(s -> g.write(s.answered()));
    g.writeEnd().writeStartArray("abandoned");
    curve.forEach(s -> g.write(s.abandoned()));
    g.writeEnd().writeStartArray("serviceLevel");
    curve.forEach(
        s -> {
          if (s.serviceLevel() == null) {
            g.writeNull();
          } else {
            g.write(Math.round(s.serviceLevel() * 1000) / 10.0);
          }
        });
    g.writeEnd();
    g.writeEnd();
  }

  private static long millis(OffsetDateTime at) {
    return at.toInstant().toEpochMilli();
  }
}
