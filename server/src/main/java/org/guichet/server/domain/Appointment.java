package org.guichet.server.domain;

import java.time.Instant;

/**
 * A visitor's appointment with a service at a booked time.
 *
 * @param code  what the visitor types (or scans) at the kiosk: six letters and digits, unique among the site's
 *              booked appointments
 * @param token the unguessable key of the appointment's own page (to see or cancel it)
 * @param name  as the visitor or the agent gave it, optional; erased the day after
 */
public record Appointment(long id, String siteId, String serviceId, Instant startsAt, int slotMinutes, String code,
                          String token, String name, String language, Status status, Long ticketId,
                          Instant createdAt, Instant checkedInAt) {

    public enum Status { BOOKED, CHECKED_IN, CANCELLED, NO_SHOW }
}
