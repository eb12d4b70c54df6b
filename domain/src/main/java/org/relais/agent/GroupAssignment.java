package org.relais.agent;

import org.relais.group.QueueGroup;

/** What an admin asks for an agent in one group (SPEC E1). */
public record GroupAssignment(QueueGroup group, boolean inbound, boolean outbound, int level) {}
