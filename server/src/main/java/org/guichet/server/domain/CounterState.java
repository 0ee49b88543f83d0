package org.guichet.server.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A counter now: open, paused or closed, by which agent, since when, and the ticket it holds (called or in service).
 * A counter never opened is CLOSED with no agent.
 */
public record CounterState(Catalog.Counter counter, String status, Long agentId, String agentName, Instant since,
                           String pauseReason, Optional<Ticket> currentTicket) {

    public static final String OPEN = "OPEN";
    public static final String PAUSED = "PAUSED";
    public static final String CLOSED = "CLOSED";

    public static CounterState neverOpened(Catalog.Counter counter, Optional<Ticket> currentTicket) {
        return new CounterState(counter, CLOSED, null, null, null, null, currentTicket);
    }

    public boolean isHeldBy(Long agent) {
        return agentId != null && agentId.equals(agent);
    }
}
