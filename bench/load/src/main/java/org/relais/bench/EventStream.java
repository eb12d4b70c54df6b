package org.relais.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** An account's event stream ({@code /api/v1/events}), read line by line on a thread of its own. */
final class EventStream {

  private EventStream() {}

  /**
   * Subscribes as this user, then hands each line of the stream ({@code event: ...}, {@code data:
   * ...}) to {@code line} until the stream ends. Returns once subscribed, so that no event of what
   * the caller does next is missed.
   */
  static Thread follow(ApiClient api, String user, String password, Consumer<String> line)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "api/v1/events"))
        .header("Accept", "text/event-stream")
        .header("Authorization", ApiClient.basic(user, password)).build();
    HttpResponse<InputStream> response = api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the event stream answered " + response.statusCode());
    }
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        for (String next = lines.readLine(); next != null; next = lines.readLine()) {
          line.accept(next);
        }
      } catch (IOException e) {
        // the stream ends with the run
      }
    });
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
