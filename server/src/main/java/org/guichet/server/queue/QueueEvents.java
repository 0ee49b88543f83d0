package org.guichet.server.queue;

import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;

/** What the engine tells the outside world after each committed change; the realtime layer implements it. */
public interface QueueEvents {

    void ticketChanged(Ticket ticket, TicketAction action);

    QueueEvents NONE = (ticket, action) -> {
    };
}
