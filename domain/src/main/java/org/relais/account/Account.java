package org.relais.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import org.relais.InvalidFieldException;
import org.relais.directory.PhoneNumbers;

/**
 * A tenant: one customer company. Every other entity belongs to exactly one account, and every
 * query names the account it reads, so that one company never sees another's data.
 */
@Entity
@Table(name = "account")
public class Account {

  /** Account names appear in logins (`agent1@demo`): letters, digits, dot, dash, underscore. */
  public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  /** The zone of a new account's calendar. */
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Paris");

  /** How long a new account keeps its call recordings. */
  public static final int DEFAULT_RECORDING_RETENTION_DAYS = 90;

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  /** ISO 3166 country whose national number formats the account's agents type. */
  @Column(nullable = false, length = 2)
  private String country;

  /** The tz database name of the zone the account's days, weeks and reports are counted in. */
  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  /** Days a call recording is kept before it is deleted (SPEC B13). */
  @Column(name = "recording_retention_days", nullable = false)
  private int recordingRetentionDays = DEFAULT_RECORDING_RETENTION_DAYS;

  protected Account() {}

  public Account(String name, OffsetDateTime createdAt) {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException("invalid account name");
    }
    this.name = name;
    this.country = "FR";
    this.timeZone = DEFAULT_TIME_ZONE.getId();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getCountry() {
    return country;
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  /**
   * Moves the account's calendar to another zone, named as in the tz database ({@code
   * Europe/Paris}): fixed offsets and abbreviations are refused, since they ignore daylight saving.
   */
  public void changeTimeZone(String name) {
    if (name == null || !ZoneId.getAvailableZoneIds().contains(name)) {
      throw new InvalidFieldException("timeZone", "a zone of the tz database, e.g. Europe/Paris");
    }
    this.timeZone = name;
  }

  public int getRecordingRetentionDays() {
    return recordingRetentionDays;
  }

  /** Changes how many days call recordings are kept: 0 deletes them at the next sweep. */
  public void changeRecordingRetention(int days) {
    if (days < 0 || days > 3650) {
      throw new InvalidFieldException("recordingRetentionDays", "between 0 and 3650");
    }
    this.recordingRetentionDays = days;
  }

  /** Changes the country whose national number formats the agents type (ISO 3166, {@code FR}). */
  public void changeCountry(String code) {
    if (code == null || !PhoneNumbers.isCountry(code)) {
      throw new InvalidFieldException("country", "an ISO 3166 country code, e.g. FR");
    }
    this.country = code;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Account other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
