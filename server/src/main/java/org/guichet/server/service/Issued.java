package org.guichet.server.service;

import org.guichet.server.domain.Ticket;

/**
 * A freshly issued (or, for a retried key, previously issued) ticket and where its visitor stands.
 *
 * @param estimatedWaitMinutes {@code null} while no counter serving the service is open
 */
public record Issued(Ticket ticket, int peopleAhead, Integer estimatedWaitMinutes, boolean replayed) {
}
