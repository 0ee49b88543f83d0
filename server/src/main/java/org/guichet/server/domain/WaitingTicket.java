package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the calling order needs to know of a waiting ticket.
 *
 * @param appointmentAt for a visitor who checked in for an appointment, its booked time; else null
 */
public record WaitingTicket(long id, String serviceId, PriorityClass priority, Instant arrivalAt, Duration targetWait,
                            String targetCounterId, Instant appointmentAt) {

    public WaitingTicket(long id, String serviceId, PriorityClass priority, Instant arrivalAt, Duration targetWait,
                         String targetCounterId) {
        this(id, serviceId, priority, arrivalAt, targetWait, targetCounterId, null);
    }

    /** Its place in time: an appointment's booked time, else its arrival. */
    public Instant queuedAt() {
        return appointmentAt != null ? appointmentAt : arrivalAt;
    }
}
