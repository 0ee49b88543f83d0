package org.guichet.server.service;

import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;

/** What the services tell the outside world after each committed ticket change; the realtime layer implements it. */
public interface TicketEvents {

    void ticketChanged(Ticket ticket, TicketAction action);
}
