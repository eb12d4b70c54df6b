package org.relais.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.relais.directory.ContactProblem.Reason;

/**
 * What a contact card says (SPEC B8, B10), as people typed it: names, company, e-mail, the four
 * numbers, category, call data, address and description. Blank values are absent ({@code null});
 * others are stripped. {@link #problems} tells what a {@link Contact} would refuse.
 */
public record ContactDetails(
    String lastName,
    String firstName,
    String company,
    String email,
    String office,
    String mobile,
    String home,
    String other,
    String category,
    String callData,
    String address,
    String description) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  public ContactDetails {
    lastName = clean(lastName);
    firstName = clean(firstName);
    company = clean(company);
    email = clean(email);
    office = clean(office);
    mobile = clean(mobile);
    home = clean(home);
    other = clean(other);
    category = clean(category);
    callData = clean(callData);
    address = clean(address);
    description = clean(description);
  }

  /** Details whose value for each field {@code values} gives. */
  public static ContactDetails of(Function<ContactField, String> values) {
    return new ContactDetails(
        values.apply(ContactField.LAST_NAME),
        values.apply(ContactField.FIRST_NAME),
        values.apply(ContactField.COMPANY),
        values.apply(ContactField.EMAIL),
        values.apply(ContactField.OFFICE),
        values.apply(ContactField.MOBILE),
        values.apply(ContactField.HOME),
        values.apply(ContactField.OTHER),
        values.apply(ContactField.CATEGORY),
        values.apply(ContactField.CALL_DATA),
        values.apply(ContactField.ADDRESS),
        values.apply(ContactField.DESCRIPTION));
  }

  /** The value of one field, null when absent. */
  public String value(ContactField field) {
    return switch (field) {
      case LAST_NAME -> lastName;
      case FIRST_NAME -> firstName;
      case COMPANY -> company;
      case EMAIL -> email;
      case OFFICE -> office;
      case MOBILE -> mobile;
      case HOME -> home;
      case OTHER -> other;
      case CATEGORY -> category;
      case CALL_DATA -> callData;
      case ADDRESS -> address;
      case DESCRIPTION -> description;
    };
  }

  /** Every reason a contact would refuse these details, field by field, in field order. */
  public List<ContactProblem> problems(PhoneNumbers numbers) {
    return check(numbers).problems();
  }

  /**
   * Checks every field once: the problems, in field order, and the E.164 form of each number. An
   * import checks each row once this way and builds its contact from the result.
   */
  public Checked check(PhoneNumbers numbers) {
    List<ContactProblem> problems = new ArrayList<>(0);
    if (lastName == null && company == null) {
      problems.add(new ContactProblem(ContactField.LAST_NAME.apiName(), Reason.REQUIRED));
    }
    Map<ContactField, String> e164 = new EnumMap<>(ContactField.class);
    for (ContactField field : ContactField.values()) {
      String value = value(field);
      if (value == null) {
        continue;
      }
      if (value.length() > field.maxLength()) {
        problems.add(new ContactProblem(field.apiName(), Reason.TOO_LONG, field.maxLength()));
      } else if (field.isPhone()) {
        PhoneNumbers.Normalised n = numbers.normalise(value);
        if (n.problem() != null) {
          problems.add(new ContactProblem(field.apiName(), n.problem()));
        } else {
          e164.put(field, n.e164());
        }
      } else if (field == ContactField.EMAIL && !EMAIL.matcher(value).matches()) {
        problems.add(new ContactProblem(field.apiName(), Reason.INVALID_EMAIL));
      }
    }
    return new Checked(this, List.copyOf(problems), Collections.unmodifiableMap(e164));
  }

  /** Details once checked: what is wrong with them, else the E.164 form of their numbers. */
  public record Checked(
      ContactDetails details, List<ContactProblem> problems, Map<ContactField, String> e164) {

    public boolean valid() {
      return problems.isEmpty();
    }

    /** The E.164 form of a phone field, null when the field is empty or refused. */
    public String e164(ContactField field) {
      return e164.get(field);
    }
  }

  /** Names, company and e-mail folded for search: lower case, without accents. */
  String searchText() {
    StringBuilder text = new StringBuilder();
    for (String part : new String[] {lastName, firstName, company, email}) {
      if (part != null) {
        text.append(fold(part)).append(' ');
      }
    }
    return text.toString().strip();
  }

  /**
   * Lower case without accents ({@code Élodie Cœur} → {@code elodie coeur}), as the search column
   * holds text and as searches are compared with it.
   */
  public static String fold(String text) {
    String decomposed =
        Normalizer.normalize(
            text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE"),
            Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
