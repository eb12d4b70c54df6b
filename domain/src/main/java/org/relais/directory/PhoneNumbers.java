package org.relais.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.Set;
import org.relais.directory.ContactProblem.Reason;

/**
 * The numbering plan of one account's country: turns a number as people type it ({@code 06 00 00 00
 * 00}, {@code 0600000000}, {@code +33600000000}, {@code 0033 6 00 00 00 00}) into its one E.164
 * form, so that every form of a number finds the same contact (SPEC B10). National numbers are read
 * in the account's country; numbers with a country prefix are read as such. Relies on Google's
 * libphonenumber metadata, which says which numbers exist.
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil PLAN = PhoneNumberUtil.getInstance();

  private final String country;

  private PhoneNumbers(String country) {
    this.country = country;
  }

  /**
   * @param country ISO 3166 code of the country whose national formats agents type ({@code FR})
   */
  public static PhoneNumbers of(String country) {
    if (!isCountry(country)) {
      throw new IllegalArgumentException("unknown country " + country);
    }
    return new PhoneNumbers(country);
  }

  /**
   * Whether the code names a country whose numbering plan is known ({@code FR}, not {@code fr}).
   */
  public static boolean isCountry(String code) {
    return code != null && PLAN.getSupportedRegions().contains(code);
  }

  /** The ISO 3166 codes of the countries whose numbering plans are known. */
  public static Set<String> countries() {
    return PLAN.getSupportedRegions();
  }

  public String country() {
    return country;
  }

  /** The E.164 form of a number, or empty when the text is not a number that exists. */
  public Optional<String> e164(String typed) {
    Normalised n = normalise(typed);
    return Optional.ofNullable(n.e164());
  }

  /**
   * The E.164 form of a number, or why it is refused.
   *
   * @return a result with exactly one of {@code e164} and {@code problem}
   */
  public Normalised normalise(String typed) {
    if (typed == null || typed.isBlank()) {
      return new Normalised(null, Reason.NOT_A_NUMBER);
    }
    PhoneNumber number;
    try {
      number = PLAN.parse(typed, country);
    } catch (NumberParseException e) {
      return new Normalised(null, reasonOf(e.getErrorType()));
    }
    if (!PLAN.isValidNumber(number)) {
      return new Normalised(null, reasonOf(PLAN.isPossibleNumberWithReason(number)));
    }
    return new Normalised(PLAN.format(number, PhoneNumberFormat.E164), null);
  }

  /** Whether the number is a mobile phone's (where the country's plan tells them apart). */
  public boolean isMobile(String typed) {
    try {
      PhoneNumberUtil.PhoneNumberType type = PLAN.getNumberType(PLAN.parse(typed, country));
      return type == PhoneNumberUtil.PhoneNumberType.MOBILE;
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** A number's E.164 form, or the reason it has none. */
  public record Normalised(String e164, Reason problem) {}

  private static Reason reasonOf(NumberParseException.ErrorType type) {
    return switch (type) {
      case INVALID_COUNTRY_CODE -> Reason.INVALID_COUNTRY_CODE;
      case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> Reason.NUMBER_TOO_SHORT;
      case TOO_LONG -> Reason.NUMBER_TOO_LONG;
      case NOT_A_NUMBER -> Reason.NOT_A_NUMBER;
    };
  }

  private static Reason reasonOf(PhoneNumberUtil.ValidationResult result) {
    return switch (result) {
      case TOO_SHORT -> Reason.NUMBER_TOO_SHORT;
      case TOO_LONG -> Reason.NUMBER_TOO_LONG;
      case INVALID_COUNTRY_CODE -> Reason.INVALID_COUNTRY_CODE;
      default -> Reason.INVALID_NUMBER;
    };
  }
}
