package org.guichet.server.service;

import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;

/** What the services tell the outside world after each committed ticket change; the realtime layer implements it. */
public interface TicketEvents {

    /**
     * @param ticket        the ticket as the change left it
     * @param leftCounterId the counter it was at before the change, when the change took it from there (a requeue
     *                      clears the ticket's counter; that counter's screen must still hear it left); else null
     */
    void ticketChanged(Ticket ticket, TicketAction action, String leftCounterId);

    default void ticketChanged(Ticket ticket, TicketAction action) {
        ticketChanged(ticket, action, null);
    }

    /**
     * A transfer: the ticket ended (TRANSFER, taken from {@code leftCounterId}) and its successor queued in the new
     * service (ISSUE), told together so that whoever hears the first may say where the visitor goes next.
     */
    default void ticketTransferred(Ticket ended, Ticket successor, String leftCounterId) {
        ticketChanged(ended, TicketAction.TRANSFER, leftCounterId);
        ticketChanged(successor, TicketAction.ISSUE);
    }
}
