package org.relais.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.relais.web.it.Api.Caller;

/** A subscriber of {@code GET /api/v1/events}: collects every event of the account, in order. */
final class EventFeed implements AutoCloseable {

  /** Found once: {@code Json.createReader} searches the class path for a provider each time. */
  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  private final List<JsonObject> events = new ArrayList<>();
  private final Runnable disconnect;

  EventFeed(String baseUrl, Caller caller) {
    this(subscribe(baseUrl, caller).body());
  }

  private EventFeed(Stream<String> lines) {
    this(lines, lines::close);
  }

  /** Reads the events of a stream's lines, on a thread of its own, until the stream ends. */
  EventFeed(Stream<String> lines, Runnable disconnect) {
    this.disconnect = disconnect;
    Thread reader =
        new Thread(
            () -> {
              try {
                lines.filter(line -> line.startsWith("data:")).forEach(this::add);
              } catch (UncheckedIOException closed) {
                // The feed was closed while reading.
              }
            });
    reader.setDaemon(true);
    reader.start();
  }

  private static HttpResponse<Stream<String>> subscribe(String baseUrl, Caller caller) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "api/v1/events"))
            .header("Accept", "text/event-stream")
            .header("Authorization", caller.authorization())
            .build();
    try {
      // The server commits the response once the subscription is registered.
      return HttpClient.newHttpClient()
          .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("no event stream", e);
    }
  }

  private void add(String line) {
    try (var reader = JSON.createReader(new StringReader(line.substring(5).trim()))) {
      JsonObject event = reader.readObject();
      synchronized (events) {
        events.add(event);
      }
    }
  }

  /** The events received so far. */
  List<JsonObject> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Waits until an event matches; answers all events received until then. */
  List<JsonObject> awaitEvent(Duration quiet, Predicate<JsonObject> wanted) {
    return awaitEvents(quiet, events -> events.stream().anyMatch(wanted));
  }

  /**
   * Waits until the events received so far satisfy the condition; answers them. Gives up only when
   * no event has come for {@code quiet}: a slow server still delivering is waited for, as long as
   * it delivers, whatever the machine's speed.
   */
  List<JsonObject> awaitEvents(Duration quiet, Predicate<List<JsonObject>> done) {
    List<JsonObject> now = events();
    Instant lastNews = Instant.now();
    int seen = now.size();
    while (!done.test(now)) {
      if (now.size() > seen) {
        seen = now.size();
        lastNews = Instant.now();
      } else if (Instant.now().isAfter(lastNews.plus(quiet))) {
        throw new AssertionError(
            "events incomplete: none for "
                + quiet
                + " after "
                + seen
                + "; the last ones: "
                + now.subList(Math.max(0, seen - 5), seen));
      }
      Await.pause();
      now = events();
    }
    return now;
  }

  @Override
  public void close() {
    disconnect.run();
  }
}
