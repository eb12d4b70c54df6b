package org.relais.directory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The twelve fields of a contact card (SPEC B8, B10), in the card's order: the name the API and the
 * CSV export give each one, its largest length, the header names a CSV import recognises for it,
 * and whether it holds a phone number (kept as typed and in E.164, the form lookups compare).
 *
 * <p>The header names are those people write: the manual's labels ({@code Num. bureau}, {@code
 * Mail}...), the console's French, English and Spanish labels, and the usual words of spreadsheet
 * exports. They are compared by {@link #headerKey}, so case, accents, spaces and punctuation do not
 * matter.
 */
public enum ContactField {
  LAST_NAME("lastName", 128, "Nom", "Nom de famille", "Surname", "Family name", "Apellido"),
  FIRST_NAME("firstName", 128, "Prénom", "Given name", "Nombre"),
  COMPANY("company", 128, "Société", "Entreprise", "Organisation", "Organization", "Empresa"),
  EMAIL("email", 254, "Mail", "E-mail", "Courriel", "Adresse mail", "Adresse e-mail", "Correo"),
  OFFICE(
      "office",
      32,
      "Num. bureau",
      "Numéro bureau",
      "Tél. bureau",
      "Bureau",
      "Téléphone bureau",
      "Office phone",
      "Work",
      "Work phone",
      "Téléphone",
      "Tél.",
      "Phone",
      "Oficina"),
  MOBILE(
      "mobile",
      32,
      "Mobile",
      "Num. mobile",
      "Portable",
      "Tél. mobile",
      "Tél. portable",
      "Téléphone mobile",
      "Téléphone portable",
      "Mobile phone",
      "Cell",
      "Cell phone",
      "Móvil"),
  HOME(
      "home",
      32,
      "Num. domicile",
      "Numéro domicile",
      "Domicile",
      "Tél. domicile",
      "Téléphone domicile",
      "Home phone",
      "Casa"),
  OTHER(
      "other",
      32,
      "Num. autre",
      "Numéro autre",
      "Autre",
      "Tél. autre",
      "Autre téléphone",
      "Autre numéro",
      "Other phone",
      "Otro"),
  CATEGORY("category", 64, "Catégorie", "Categoría"),
  CALL_DATA("callData", 1024, "Données d'appel", "Données appel", "Datos de llamada"),
  ADDRESS("address", 512, "Adresse", "Adresse postale", "Dirección"),
  DESCRIPTION(
      "description",
      2048,
      "Description",
      "Commentaire",
      "Commentaires",
      "Notes",
      "Note",
      "Descripción");

  /** The fields that hold phone numbers, in the card's order. */
  public static final List<ContactField> PHONES = List.of(OFFICE, MOBILE, HOME, OTHER);

  private static final Map<String, ContactField> BY_API_NAME = new HashMap<>();
  private static final Map<String, ContactField> BY_HEADER = new HashMap<>();

  static {
    for (ContactField field : values()) {
      BY_API_NAME.put(field.apiName, field);
      BY_HEADER.put(headerKey(field.apiName), field);
      for (String alias : field.aliases) {
        BY_HEADER.put(headerKey(alias), field);
      }
    }
  }

  private final String apiName;
  private final int maxLength;
  private final List<String> aliases;

  ContactField(String apiName, int maxLength, String... aliases) {
    this.apiName = apiName;
    this.maxLength = maxLength;
    this.aliases = List.of(aliases);
  }

  /** The field's name in the API's JSON, the CSV export's header and the bundles' keys. */
  public String apiName() {
    return apiName;
  }

  public int maxLength() {
    return maxLength;
  }

  /** Whether the field holds a phone number, which a contact also keeps in E.164. */
  public boolean isPhone() {
    return PHONES.contains(this);
  }

  /** The attribute of {@link Contact} that holds the E.164 form of this phone field. */
  public String e164Attribute() {
    if (!isPhone()) {
      throw new IllegalStateException(apiName + " is not a phone field");
    }
    return apiName + "E164";
  }

  /** The header names an import recognises for the field, besides its API name. */
  public List<String> aliases() {
    return aliases;
  }

  public static Optional<ContactField> ofApiName(String name) {
    return Optional.ofNullable(BY_API_NAME.get(name));
  }

  /** The field a CSV header cell names ({@code Num. bureau}, {@code office}...), if any. */
  public static Optional<ContactField> ofHeader(String cell) {
    return Optional.ofNullable(BY_HEADER.get(headerKey(cell)));
  }

  /**
   * A header cell as compared: folded, letters and digits only ({@code Num. bureau} → {@code
   * numbureau}).
   */
  public static String headerKey(String cell) {
    return ContactDetails.fold(cell.strip()).replaceAll("[^a-z0-9]", "");
  }

  /** The API names of all fields, in the card's order. */
  public static List<String> apiNames() {
    return Arrays.stream(values()).map(ContactField::apiName).toList();
  }
}
