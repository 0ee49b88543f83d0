package org.guichet.kiosk.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.kiosk.server.IssuedTicket;
import org.guichet.kiosk.server.MenuEntry;
import org.guichet.kiosk.server.Orientation;

/**
 * What a visitor got: a ticket (printed, or issued but not printed when the printer failed mid-slip, in which case the
 * screen shows the number to remember), or an orientation slip.
 */
public record TicketOutcome(IssuedTicket ticket, MenuEntry orientationEntry, String language, boolean printed) {

    static TicketOutcome ticket(IssuedTicket ticket, boolean printed) {
        return new TicketOutcome(ticket, null, ticket.language(), printed);
    }

    static TicketOutcome orientation(MenuEntry entry, String language) {
        return new TicketOutcome(null, entry, language, true);
    }

    public boolean isTicket() {
        return ticket != null;
    }

    /** What the touch UI shows. */
    public JsonObject toJson() {
        if (ticket != null) {
            return new JsonObject().put("kind", "ticket").put("number", ticket.number())
                    .put("serviceName", ticket.serviceName()).put("peopleAhead", ticket.peopleAhead())
                    .put("estimatedWaitMinutes", ticket.estimatedWaitMinutes()).put("priority", ticket.priority())
                    .put("language", language).put("printed", printed)
                    .put("where", new JsonArray(ticket.whereToWait()));
        }
        Orientation where = orientationEntry.orientation();
        JsonObject json = new JsonObject().put("kind", "orientation").put("entryId", orientationEntry.id())
                .put("matter", orientationEntry.label(language)).put("language", language).put("printed", printed);
        if (where != null) {
            json.put("authority", where.authority()).put("address", new JsonArray(where.addressLines()))
                    .put("hours", new JsonArray(where.hours())).put("website", where.website())
                    .put("phone", where.phone());
        }
        return json;
    }
}
