package org.relais.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.relais.InvalidFieldException;

/**
 * The rules of a directory search (SPEC B10), as a JPQL condition on {@code Contact c}: who sees
 * what, then every word of the query in the folded names, company and e-mail, whatever the accents
 * and case; or, when the query looks like a number, that number in any format of the account's
 * country in any of the four phone fields, and three digits or more in part of one.
 */
final class ContactSearch {

  /** The largest query, in characters. */
  static final int MAX_QUERY = 200;

  static final String VISIBLE =
      "c.account.id = :account AND (c.ownerId IS NULL OR c.ownerId = :viewer)";
  static final String PUBLIC = "c.account.id = :account AND c.ownerId IS NULL";

  private static final Pattern NUMBER_QUERY = Pattern.compile("[+0-9 ().-]+");

  private final List<String> words;
  private final String number;
  private final String digits;
  private final StringBuilder where = new StringBuilder();
  private final Map<String, Object> parameters = new HashMap<>();

  /**
   * @param viewerId the agent whose private contacts are searched too, or null for the public
   *     contacts alone
   * @throws InvalidFieldException naming {@code q} for a query of more than {@link #MAX_QUERY}
   */
  ContactSearch(long accountId, Long viewerId, String query, PhoneNumbers plan) {
    parameters.put("account", accountId);
    if (viewerId == null) {
      where.append(PUBLIC);
    } else {
      where.append(VISIBLE);
      parameters.put("viewer", viewerId);
    }
    if (query == null || query.isBlank()) {
      words = List.of();
      number = null;
      digits = null;
      return;
    }
    if (query.length() > MAX_QUERY) {
      throw new InvalidFieldException("q", "at most " + MAX_QUERY + " characters");
    }
    words = List.of(ContactDetails.fold(query).strip().split("\\s+"));
    boolean numeric = NUMBER_QUERY.matcher(query.strip()).matches();
    number = numeric ? plan.e164(query).orElse(null) : null;
    String significant = numeric ? significantDigits(query) : "";
    digits = significant.length() >= 3 ? significant : null;

    List<String> alternatives = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      conditions.add("c.searchText LIKE :w" + i + " ESCAPE '!'");
      parameters.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
    }
    alternatives.add(String.join(" AND ", conditions));
    if (number != null) {
      alternatives.add(anyPhone("= :n"));
      parameters.put("n", number);
    }
    if (digits != null) {
      alternatives.add(anyPhone("LIKE :d"));
      parameters.put("d", "%" + digits + "%");
    }
    where.append(" AND ((").append(String.join(") OR (", alternatives)).append("))");
  }

  /** The folded words that must all be in the names, company or e-mail. */
  List<String> words() {
    return words;
  }

  /** The E.164 number the query is, if it is one. */
  Optional<String> number() {
    return Optional.ofNullable(number);
  }

  /** The digits that part of a number must contain, for a numeric query of three digits or more. */
  Optional<String> digits() {
    return Optional.ofNullable(digits);
  }

  /** The JPQL condition on {@code Contact c}. */
  String where() {
    return where.toString();
  }

  Map<String, Object> parameters() {
    return Map.copyOf(parameters);
  }

  /** The condition on any of the four E.164 columns. */
  private static String anyPhone(String test) {
    return String.join(
        " OR ",
        ContactField.PHONES.stream().map(f -> "c." + f.e164Attribute() + " " + test).toList());
  }

  /** The digits of a partial number, without the national or international trunk prefix. */
  private static String significantDigits(String query) {
    String digits = query.replaceAll("[^0-9]", "");
    if (query.strip().startsWith("+")) {
      return digits;
    }
    if (digits.startsWith("00")) {
      return digits.substring(2);
    }
    return digits.startsWith("0") ? digits.substring(1) : digits;
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
