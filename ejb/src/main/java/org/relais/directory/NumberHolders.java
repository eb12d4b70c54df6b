package org.relais.directory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which contact a number identifies (SPEC B8 screen pop, B6 history names) when several have it:
 * the viewer's own private contact first, then the oldest. Given the contacts found for some E.164
 * numbers, keeps one per number.
 */
final class NumberHolders {

  /** Among contacts that share a number: the private one first, then the oldest. */
  static final Comparator<Contact> PREFERRED =
      Comparator.comparing(Contact::isPublic)
          .thenComparing(Contact::getCreatedAt)
          .thenComparing(Contact::getId, Comparator.nullsLast(Comparator.naturalOrder()));

  private final Set<String> numbers;
  private final Map<String, Contact> chosen = new HashMap<>();

  /**
   * @param numbers the E.164 numbers asked for
   */
  NumberHolders(Collection<String> numbers) {
    this.numbers = Set.copyOf(numbers);
  }

  /** Weighs a contact found for one or more of the numbers against those found before. */
  void offer(Contact contact) {
    contact
        .numbersE164()
        .filter(numbers::contains)
        .forEach(n -> chosen.merge(n, contact, (a, b) -> PREFERRED.compare(a, b) <= 0 ? a : b));
  }

  void offerAll(Collection<Contact> contacts) {
    contacts.forEach(this::offer);
  }

  /** The contact each number identifies; numbers no contact has are absent. */
  Map<String, Contact> chosen() {
    return Map.copyOf(chosen);
  }
}
