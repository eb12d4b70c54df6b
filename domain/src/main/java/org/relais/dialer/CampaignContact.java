package org.relais.dialer;

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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.call.Call;

/**
 * A number of a campaign's list (SPEC B11), once per campaign, in E.164: its status, its attempts,
 * when it is due again, the agent who reserved it, and the call of the attempt under way.
 */
@Entity
@Table(name = "campaign_contact")
public class CampaignContact {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "campaign_id", nullable = false, updatable = false)
  private Campaign campaign;

  @Column(nullable = false, length = 16)
  private String number;

  @Column(name = "last_name", length = 128)
  private String lastName;

  @Column(name = "first_name", length = 128)
  private String firstName;

  @Column(length = 1024)
  private String data;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ContactStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt")
  private OffsetDateTime nextAttempt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "reserved_by")
  private Agent reservedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "last_outcome", length = 16)
  private AttemptOutcome lastOutcome;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "call_id")
  private Call call;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected CampaignContact() {}

  /**
   * @param e164 the number, already checked and in E.164
   */
  public CampaignContact(
      Campaign campaign,
      String e164,
      String lastName,
      String firstName,
      String data,
      ContactStatus status,
      OffsetDateTime createdAt) {
    this.account = campaign.getAccount();
    this.campaign = campaign;
    this.number = e164;
    this.lastName = lastName;
    this.firstName = firstName;
    this.data = data;
    this.status = status;
    this.createdAt = createdAt;
  }

  /** Réserver: only this agent will call it. */
  public void reserve(Agent agent) {
    this.reservedBy = agent;
    if (status != ContactStatus.ABANDONED) {
      this.status = ContactStatus.RESERVED;
    }
  }

  /** Modifier rappel: due at this time, kept for the agent who rescheduled it. */
  public void reschedule(Agent agent, OffsetDateTime at) {
    reserve(agent);
    this.nextAttempt = at;
  }

  /** An attempt starts with this call: the contact is its agent's until the attempt ends. */
  public void dialled(Call attempt) {
    this.call = attempt;
    this.reservedBy = attempt.getAgent();
    this.status = ContactStatus.IN_CALL;
    this.attempts++;
  }

  /** The attempt ended this way; the contact becomes what the rules decided. */
  public void attempted(AttemptOutcome outcome, DialRules.Next next) {
    this.call = null;
    this.lastOutcome = outcome;
    this.status = next.status();
    this.nextAttempt = next.nextAttempt();
    this.reservedBy = null;
  }

  /**
   * Its caller hung up in the queue again: to call back at once, unless an attempt is under way or
   * its number is barred.
   */
  public void abandonedAgain() {
    if (status != ContactStatus.IN_CALL && status != ContactStatus.DNC) {
      this.status = ContactStatus.ABANDONED;
      this.nextAttempt = null;
      this.reservedBy = null;
    }
  }

  /** The number is on the do-not-call list: it will never be dialled. */
  public void barred() {
    this.status = ContactStatus.DNC;
    this.reservedBy = null;
  }

  /** Its name as a list shows it: first and last name, or nothing. */
  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
    return name.isBlank() ? null : name.strip();
  }

  public Long getId() {
    return id;
  }

  public Campaign getCampaign() {
    return campaign;
  }

  public long getAccountId() {
    return account.getId();
  }

  public String getNumber() {
    return number;
  }

  public String getLastName() {
    return lastName;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getData() {
    return data;
  }

  public ContactStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public OffsetDateTime getNextAttempt() {
    return nextAttempt;
  }

  public Agent getReservedBy() {
    return reservedBy;
  }

  public AttemptOutcome getLastOutcome() {
    return lastOutcome;
  }

  public Call getCall() {
    return call;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
