package org.relais.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.relais.account.Account;

/**
 * A card of the account's directory (SPEC B10): who a caller is, as the screen pop shows it (SPEC
 * B8). A contact is public (the whole account sees it) or private to the agent who owns it. It
 * keeps each number as typed and in E.164, the form every lookup compares, and a folded copy of its
 * names for accent- and case-insensitive search. The owner is another aggregate, held by id.
 */
@Entity
@Table(name = "contact")
public class Contact {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  /** The agent a private contact belongs to; null for a public contact. */
  @Column(name = "owner_id")
  private Long ownerId;

  @Column(name = "last_name", length = 128)
  private String lastName;

  @Column(name = "first_name", length = 128)
  private String firstName;

  @Column(length = 128)
  private String company;

  @Column(length = 254)
  private String email;

  @Column(name = "office_number", length = 32)
  private String office;

  @Column(name = "office_e164", length = 16)
  private String officeE164;

  @Column(name = "mobile_number", length = 32)
  private String mobile;

  @Column(name = "mobile_e164", length = 16)
  private String mobileE164;

  @Column(name = "home_number", length = 32)
  private String home;

  @Column(name = "home_e164", length = 16)
  private String homeE164;

  @Column(name = "other_number", length = 32)
  private String other;

  @Column(name = "other_e164", length = 16)
  private String otherE164;

  @Column(length = 64)
  private String category;

  @Column(name = "call_data", length = 1024)
  private String callData;

  @Column(length = 512)
  private String address;

  @Column(length = 2048)
  private String description;

  @Column(name = "search_text", nullable = false, length = 700)
  private String searchText;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected Contact() {}

  /**
   * @param ownerId the agent who owns a private contact, or null for a public one
   * @param numbers the numbering plan of the account's country
   * @throws org.relais.InvalidFieldException naming the first field the details get wrong
   */
  public Contact(
      Account account,
      Long ownerId,
      ContactDetails details,
      PhoneNumbers numbers,
      OffsetDateTime now) {
    this(account, ownerId, details.check(numbers), now);
  }

  /** A contact from details already checked (an import checks each row once). */
  public Contact(
      Account account, Long ownerId, ContactDetails.Checked checked, OffsetDateTime now) {
    this.account = Objects.requireNonNull(account);
    this.ownerId = ownerId;
    this.createdAt = Objects.requireNonNull(now);
    edit(checked, now);
  }

  /** Replaces the card's details, all at once, or none if one field is wrong. */
  public void edit(ContactDetails details, PhoneNumbers numbers, OffsetDateTime now) {
    edit(details.check(numbers), now);
  }

  private void edit(ContactDetails.Checked checked, OffsetDateTime now) {
    if (!checked.valid()) {
      throw checked.problems().get(0).toException();
    }
    ContactDetails details = checked.details();
    this.lastName = details.lastName();
    this.firstName = details.firstName();
    this.company = details.company();
    this.email = details.email();
    this.office = details.office();
    this.officeE164 = checked.e164(ContactField.OFFICE);
    this.mobile = details.mobile();
    this.mobileE164 = checked.e164(ContactField.MOBILE);
    this.home = details.home();
    this.homeE164 = checked.e164(ContactField.HOME);
    this.other = details.other();
    this.otherE164 = checked.e164(ContactField.OTHER);
    this.category = details.category();
    this.callData = details.callData();
    this.address = details.address();
    this.description = details.description();
    this.searchText = details.searchText();
    this.updatedAt = Objects.requireNonNull(now);
  }

  /** Makes the contact public, or private to the given agent. */
  public void share(Visibility visibility, Long agentId, OffsetDateTime now) {
    if (visibility == Visibility.PRIVATE) {
      this.ownerId = Objects.requireNonNull(agentId);
    } else {
      this.ownerId = null;
    }
    this.updatedAt = now;
  }

  /** Whether the agent may see the card: every public one, and its own private ones. */
  public boolean isVisibleTo(Long agentId) {
    return ownerId == null || ownerId.equals(agentId);
  }

  public boolean isPublic() {
    return ownerId == null;
  }

  public Visibility getVisibility() {
    return ownerId == null ? Visibility.PUBLIC : Visibility.PRIVATE;
  }

  /** Whether one of the four numbers is this E.164 number. */
  public boolean hasNumber(String e164) {
    return e164 != null && numbersE164().anyMatch(e164::equals);
  }

  /** The E.164 form of the numbers the card has, office, mobile, home, other. */
  public Stream<String> numbersE164() {
    return Stream.of(officeE164, mobileE164, homeE164, otherE164).filter(Objects::nonNull);
  }

  /** The E.164 form of one phone field. */
  public Optional<String> e164Of(ContactField field) {
    return Optional.ofNullable(
        switch (field) {
          case OFFICE -> officeE164;
          case MOBILE -> mobileE164;
          case HOME -> homeE164;
          case OTHER -> otherE164;
          default -> throw new IllegalArgumentException(field + " is not a phone field");
        });
  }

  public ContactDetails details() {
    return new ContactDetails(
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

  /** The name a screen shows: first and last name, or else the company. */
  public String displayName() {
    String name =
        Stream.of(firstName, lastName)
            .filter(Objects::nonNull)
            .reduce((a, b) -> a + " " + b)
            .orElse("");
    return name.isEmpty() ? company : name;
  }

  public Long getId() {
    return id;
  }

  public Account getAccount() {
    return account;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public String getLastName() {
    return lastName;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getCompany() {
    return company;
  }

  public String getEmail() {
    return email;
  }

  public String getOffice() {
    return office;
  }

  public String getOfficeE164() {
    return officeE164;
  }

  public String getMobile() {
    return mobile;
  }

  public String getMobileE164() {
    return mobileE164;
  }

  public String getHome() {
    return home;
  }

  public String getHomeE164() {
    return homeE164;
  }

  public String getOther() {
    return other;
  }

  public String getOtherE164() {
    return otherE164;
  }

  public String getCategory() {
    return category;
  }

  public String getCallData() {
    return callData;
  }

  public String getAddress() {
    return address;
  }

  public String getDescription() {
    return description;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contact that && id != null && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
