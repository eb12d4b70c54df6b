package org.relais.dialer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A number of the account's do-not-call list (Bloctel's, loaded as CSV, and the account's own), in
 * E.164: never dialled by the outbound engine.
 */
@Entity
@Table(name = "do_not_call")
public class DoNotCall {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(nullable = false, length = 16, updatable = false)
  private String number;

  @Column(name = "added_at", nullable = false, updatable = false)
  private OffsetDateTime addedAt;

  protected DoNotCall() {}

  public DoNotCall(long accountId, String e164, OffsetDateTime addedAt) {
    this.accountId = accountId;
    this.number = e164;
    this.addedAt = addedAt;
  }

  public String getNumber() {
    return number;
  }

  public OffsetDateTime getAddedAt() {
    return addedAt;
  }
}
