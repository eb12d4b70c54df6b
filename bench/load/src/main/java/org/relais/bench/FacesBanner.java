package org.relais.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One agent's banner, opened as a browser opens it (the login form, then the banner page in a
 * session of its own), whose live parts are read again as the banner's script does on a push.
 */
final class FacesBanner {

  /** What a push makes the banner read again: its whole desk, or only its queues and team. */
  enum Part {
    DESK("desk:refreshDesk", "relais-live"),
    SHARED("desk:refreshShared", "relais-shared");

    private final String command;
    private final Pattern tags;

    Part(String command, String styleClass) {
      this.command = command;
      this.tags = Pattern.compile("<[^>]*\\bclass=\"[^\"]*\\b" + styleClass + "\\b[^\"]*\"[^>]*>");
    }
  }

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
  /** The banner's desk channel, as the page hands it to the websocket script. */
  private static final Pattern DESK_CHANNEL =
      Pattern.compile("[\"']([^\"']*/jakarta\\.faces\\.push/desk\\?[^\"']+)[\"']");

  private final HttpClient http;
  private final URI page;
  private final String viewState;
  private final Map<Part, String> renderedIds = new LinkedHashMap<>();
  private final URI deskChannel;

  private FacesBanner(HttpClient http, URI page, String html) {
    this.http = http;
    this.page = page;
    this.viewState = first(VIEW_STATE, html);
    for (Part part : Part.values()) {
      idsOf(part, html).ifPresent(ids -> renderedIds.put(part, ids));
    }
    String channel = first(DESK_CHANNEL, html);
    this.deskChannel = channel.startsWith("ws")
        ? URI.create(channel)
        : URI.create("ws" + page.toString().substring(4, page.toString().indexOf('/', 8)) + channel);
  }

  /** The same agent's banner opened again in its session, as a second tab opens it. */
  FacesBanner openAgain() throws Exception {
    HttpResponse<String> banner = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
    return new FacesBanner(http, banner.uri(), banner.body());
  }

  /** The websocket address of the banner's desk channel. */
  URI deskChannel() {
    return deskChannel;
  }

  /** Logs the agent in through the login form and opens its banner. */
  static FacesBanner open(String base, String account, String login, String password) throws Exception {
    HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    URI loginPage = URI.create(base + "login.xhtml");
    String form = http.send(HttpRequest.newBuilder(loginPage).build(), HttpResponse.BodyHandlers.ofString()).body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login", "login");
    fields.put("login:account", account);
    fields.put("login:username", login);
    fields.put("login:password", password);
    fields.put("login:submit", "");
    fields.put("jakarta.faces.ViewState", first(VIEW_STATE, form));
    HttpResponse<String> banner = http.send(formPost(loginPage, fields).build(), HttpResponse.BodyHandlers.ofString());
    if (!banner.uri().getPath().endsWith("/agent/banner.xhtml")) {
      throw new IllegalStateException(login + "@" + account + " did not reach the banner: " + banner.uri());
    }
    return new FacesBanner(http, banner.uri(), banner.body());
  }

  /**
   * Reads the part again; false when the server answered anything but a clean partial update, or
   * the banner has no such part (a build whose banner reads it no more).
   */
  boolean refresh(Part part) throws Exception {
    if (!renderedIds.containsKey(part)) {
      return false;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("jakarta.faces.partial.ajax", "true");
    fields.put("jakarta.faces.source", part.command);
    fields.put("jakarta.faces.partial.execute", part.command);
    fields.put("jakarta.faces.partial.render", renderedIds.get(part));
    fields.put(part.command, part.command);
    fields.put("desk", "desk");
    fields.put("jakarta.faces.ViewState", viewState);
    HttpResponse<String> reply = http.send(
        formPost(page, fields).header("Faces-Request", "partial/ajax").build(),
        HttpResponse.BodyHandlers.ofString());
    return reply.statusCode() == 200
        && reply.body().contains("<partial-response")
        && !reply.body().contains("<error>");
  }

  /** The client ids the script's selector finds, as the banner's script sends them. */
  private static Optional<String> idsOf(Part part, String html) {
    List<String> ids = new ArrayList<>();
    Matcher tags = part.tags.matcher(html);
    while (tags.find()) {
      Matcher id = ID.matcher(tags.group());
      if (id.find()) {
        ids.add(id.group(1));
      }
    }
    return ids.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", ids));
  }

  private static HttpRequest.Builder formPost(URI uri, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
        .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String first(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern.pattern() + " in the page");
    }
    return m.group(1);
  }
}
