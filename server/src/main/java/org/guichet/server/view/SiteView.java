package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Languages;
import org.guichet.server.domain.Menu;
import org.guichet.server.domain.OpeningCalendar;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.domain.Tokens;
import org.guichet.server.service.Sites;
import org.guichet.server.service.TicketQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A site, its layout, its kiosk menu and what a waiting room's screen shows on (re)connecting, as JSON. */
public final class SiteView {

    private SiteView() {
    }

    public static JsonObject site(Catalog.Site site) {
        return new JsonObject().put("id", site.id()).put("name", site.name()).put("address", site.address())
                .put("timeZone", site.zone().getId()).put("active", site.active())
                .put("training", TrainingSites.isCopy(site.id()))
                .put("openingHours", site.opening().openingHoursJson())
                .put("calendar", site.opening().calendarJson()).put("footer", site.footer())
                .put("translations", site.translations().copy()).put("callingPolicy", site.policy().toJson());
    }

    /** A waiting room and how to find it: what a visitor may read. */
    public static JsonObject room(Catalog.Room room) {
        Catalog.Wayfinding where = room.where();
        return new JsonObject().put("id", room.id()).put("name", room.name()).put("building", where.building())
                .put("floor", where.floor()).put("directions", where.directions())
                .put("translations", where.translations().copy());
    }

    public static JsonArray sites(List<Catalog.Site> sites) {
        JsonArray list = new JsonArray();
        sites.forEach(site -> list.add(site(site)));
        return list;
    }

    public static JsonObject layout(Sites.Layout layout) {
        JsonArray rooms = new JsonArray();
        layout.rooms().forEach(room -> rooms.add(room(room)));
        JsonArray counters = new JsonArray();
        layout.counters().forEach(counter -> counters.add(new JsonObject().put("id", counter.id())
                .put("name", counter.name()).put("roomId", counter.roomId()).put("active", counter.active())
                .put("serviceIds", new JsonArray(counter.serviceIds()))));
        JsonArray entries = new JsonArray();
        layout.entries().forEach(service -> entries.add(entry(service)));
        return site(layout.site()).put("rooms", rooms).put("counters", counters).put("services", entries);
    }

    /** The kiosk menu: a tree of services, sub-menus and orientation entries with their translations. */
    public static JsonObject menu(Menu menu) {
        return new JsonObject().put("site", site(menu.site()))
                .put("opening", opening(menu.opening(), menu.readAt()))
                .put("languages", new JsonArray(Languages.VISITOR))
                .put("entries", entries(menu.entries()));
    }

    /**
     * A version of a kiosk menu for its ETag: the SHA-256 of its JSON but for the seconds to the next change (which
     * count down every second and say nothing new), so it changes exactly when an entry, a translation, the site or
     * its opening status (issuing, next opening, days to it) does. The same deployment gives the same tag on every
     * server instance.
     */
    public static String menuTag(JsonObject menu) {
        JsonObject stable = menu.copy();
        if (stable.getValue("opening") instanceof JsonObject opening) {
            opening.remove("secondsToNextChange");
        }
        return "\"m-" + Tokens.key(stable.encode()).substring(0, 32) + "\"";
    }

    /**
     * Whether the site issues now and until or from when, as local times with their offset. For a kiosk, which says
     * "opens again tomorrow at 8:30" in the visitor's language and asks again when the status changes, the next
     * opening also comes in parts (local date and time, ISO weekday, days from today) and the change as a delay, so
     * that nothing depends on the kiosk's own clock.
     */
    public static JsonObject opening(OpeningCalendar.Status status, Instant now) {
        ZonedDateTime next = status.nextOpening();
        return new JsonObject().put("open", status.open()).put("issuing", status.issuing())
                .put("reason", status.reason() == null ? null : status.reason().name())
                .put("lastTicketAt", offsetTime(status.lastTicket()))
                .put("nextOpeningAt", offsetTime(next))
                .put("nextOpening", next == null ? null : new JsonObject().put("date", next.toLocalDate().toString())
                        .put("time", next.toLocalTime().toString()).put("weekday", next.getDayOfWeek().getValue())
                        .put("days", ChronoUnit.DAYS.between(now.atZone(next.getZone()).toLocalDate(),
                                next.toLocalDate())))
                .put("nextChangeAt", status.nextChange().map(SiteView::offsetTime).orElse(null))
                .put("secondsToNextChange", status.nextChange()
                        .map(change -> Duration.between(now, change.toInstant()).toSeconds()).orElse(null));
    }

    private static String offsetTime(ZonedDateTime time) {
        return time == null ? null : time.toOffsetDateTime().toString();
    }

    private static JsonArray entries(List<Menu.Entry> entries) {
        JsonArray list = new JsonArray();
        entries.forEach(entry -> {
            JsonObject json = entry(entry.service());
            if (!entry.children().isEmpty()) {
                json.put("children", entries(entry.children()));
            }
            list.add(json);
        });
        return list;
    }

    private static JsonObject entry(Catalog.Service service) {
        JsonObject json = new JsonObject()
                .put("id", service.id())
                .put("kind", service.kind())
                .put("name", service.name())
                .put("translations", service.translations())
                .put("parentId", service.parentId())
                .put("prefix", service.prefix())
                .put("roomId", service.roomId())
                .put("targetWaitMinutes", service.targetWaitMinutes())
                .put("orientation", service.orientation());
        if (!service.outcomes().isEmpty()) {
            JsonArray outcomes = new JsonArray();
            service.outcomes().forEach(outcome -> outcomes.add(outcome.toJson()));
            json.put("outcomes", outcomes);
        }
        if (service.takesAppointments()) {
            json.put("appointments", new JsonObject().put("slotMinutes", service.appointments().slotMinutes())
                    .put("capacity", service.appointments().capacity()));
        }
        return json;
    }

    /** What a waiting-room screen needs after (re)connecting: the last calls and the waiting counts. */
    public static JsonObject roomDisplay(TicketQueries.RoomDisplay display, Catalog catalog) {
        JsonArray calls = new JsonArray();
        display.recentCalls().forEach(ticket -> calls.add(TicketView.forScreen(ticket, catalog)));
        return new JsonObject()
                .put("room", room(display.room()))
                .put("site", site(display.site()))
                .put("recentCalls", calls)
                .put("queue", QueueView.room(display.queue().rooms().get(display.room().id())));
    }
}
