package org.relais.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.relais.account.AccountTime;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.BannerModule;
import org.relais.call.Call;
import org.relais.card.CardUrl;
import org.relais.desk.DeskQueries;
import org.relais.directory.Directory;
import org.relais.presence.AgentPresence;
import org.relais.web.security.CurrentCaller;

/**
 * The screen pop (SPEC B8): each call that rings the agent (or that the agent places) opens a card
 * tab with the call's information and the customer journey, and either the caller's contact from
 * the directory or the group's CRM page. Cards stay open after the call, for notes and callbacks;
 * beyond the agent's maximum of open cards (SPEC D3), the oldest closes by itself.
 */
@Named
@ViewScoped
public class CardsView implements Serializable {

  /** The cards region of the banner. */
  private static final String CARDS = "desk:cards";

  @Inject transient CurrentCaller caller;
  @Inject transient AgentService agents;
  @Inject transient DeskQueries desk;
  @Inject transient Directory directory;
  @Inject transient AccountTime accountTime;

  private String login;
  private final List<Card> cards = new ArrayList<>();
  private String active;

  /** One card: the call's facts, and where the caller is described. */
  public record Card(
      String callId,
      String direction,
      String number,
      OffsetDateTime at,
      String group,
      long waited,
      String ivrPath,
      String crmUrl,
      CardContact contact)
      implements Serializable {

    Card identified(CardContact found) {
      return new Card(callId, direction, number, at, group, waited, ivrPath, crmUrl, found);
    }
  }

  /** The caller as the directory knows it: its name and the fields that have a value. */
  public record CardContact(long id, String name, List<DirectoryView.Field> fields)
      implements Serializable {}

  @PostConstruct
  void init() {
    login = caller.login();
    reload();
  }

  /**
   * Opens the card of the call in the agent's hands, once per call; every pushed change of the desk
   * calls it. The cards region is rendered again only when a card opened.
   */
  public void reload() {
    Agent agent = agents.get(caller.account(), login);
    if (!agent.hasModule(BannerModule.SCREEN_POP)) {
      return;
    }
    Call call = desk.presence(agent).map(AgentPresence::getCall).orElse(null);
    if (call == null || cards.stream().anyMatch(c -> c.callId().equals(call.getId().toString()))) {
      return;
    }
    cards.add(cardOf(call, agent).identified(identify(agent, call.customerNumber())));
    active = call.getId().toString();
    int max = agent.getSettings().getMaxOpenCards();
    while (cards.size() > max) {
      cards.remove(0);
    }
    if (PrimeFaces.current().isAjaxRequest()) {
      PrimeFaces.current().ajax().update(CARDS);
    }
  }

  private static Card cardOf(Call call, Agent agent) {
    String template = call.getGroup() == null ? null : call.getGroup().settings().cardUrl();
    String crmUrl = null;
    if (template != null && !template.isBlank()) {
      Map<String, String> values = new HashMap<>();
      values.put("caller", call.customerNumber());
      values.put("group", call.getGroupName());
      values.put("callId", call.getId().toString());
      values.put("agent", agent.getLogin());
      values.put("ivrPath", call.getIvrPath());
      crmUrl = new CardUrl(template).expand(values);
    }
    return new Card(
        call.getId().toString(),
        call.getDirection().name(),
        call.customerNumber(),
        call.getArrivedAt(),
        call.getGroupName(),
        call.waitSeconds(),
        call.getIvrPath(),
        crmUrl,
        null);
  }

  /** Looks the callers of unknown cards up again: the agent may just have created their contact. */
  public void reidentify() {
    Agent agent = agents.get(caller.account(), login);
    cards.replaceAll(c -> c.contact() == null ? c.identified(identify(agent, c.number())) : c);
  }

  private CardContact identify(Agent agent, String number) {
    return directory
        .identify(agent.getAccount(), agent, number)
        .map(c -> new CardContact(c.getId(), c.displayName(), DirectoryView.fields(c.details())))
        .orElse(null);
  }

  public void select(String callId) {
    active = callId;
  }

  public void close(String callId) {
    cards.removeIf(c -> c.callId().equals(callId));
    if (callId.equals(active)) {
      active = cards.isEmpty() ? null : cards.get(cards.size() - 1).callId();
    }
  }

  public List<Card> getCards() {
    return cards;
  }

  public Card getActiveCard() {
    return cards.stream().filter(c -> c.callId().equals(active)).findFirst().orElse(null);
  }

  /** The zone call times are shown in: the account's, as everywhere in the banner. */
  public String getZone() {
    return accountTime.zone(caller.account()).getId();
  }

  public String getActive() {
    return active;
  }
}
