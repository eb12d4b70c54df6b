package org.relais.dialer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A callee who refused, by the agent's qualification of a campaign's call, to be called again (SPEC
 * B11; Code de la consommation D.223-9): none of the account's campaigns calls the number for
 * {@link #BLOCKED_FOR} after. Never changed; a campaign's deletion leaves it.
 */
@Entity
@Table(name = "dial_refusal")
public class Refusal {

  /** How long after a refusal the number may not be called. */
  public static final Duration BLOCKED_FOR = Duration.ofDays(60);

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(nullable = false, length = 16, updatable = false)
  private String number;

  @Column(name = "refused_at", nullable = false, updatable = false)
  private OffsetDateTime refusedAt;

  protected Refusal() {}

  public Refusal(long accountId, String e164, OffsetDateTime refusedAt) {
    this.accountId = accountId;
    this.number = Objects.requireNonNull(e164);
    this.refusedAt = Objects.requireNonNull(refusedAt);
  }

  public String getNumber() {
    return number;
  }

  public OffsetDateTime getRefusedAt() {
    return refusedAt;
  }
}
