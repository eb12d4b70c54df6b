package org.relais.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.relais.acd.AcdEvent;

/**
 * Streams committed ACD events to the SSE subscribers of their account. Events are observed {@code
 * AFTER_SUCCESS}, in the committing thread, so a subscriber sees them in commit order and never
 * sees what was rolled back. Internal ids stay inside: the JSON names agents by login.
 */
@ApplicationScoped
public class EventStream {

  private final Map<Long, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final Jsonb jsonb = JsonbBuilder.create();

  private record Subscriber(SseEventSink sink, Sse sse) {}

  public void subscribe(long accountId, SseEventSink sink, Sse sse) {
    subscribers
        .computeIfAbsent(accountId, id -> new CopyOnWriteArrayList<>())
        .add(new Subscriber(sink, sse));
    // A first comment commits the response: the client knows it will miss nothing from now on.
    sink.send(sse.newEventBuilder().comment("subscribed").build());
  }

  void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) AcdEvent event) {
    List<Subscriber> listeners = subscribers.get(event.accountId());
    if (listeners == null || listeners.isEmpty()) {
      return;
    }
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
    try (var reader = Json.createReader(new StringReader(jsonb.toJson(event)))) {
      fields = reader.readObject();
    }
    JsonObjectBuilder out = Json.createObjectBuilder().add("type", event.type());
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
