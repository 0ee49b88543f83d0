package org.guichet.server.realtime;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.guichet.server.queue.QueueEvents;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Publishes each committed ticket change: calls to the waiting rooms concerned, the counter's own channel, the visitor's
 * ticket channel, and marks the site's queue summary as changed (summaries are coalesced, see {@link QueueSummaries}).
 */
public final class QueuePublisher implements QueueEvents {

    private final EventBus eventBus;
    private final CatalogStore catalogs;
    private final Consumer<String> siteChanged;

    /** What a waiting room's screens hear about: calls to announce, and calls taken back (requeue, transfer). */
    private static final Set<TicketAction> ROOM_ACTIONS =
            EnumSet.of(TicketAction.CALL, TicketAction.RECALL, TicketAction.REQUEUE, TicketAction.TRANSFER);

    /**
     * What a waiting room's screens get of a ticket: enough to show and announce it, never the agent, the agent's
     * note or the visitor's status token; small, since it is encoded once per connected screen.
     */
    private static final List<String> FOR_SCREENS = List.of("id", "number", "spoken", "serviceId", "serviceName",
            "roomId", "counterId", "counterName", "status", "calledAt", "recallCount", "language", "priority");

    public QueuePublisher(EventBus eventBus, CatalogStore catalogs, Consumer<String> siteChanged) {
        this.eventBus = eventBus;
        this.catalogs = catalogs;
        this.siteChanged = siteChanged;
    }

    @Override
    public void ticketChanged(Ticket ticket, TicketAction action) {
        Catalog catalog = catalogs.get();
        String counterName = catalog.counterName(ticket.counterId());
        boolean forRooms = ROOM_ACTIONS.contains(action);
        if (forRooms || ticket.counterId() != null) {
            // Only calls and counter-side changes carry the whole ticket; a fresh ticket is only the visitor's news.
            Catalog.Service service = catalog.services().get(ticket.serviceId());
            JsonObject ticketJson = ticket.toJson(service == null ? ticket.serviceId() : service.name(), counterName,
                    false);
            JsonObject message = new JsonObject()
                    .put("type", action.pathName())
                    .put("at", java.time.Instant.now().toString())
                    .put("ticket", ticketJson);
            if (forRooms) {
                Catalog.Counter counter = ticket.counterId() == null ? null
                        : catalog.counters().get(ticket.counterId());
                Set<String> rooms = counter == null || counter.roomId().equals(ticket.roomId())
                        ? Set.of(ticket.roomId()) : Set.of(ticket.roomId(), counter.roomId());
                JsonObject forScreens = message.copy().put("ticket", forScreens(ticketJson));
                rooms.forEach(room -> eventBus.publish(Addresses.room(room), forScreens));
            }
            if (ticket.counterId() != null) {
                eventBus.publish(Addresses.counter(ticket.counterId()), message);
            }
        }
        eventBus.publish(Addresses.ticket(ticket.statusToken()), new JsonObject()
                .put("type", action.pathName())
                .put("number", ticket.number())
                .put("status", ticket.status().name())
                .put("counterName", counterName));
        siteChanged.accept(ticket.siteId());
    }

    /** A ticket as waiting-room screens receive it (over the bus or REST): without agent or note. */
    public static JsonObject forScreens(JsonObject ticketJson) {
        JsonObject slim = new JsonObject();
        FOR_SCREENS.forEach(field -> slim.put(field, ticketJson.getValue(field)));
        return slim;
    }
}
