package org.guichet.server.realtime;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.CounterState;
import org.guichet.server.domain.Partner;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.stats.Alerts;
import org.guichet.server.service.AlertEvents;
import org.guichet.server.service.CallbackEvents;
import org.guichet.server.service.Catalogs;
import org.guichet.server.service.CounterEvents;
import org.guichet.server.service.TicketEvents;
import org.guichet.server.view.CounterView;
import org.guichet.server.view.QrSvg;
import org.guichet.server.view.TicketView;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes each committed change where browsers listen: calls to the waiting rooms concerned, counter changes to the
 * counter's channel, the visitor's news to its ticket channel, alerts to the site's supervisors; and marks the site's
 * waiting counts as changed (published coalesced, see {@link SummaryPublisher}). Rooms, counters and tickets are
 * heard by screens and visitors: they only ever get the screen's or the visitor's view. Tablets and supervision take
 * a counter's message as a cue to read it again over REST, where they get the agent's view.
 */
public final class Publisher implements TicketEvents, CounterEvents, AlertEvents, CallbackEvents {

    /**
     * What a waiting room's screens hear about: calls to announce, calls taken back (requeue, transfer), and the end of
     * a call (start, no-show) so the call leaves the screen's current-call panel. Not the finish: only a started
     * ticket is finished, and its start already ended the call on the screens; each room message is one frame per
     * screen, and one send to each other node where a screen of the room is connected.
     */
    private static final Set<TicketAction> ROOM_ACTIONS = EnumSet.of(TicketAction.CALL, TicketAction.RECALL,
            TicketAction.START, TicketAction.NO_SHOW, TicketAction.REQUEUE, TicketAction.TRANSFER);

    private final LiveChannels channels;
    private final Catalogs catalogs;
    private final SummaryPublisher summaries;
    private final Clock clock;
    public Publisher(LiveChannels channels, Catalogs catalogs, SummaryPublisher summaries, Clock clock) {
        this.channels = channels;
        this.catalogs = catalogs;
        this.summaries = summaries;
        this.clock = clock;
    }

    /**
     * Tablets of the site read their call-backs again. The site's queue channel is also heard by its screens and
     * kiosks: the message says which service, nothing of the caller (no siteId: supervision takes it for no summary).
     */
    @Override
    public void callbacksChanged(String siteId, String serviceId) {
        channels.publish(Addresses.siteQueue(siteId), new JsonObject().put("type", "callbacks")
                .put("serviceId", serviceId));
    }

    @Override
    public void ticketChanged(Ticket ticket, TicketAction action, String leftCounterId) {
        publish(ticket, action, leftCounterId, null);
    }

    /**
     * The ended ticket's screens hear where the visitor goes next ({@code next}: room, building, floor, directions)
     * when the new service waits in another room.
     */
    @Override
    public void ticketTransferred(Ticket ended, Ticket successor, String leftCounterId) {
        JsonObject next = successor.roomId().equals(ended.roomId()) ? null
                : TicketView.where(catalogs.get(), successor.roomId(), null);
        publish(ended, TicketAction.TRANSFER, leftCounterId, next);
        ticketChanged(successor, TicketAction.ISSUE);
    }

    private void publish(Ticket ticket, TicketAction action, String leftCounterId, JsonObject next) {
        Catalog catalog = catalogs.get();
        boolean forRooms = ROOM_ACTIONS.contains(action);
        String counterId = ticket.counterId() != null ? ticket.counterId() : leftCounterId;
        if (forRooms || counterId != null) {
            // Only calls and counter-side changes go to screens; a fresh ticket is only the visitor's news.
            JsonObject message = TicketView.screenMessage(ticket, action, clock.instant(), catalog);
            if (next != null) {
                message.put("next", next);
            }
            if (forRooms) {
                Catalog.Counter counter = ticket.counterId() == null ? null : catalog.counters().get(ticket.counterId());
                Set<String> rooms = counter == null || counter.roomId().equals(ticket.roomId())
                        ? Set.of(ticket.roomId()) : Set.of(ticket.roomId(), counter.roomId());
                rooms.forEach(room -> channels.publish(Addresses.room(room), message));
            }
            if (counterId != null) {
                channels.publish(Addresses.counter(counterId), message);
            }
        }
        channels.publish(Addresses.ticket(ticket.statusToken()), TicketView.visitorNews(ticket, action, catalog));
        summaries.markChanged(ticket.siteId());
    }

    @Override
    public void counterChanged(CounterState state) {
        channels.publish(Addresses.counter(state.counter().id()), new JsonObject().put("type", "state")
                .put("at", clock.instant().toString()).put("counter", CounterView.forScreen(state, catalogs.get())));
    }

    /** What the visitor is handed: the partner's public details, and a QR code of its web site when it has one. */
    @Override
    public void visitorOriented(String counterId, Partner partner) {
        JsonObject details = partner.forVisitor();
        if (partner.web() != null) {
            details.put("webQr", QrSvg.dataUrl(partner.web()));
        }
        channels.publish(Addresses.counter(counterId), new JsonObject().put("type", "orientation")
                .put("at", clock.instant().toString()).put("partner", details));
    }

    @Override
    public void alertsChanged(String siteId, Instant at, List<Alerts.Alert> alerts, List<String> raised,
                              List<String> cleared) {
        channels.publish(Addresses.siteAlerts(siteId), Alerts.message(siteId, at, alerts, raised, cleared));
    }
}
