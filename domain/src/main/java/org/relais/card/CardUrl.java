package org.relais.card;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A group's external CRM card (SPEC B8): a URL template whose placeholders ({@code {caller}},
 * {@code {group}}, {@code {callId}}, {@code {agent}}, {@code {ivrPath}}) take the call's values,
 * URL-encoded, so that a caller's number or a group's name can never break out of its parameter. A
 * placeholder the call does not know becomes empty; other braces are left alone.
 */
public final class CardUrl {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{(caller|group|callId|agent|ivrPath)}");

  private final String template;

  public CardUrl(String template) {
    this.template = Objects.requireNonNull(template);
  }

  /** The URL for one call; {@code values} maps placeholder names to raw values (null: unknown). */
  public String expand(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder url = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(url, Matcher.quoteReplacement(encode(value == null ? "" : value)));
    }
    m.appendTail(url);
    return url.toString();
  }

  /** Percent-encoding valid in a path as in a query: spaces as {@code %20}, never {@code +}. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return template;
  }
}
