package org.relais.routing;

import java.time.Instant;

/**
 * An agent eligible for a group's call, with what the routing strategies compare. Immutable, since
 * it is a key in sorted sets: when one of these values changes, the router replaces it.
 *
 * @param callsToday calls the agent answered today
 * @param level proficiency in the group, 1-10
 * @param lastOffer sequence number of the agent's last offer (0: none yet), for round robin
 */
public record Candidate(
    long agentId, Instant idleSince, int callsToday, int level, long lastOffer) {}
