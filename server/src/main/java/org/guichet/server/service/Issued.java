package org.guichet.server.service;

import org.guichet.server.domain.Ticket;

/** A freshly issued (or, for a retried key, previously issued) ticket and where its visitor stands. */
public record Issued(Ticket ticket, int peopleAhead, int estimatedWaitMinutes, boolean replayed) {
}
