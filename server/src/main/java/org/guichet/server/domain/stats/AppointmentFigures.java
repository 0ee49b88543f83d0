package org.guichet.server.domain.stats;

/**
 * One service's appointments over a period: booked (cancelled ones included), cancelled, missed, checked in; of
 * those called, how late after the booked time on average and how many within five minutes of it; and the share of
 * the service's tickets that came from an appointment.
 *
 * @param meanLatenessSeconds first call minus booked time, on average (negative: called early); null if none called
 */
public record AppointmentFigures(String siteId, String serviceId, long appointments, long cancelled, long noShows,
                                 long checkedIn, long called, Double meanLatenessSeconds, long calledOnTime,
                                 long tickets, long appointmentTickets) {
}
