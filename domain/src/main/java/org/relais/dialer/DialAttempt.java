package org.relais.dialer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One attempt to reach a campaign's contact, kept for the limits that count over 30 days (attempts
 * per number, the abandon rate) and the campaign's figures. Other aggregates are held by id.
 */
@Entity
@Table(name = "dial_attempt")
public class DialAttempt {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(name = "campaign_id", nullable = false, updatable = false)
  private long campaignId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(nullable = false, length = 16, updatable = false)
  private String number;

  /** The call the attempt was; null for attempts recorded before it was kept. */
  @Column(name = "call_id", updatable = false)
  private Long callId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private AttemptOutcome outcome;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime at;

  protected DialAttempt() {}

  public DialAttempt(
      CampaignContact contact, long callId, AttemptOutcome outcome, OffsetDateTime at) {
    this.accountId = contact.getAccountId();
    this.campaignId = contact.getCampaign().getId();
    this.contactId = contact.getId();
    this.number = contact.getNumber();
    this.callId = callId;
    this.outcome = outcome;
    this.at = at;
  }

  public long getCampaignId() {
    return campaignId;
  }

  public AttemptOutcome getOutcome() {
    return outcome;
  }

  public OffsetDateTime getAt() {
    return at;
  }
}
