package org.relais.web.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
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

  /** Events waiting to be sent; beyond, the subscribers read too slowly and their streams close. */
  private static final int BACKLOG = 50_000;

  @Resource ManagedThreadFactory threads;
  private ExecutorService sender;

  private final Map<Long, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final Jsonb jsonb = JsonbBuilder.create();

  /** Looked up once: {@code Json.createReader} and the like search the class path at each call. */
  private final JsonProvider json = JsonProvider.provider();

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

  void publish(@Observes AcdEvents committed) {
    for (AcdEvent event : committed.events()) {
      List<Subscriber> listeners = subscribers.get(event.accountId());
      if (listeners != null && !listeners.isEmpty()) {
        publish(event, listeners);
      }
    }
  }

  private void publish(AcdEvent event, List<Subscriber> listeners) {
    try {
      sender.execute(() -> send(event, listeners));
    } catch (RejectedExecutionException e) {
      // Closed rather than left with a gap: a client that reconnects reads the state afresh.
      LOG.warning("event subscribers of account " + event.accountId() + " fell behind: closed");
      listeners.forEach(s -> s.sink().close());
      listeners.clear();
    }
  }

  private void send(AcdEvent event, List<Subscriber> listeners) {
    String json = toJson(event);
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

  /**
   * The event's fields with its {@code type}, without the internal account and agent ids (agents
   * are named by login).
   */
  String toJson(AcdEvent event) {
    JsonObject fields;
    try (var reader = json.createReader(new StringReader(jsonb.toJson(event)))) {
      fields = reader.readObject();
    }
    JsonObjectBuilder out = json.createObjectBuilder().add("type", event.type());
    fields.forEach(
        (name, value) -> {
          if (name.equals("callId")) {
            out.add(name, value.toString()); // ids are strings in the API, as sim answers them
          } else if (!name.equals("accountId") && !name.equals("agentId")) {
            out.add(name, value);
          }
        });
    return out.build().toString();
  }
}
