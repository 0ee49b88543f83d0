package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;

/** What the calling order needs to know of a waiting ticket. */
public record WaitingTicket(long id, String serviceId, PriorityClass priority, Instant arrivalAt, Duration targetWait,
                            String targetCounterId) {
}
