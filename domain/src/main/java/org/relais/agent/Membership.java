package org.relais.agent;

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
import java.util.Objects;
import org.relais.InvalidFieldException;
import org.relais.group.QueueGroup;

/**
 * An agent's place in a group: whether the agent takes its inbound calls, its outbound calls
 * (callbacks, campaigns), and at which proficiency (1-10, used by the skill-level strategy).
 */
@Entity
@Table(name = "membership")
public class Membership {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "agent_id", nullable = false, updatable = false)
  private Agent agent;

  @ManyToOne(optional = false)
  @JoinColumn(name = "group_id", nullable = false, updatable = false)
  private QueueGroup group;

  @Column(nullable = false)
  private boolean inbound;

  @Column(nullable = false)
  private boolean outbound;

  @Column(nullable = false)
  private int level;

  protected Membership() {}

  Membership(Agent agent, QueueGroup group, boolean inbound, boolean outbound, int level) {
    this.agent = Objects.requireNonNull(agent);
    this.group = Objects.requireNonNull(group);
    update(inbound, outbound, level);
  }

  void update(boolean inbound, boolean outbound, int level) {
    if (level < 1 || level > 10) {
      throw new InvalidFieldException("level", "between 1 and 10");
    }
    this.inbound = inbound;
    this.outbound = outbound;
    this.level = level;
  }

  /** The agent's own toggles in the banner's groups module (SPEC B2). */
  public void toggle(boolean inbound, boolean outbound) {
    this.inbound = inbound;
    this.outbound = outbound;
  }

  public Long getId() {
    return id;
  }

  public Agent getAgent() {
    return agent;
  }

  public QueueGroup getGroup() {
    return group;
  }

  public boolean isInbound() {
    return inbound;
  }

  public boolean isOutbound() {
    return outbound;
  }

  public int getLevel() {
    return level;
  }
}
