package org.guichet.server.realtime;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.guichet.server.queue.QueueEvents;
import org.guichet.server.queue.Ticket;
import org.guichet.server.queue.TicketAction;
import org.guichet.server.store.Catalog;
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

    /** Fields a public screen in a waiting room never shows: the agent, and the agent's free-text note. */
    private static final List<String> NOT_FOR_SCREENS = List.of("agentId", "note", "statusToken");

    public QueuePublisher(EventBus eventBus, CatalogStore catalogs, Consumer<String> siteChanged) {
        this.eventBus = eventBus;
        this.catalogs = catalogs;
        this.siteChanged = siteChanged;
    }

    @Override
    public void ticketChanged(Ticket ticket, TicketAction action) {
        Catalog catalog = catalogs.get();
        Catalog.Service service = catalog.services().get(ticket.serviceId());
        String counterName = catalog.counterName(ticket.counterId());
        JsonObject ticketJson = ticket.toJson(service == null ? ticket.serviceId() : service.name(), counterName,
                false);
        JsonObject message = new JsonObject()
                .put("type", action.pathName())
                .put("at", java.time.Instant.now().toString())
                .put("ticket", ticketJson);
        if (ROOM_ACTIONS.contains(action)) {
            Catalog.Counter counter = ticket.counterId() == null ? null : catalog.counters().get(ticket.counterId());
            Set<String> rooms = counter == null || counter.roomId().equals(ticket.roomId())
                    ? Set.of(ticket.roomId()) : Set.of(ticket.roomId(), counter.roomId());
            JsonObject forScreens = message.copy().put("ticket", forScreens(ticketJson.copy()));
            rooms.forEach(room -> eventBus.publish(Addresses.room(room), forScreens));
        }
        if (ticket.counterId() != null) {
            eventBus.publish(Addresses.counter(ticket.counterId()), message);
        }
        eventBus.publish(Addresses.ticket(ticket.statusToken()), new JsonObject()
                .put("type", action.pathName())
                .put("number", ticketJson.getString("number"))
                .put("status", ticket.status().name())
                .put("counterName", counterName));
        siteChanged.accept(ticket.siteId());
    }

    /** A ticket as waiting-room screens receive it (over the bus or REST): without agent or note. */
    public static JsonObject forScreens(JsonObject ticketJson) {
        NOT_FOR_SCREENS.forEach(ticketJson::remove);
        return ticketJson;
    }
}
