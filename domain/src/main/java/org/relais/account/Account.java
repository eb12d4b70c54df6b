package org.relais.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A tenant: one customer company. Every other entity belongs to exactly one account, and every
 * query names the account it reads, so that one company never sees another's data.
 */
@Entity
@Table(name = "account")
public class Account {

  /** Account names appear in logins (`agent1@demo`): letters, digits, dot, dash, underscore. */
  public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  /** ISO 3166 country whose national number formats the account's agents type. */
  @Column(nullable = false, length = 2)
  private String country;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Account() {}

  public Account(String name, OffsetDateTime createdAt) {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException("invalid account name");
    }
    this.name = name;
    this.country = "FR";
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
