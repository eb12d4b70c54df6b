package org.relais.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

  /** The fields in their canonical order: the CSV header, the API's names. */
  public static final List<String> FIELDS =
      List.of(
          "lastName",
          "firstName",
          "company",
          "email",
          "office",
          "mobile",
          "home",
          "other",
          "category",
          "callData",
          "address",
          "description");

  /** The fields that hold phone numbers. */
  public static final List<String> NUMBER_FIELDS = List.of("office", "mobile", "home", "other");

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

  /** Details from values in the order of {@link #FIELDS}. */
  public static ContactDetails of(List<String> values) {
    if (values.size() != FIELDS.size()) {
      throw new IllegalArgumentException("one value per field");
    }
    return new ContactDetails(
        values.get(0),
        values.get(1),
        values.get(2),
        values.get(3),
        values.get(4),
        values.get(5),
        values.get(6),
        values.get(7),
        values.get(8),
        values.get(9),
        values.get(10),
        values.get(11));
  }

  /** The values in the order of {@link #FIELDS}. */
  public List<String> values() {
    return Arrays.asList(
        lastName,
        firstName,
        company,
        email,
        office,
        mobile,
        home,
        other,
        category,
        callData,
        address,
        description);
  }

  /** The largest length of a field. */
  public static int maxLength(String field) {
    return switch (field) {
      case "lastName", "firstName", "company" -> 128;
      case "email" -> 254;
      case "office", "mobile", "home", "other" -> 32;
      case "category" -> 64;
      case "callData" -> 1024;
      case "address" -> 512;
      case "description" -> 2048;
      default -> throw new IllegalArgumentException(field);
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
      problems.add(new ContactProblem("lastName", Reason.REQUIRED));
    }
    String[] e164 = new String[NUMBER_FIELDS.size()];
    List<String> values = values();
    for (int i = 0; i < FIELDS.size(); i++) {
      String field = FIELDS.get(i);
      String value = values.get(i);
      if (value == null) {
        continue;
      }
      int max = maxLength(field);
      int numberIndex = NUMBER_FIELDS.indexOf(field);
      if (value.length() > max) {
        problems.add(new ContactProblem(field, Reason.TOO_LONG, max));
      } else if (numberIndex >= 0) {
        PhoneNumbers.Normalised n = numbers.normalise(value);
        if (n.problem() != null) {
          problems.add(new ContactProblem(field, n.problem()));
        }
        e164[numberIndex] = n.e164();
      } else if (field.equals("email") && !EMAIL.matcher(value).matches()) {
        problems.add(new ContactProblem(field, Reason.INVALID_EMAIL));
      }
    }
    return new Checked(this, List.copyOf(problems), e164[0], e164[1], e164[2], e164[3]);
  }

  /** Details once checked: what is wrong with them, else the E.164 form of their numbers. */
  public record Checked(
      ContactDetails details,
      List<ContactProblem> problems,
      String officeE164,
      String mobileE164,
      String homeE164,
      String otherE164) {

    public boolean valid() {
      return problems.isEmpty();
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
