package org.relais.web.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvents;

/**
 * Streams committed ACD events to the SSE subscribers of their account. The engine fires them once
 * committed ({@link AcdEvents}), so a subscriber never sees what was rolled back; they are handed
 * in commit order to one sending thread: the engine never waits for a subscriber's network, and a
 * subscriber still sees the events in commit order. Internal ids stay inside: the JSON names agents
 * by login.
 */
@ApplicationScoped
public class EventStream {

  private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

  /**
   * Transactions' events waiting to be sent; beyond, the subscribers read too slowly and their
   * streams close.
   */
  private static final int BACKLOG = 50_000;

  @Resource ManagedThreadFactory threads;
  private ExecutorService sender;

  private final Map<Long, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

  /**
   * Its provider looked up once: {@code Json.createGenerator} searches the class path each time.
   */
  private final EventJson json = new EventJson(JsonProvider.provider());

  private record Subscriber(SseEventSink sink, Sse sse) {}

  @PostConstruct
  void start() {
    sender =
        new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(BACKLOG), threads);
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
  }

  public void subscribe(long accountId, SseEventSink sink, Sse sse) {
    subscribers
        .computeIfAbsent(accountId, id -> new CopyOnWriteArrayList<>())
        .add(new Subscriber(sink, sse));
    // A first comment commits the response: the client knows it will miss nothing from now on.
    sink.send(sse.newEventBuilder().comment("subscribed").build());
  }

  /**
   * Hands the events some subscriber watches to the sending thread, one task for the whole
   * transaction: with one per event, parking and waking the thread took a fifth of its time.
   */
  void publish(@Observes AcdEvents committed) {
    List<AcdEvent> watched =
        committed.events().stream().filter(event -> watched(event.accountId())).toList();
    if (watched.isEmpty()) {
      return;
    }
    try {
      sender.execute(() -> watched.forEach(this::send));
    } catch (RejectedExecutionException e) {
      watched.stream().map(AcdEvent::accountId).distinct().forEach(this::closeFellBehind);
    }
  }

  private boolean watched(long accountId) {
    List<Subscriber> listeners = subscribers.get(accountId);
    return listeners != null && !listeners.isEmpty();
  }

  /** Closed rather than left with a gap: a client that reconnects reads the state afresh. */
  private void closeFellBehind(long accountId) {
    LOG.warning("event subscribers of account " + accountId + " fell behind: closed");
    List<Subscriber> listeners = subscribers.get(accountId);
    if (listeners != null) {
      listeners.forEach(s -> s.sink().close());
      listeners.clear();
    }
  }

  private void send(AcdEvent event) {
    List<Subscriber> listeners = subscribers.getOrDefault(event.accountId(), List.of());
    if (listeners.isEmpty()) {
      return;
    }
    String json = this.json.of(event);
    for (Subscriber s : listeners) {
      if (s.sink().isClosed()) {
        listeners.remove(s);
        continue;
      }
      s.sink()
          .send(
              s.sse()
                  .newEventBuilder()
                  .name(event.type())
                  .mediaType(MediaType.APPLICATION_JSON_TYPE)
                  .data(json)
                  .build())
          .exceptionally(
              failure -> {
                listeners.remove(s);
                return null;
              });
    }
  }
}
