package org.relais.web.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.relais.ConflictException;
import org.relais.NoSuchEntityException;
import org.relais.NotPermittedException;
import org.relais.acd.Acd;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.dialer.CampaignContact;
import org.relais.dialer.DialMode;
import org.relais.dialer.DialerQueries;
import org.relais.web.security.CurrentCaller;

/**
 * The outbound engine's module (SPEC B11, Moteur d'appels sortants): the mode, the contact in hand
 * (Aperçu), the contact list (contact, groups, status, callback date); Next (preview), Call,
 * Reserve, and Modifier rappel with the manual's quick delays or a date. A call a rule refuses says
 * which rule, in the agent's language.
 */
@Named
@ViewScoped
public class DialerView implements Serializable {

  /** Modifier rappel's quick delays, in minutes: 5, 10, 15, 20, 30 min, 1, 2, 4 h, 1 day. */
  private static final List<Integer> QUICK = List.of(5, 10, 15, 20, 30, 60, 120, 240, 1440);

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @Inject transient Acd acd;
  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;
  @Inject transient DialerQueries queries;
  @Inject transient Clock clock;

  private DialMode mode = DialMode.MANUAL;
  private Line current;
  private List<Line> contacts = List.of();
  private Long selected;
  private LocalDateTime at;

  /** A contact as the module shows it. */
  public record Line(
      long id, String number, String name, String group, String status, String nextAttempt) {}

  /** Reads the module again; called each time it is rendered. */
  public void reload() {
    Agent agent = agent();
    DialerQueries.DialerDesk desk = queries.desk(agent);
    ZoneId zone = agent.getAccount().getTimeZone();
    mode = desk.mode();
    current = desk.current() == null ? null : line(desk.current(), zone);
    contacts = desk.contacts().stream().map(c -> line(c, zone)).toList();
  }

  /** Preview: reserves the next contact due, which becomes the one in hand. */
  public void next() {
    act(
        () -> {
          if (acd.nextContact(agent().getId()) == null) {
            Messages.info("dialer.none");
          }
        });
  }

  /** Calls the contact in hand, or the one picked in the list. */
  public void call() {
    Long id = target();
    if (id != null) {
      act(() -> acd.callContact(agent().getId(), id));
    }
  }

  public void reserve() {
    Long id = target();
    if (id != null) {
      act(() -> acd.reserveContact(agent().getId(), id));
    }
  }

  /** Modifier rappel: in so many minutes. */
  public void rescheduleIn(int minutes) {
    Long id = target();
    if (id != null) {
      act(
          () ->
              acd.rescheduleContact(
                  agent().getId(),
                  id,
                  OffsetDateTime.now(clock).plus(Duration.ofMinutes(minutes))));
    }
  }

  /** Modifier rappel: at the date and time chosen, in the account's zone. */
  public void rescheduleAt() {
    Long id = target();
    if (id == null || at == null) {
      return;
    }
    ZoneId zone = agent().getAccount().getTimeZone();
    OffsetDateTime when = at.atZone(zone).toOffsetDateTime();
    if (!when.isAfter(OffsetDateTime.now(clock))) {
      Messages.error(null, "dialer.atPast");
      return;
    }
    act(() -> acd.rescheduleContact(agent().getId(), id, when));
  }

  /** Picks a contact of the list. */
  public void pick(long id) {
    selected = id;
  }

  private Long target() {
    if (selected != null) {
      return selected;
    }
    if (current != null) {
      return current.id();
    }
    Messages.error(null, "dialer.none");
    return null;
  }

  private void act(Runnable command) {
    try {
      command.run();
      selected = null;
    } catch (ConflictException e) {
      // The rule's name (outside_calling_hours, dnc, refused_recently, max_attempts, reserved) or
      // conflict.
      Messages.error(null, "dialer.refused." + e.error());
    } catch (NoSuchEntityException e) {
      Messages.error(null, "dialer.refused.conflict");
    } catch (NotPermittedException e) {
      Messages.error(null, "banner.moduleOff");
    }
  }

  private Line line(CampaignContact c, ZoneId zone) {
    return new Line(
        c.getId(),
        c.getNumber(),
        c.displayName(),
        c.getCampaign().getGroup().getName(),
        c.getStatus().name(),
        c.getNextAttempt() == null ? "" : c.getNextAttempt().atZoneSameInstant(zone).format(SHOWN));
  }

  private Agent agent() {
    return agents.get(caller.account(), caller.login());
  }

  /** A quick delay of Modifier rappel and its label: 5 min, 1 h, 1 day (in the user's language). */
  public record Delay(int minutes, String label) {}

  public List<Delay> getQuickDelays() {
    return QUICK.stream()
        .map(
            m ->
                new Delay(
                    m,
                    m < 60
                        ? m + " min"
                        : m < 1440 ? m / 60 + " h" : Messages.text("dialer.oneDay")))
        .toList();
  }

  public DialMode getMode() {
    return mode;
  }

  public Line getCurrent() {
    return current;
  }

  public List<Line> getContacts() {
    return contacts;
  }

  public Long getSelected() {
    return selected;
  }

  public LocalDateTime getAt() {
    return at;
  }

  public void setAt(LocalDateTime at) {
    this.at = at;
  }
}
