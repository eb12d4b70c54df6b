package org.relais.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.relais.InvalidFieldException;
import org.relais.account.Account;
import org.relais.agent.Role;

/**
 * An API token (API.md): the credentials of an integration, a CRM or a wallboard, which acts in its
 * account with one role and no agent's password. Only a keyed hash of its secret is kept: the
 * secret is shown once, when the token is made.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

  public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @Column(nullable = false, length = 64, updatable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private Role role;

  @Column(name = "secret_hash", nullable = false, length = 64, updatable = false)
  private String secretHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  protected ApiToken() {}

  public ApiToken(
      Account account, String name, Role role, String secretHash, OffsetDateTime createdAt) {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new InvalidFieldException("name", "1 to 64 letters, digits, '.', '-' or '_'");
    }
    if (role == null) {
      throw new InvalidFieldException("role", "agent, supervisor or admin");
    }
    this.account = Objects.requireNonNull(account);
    this.name = name;
    this.role = role;
    this.secretHash = Objects.requireNonNull(secretHash);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Notes a request made with the token. */
  public void usedAt(OffsetDateTime when) {
    lastUsedAt = when;
  }

  public Account getAccount() {
    return account;
  }

  public String getName() {
    return name;
  }

  public Role getRole() {
    return role;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getLastUsedAt() {
    return lastUsedAt;
  }
}
