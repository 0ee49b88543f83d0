package org.guichet.server.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket as stored: who it is for (a service of a site, a language, a priority class, never a person), where it
 * stands, and every time it was touched. How each audience sees it is decided in {@code view.TicketView}.
 */
public record Ticket(long id, String siteId, String serviceId, String roomId, String prefix, int seq,
                     LocalDate serviceDay, PriorityClass priority, String language, TicketStatus status,
                     String statusToken, Instant arrivalAt, Instant issuedAt, Instant firstCalledAt, Instant calledAt,
                     Instant startedAt, Instant endedAt, String counterId, Long agentId, int recallCount,
                     String outcome, String note, String targetCounterId, Long transferredFrom,
                     Instant appointmentAt) {

    public String number() {
        return TicketNumber.format(prefix, seq);
    }
}
