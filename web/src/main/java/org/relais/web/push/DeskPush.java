package org.relais.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.event.WebsocketEvent.Closed;
import jakarta.faces.event.WebsocketEvent.Opened;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvents;

/**
 * Carries committed ACD events to the open banners over the Faces websocket channel {@code desk}
 * (SPEC C5). Each banner opens the channel as user {@code accountId:agentId}; an event goes to
 * every open banner of its account, which then reads its desk again. Only the account's banners
 * hear it: the channel never crosses accounts.
 */
@ApplicationScoped
public class DeskPush {

  public static final String CHANNEL = "desk";

  /** The message: the banner's desk changed. */
  static final String CHANGED = "changed";

  @Inject
  @Push(channel = CHANNEL)
  PushContext desk;

  /** Open banners per account, as the websocket users they registered with. */
  private final Map<Long, Set<String>> openBanners = new ConcurrentHashMap<>();

  void opened(@Observes @Opened WebsocketEvent socket) {
    if (CHANNEL.equals(socket.getChannel()) && socket.getUser() instanceof String user) {
      openBanners.computeIfAbsent(accountOf(user), a -> ConcurrentHashMap.newKeySet()).add(user);
    }
  }

  void closed(@Observes @Closed WebsocketEvent socket) {
    if (CHANNEL.equals(socket.getChannel()) && socket.getUser() instanceof String user) {
      Set<String> users = openBanners.get(accountOf(user));
      if (users != null) {
        users.remove(user);
      }
    }
  }

  /**
   * One message per account a transaction changed, however many events it committed: a banner reads
   * its whole desk again on any message, so it needs to hear only that something changed. Sent per
   * event, a busy account's banners each received dozens of messages per transaction.
   */
  void announce(@Observes AcdEvents committed) {
    committed.events().stream()
        .map(AcdEvent::accountId)
        .distinct()
        .forEach(
            accountId -> {
              Set<String> users = openBanners.get(accountId);
              if (users != null && !users.isEmpty()) {
                desk.send(CHANGED, users);
              }
            });
  }

  private static long accountOf(String user) {
    return Long.parseLong(user.substring(0, user.indexOf(':')));
  }
}
