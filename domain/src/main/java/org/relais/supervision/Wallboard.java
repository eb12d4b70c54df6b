package org.relais.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Base64;
import java.util.Objects;

/**
 * An account's wallboard (SPEC E5): the thresholds its figures are coloured against, and the key
 * that signs the passes of its wall displays ({@link WallPass}). One per account, made with the
 * defaults the first time the account's wallboard is opened.
 */
@Entity
@Table(name = "wallboard")
public class Wallboard {

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Embedded private Thresholds thresholds;

  /** Base64 of the key's bytes: a secret, never shown nor logged. */
  @Column(name = "pass_key", nullable = false, updatable = false)
  private String passKey;

  protected Wallboard() {}

  public Wallboard(long accountId, byte[] passKey) {
    if (passKey.length < 32) {
      throw new IllegalArgumentException("a pass key has 32 bytes at least");
    }
    this.accountId = accountId;
    this.thresholds = Thresholds.defaults();
    this.passKey = Base64.getEncoder().encodeToString(passKey);
  }

  public void changeThresholds(Thresholds newThresholds) {
    this.thresholds = Objects.requireNonNull(newThresholds, "thresholds");
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  public byte[] passKey() {
    return Base64.getDecoder().decode(passKey);
  }

  public long accountId() {
    return accountId;
  }
}
