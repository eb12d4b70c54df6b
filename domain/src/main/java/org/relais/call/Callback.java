package org.relais.call;

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
import org.relais.account.Account;
import org.relais.group.QueueGroup;

/**
 * A number to call back for a group (French: rappel): recorded when a caller abandons in the queue.
 * The outbound dialer serves pending callbacks; the banner counts them per group (B2).
 */
@Entity
@Table(name = "callback")
public class Callback {

  /** Whether the callback still waits for an agent. */
  public enum Status {
    PENDING,
    DONE
  }

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "group_id", nullable = false)
  private QueueGroup group;

  @Column(nullable = false, length = 32)
  private String number;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "call_id")
  private Call call;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  protected Callback() {}

  /** The callback an abandoned inbound call leaves in its group. */
  public static Callback forAbandoned(Call call, OffsetDateTime at) {
    Callback callback = new Callback();
    callback.account = call.getAccount();
    callback.group = call.getGroup();
    callback.number = call.getCaller();
    callback.call = call;
    callback.createdAt = at;
    callback.status = Status.PENDING;
    return callback;
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public Status getStatus() {
    return status;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
