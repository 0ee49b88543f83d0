package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable snapshot of the deployment (sites, rooms, services, counters), read at start and after each change, so the
 * hot paths (issuing, calling) do not query configuration.
 */
public record Catalog(Map<String, Site> sites, Map<String, Room> rooms, Map<String, Service> services,
                      Map<String, Counter> counters, BySite bySite) {

    public Catalog(Map<String, Site> sites, Map<String, Room> rooms, Map<String, Service> services,
                   Map<String, Counter> counters) {
        this(sites, rooms, services, counters, BySite.of(rooms, services, counters));
    }

    /**
     * Each site's rooms, services and counters, in the order they are shown, grouped once per snapshot: the waiting
     * counts ask for a site's rooms and services several times a second, and going through the whole network's each
     * time was 4 % of the servers' CPU in the network day.
     */
    public record BySite(Map<String, List<Room>> rooms, Map<String, List<Service>> services,
                         Map<String, List<Counter>> counters) {

        static BySite of(Map<String, Room> rooms, Map<String, Service> services, Map<String, Counter> counters) {
            return new BySite(grouped(rooms.values(), Room::siteId, Comparator.comparing(Room::id)),
                    grouped(services.values(), Service::siteId,
                            Comparator.comparingInt(Service::menuOrder).thenComparing(Service::id)),
                    grouped(counters.values(), Counter::siteId, Comparator.comparing(Counter::id)));
        }

        private static <T> Map<String, List<T>> grouped(Collection<T> all, Function<T, String> site,
                                                        Comparator<T> order) {
            Map<String, List<T>> bySite = new HashMap<>();
            all.stream().sorted(order).forEach(item -> bySite.computeIfAbsent(site.apply(item),
                    key -> new ArrayList<>()).add(item));
            bySite.replaceAll((key, items) -> List.copyOf(items));
            return Map.copyOf(bySite);
        }
    }

    /**
     * @param footer       the ticket's last line, in French
     * @param active       false once archived: it keeps its history but issues no ticket any more
     * @param translations the site's texts in the visitors' other languages ({@code {"en": {"footer": …}}})
     */
    public record Site(String id, String name, ZoneId zone, OpeningCalendar opening, CallingPolicy policy,
                       String footer, String address, boolean active, JsonObject translations) {

        public Site {
            translations = translations == null ? new JsonObject() : translations;
        }

        public Site(String id, String name, ZoneId zone, OpeningCalendar opening, CallingPolicy policy,
                    String footer) {
            this(id, name, zone, opening, policy, footer, null, true, null);
        }

        /** Where the site stands at this instant: open, issuing, and until or from when; never, once archived. */
        public OpeningCalendar.Status openingAt(Instant now) {
            return active ? opening.at(now, zone)
                    : new OpeningCalendar.Status(false, false, OpeningCalendar.Reason.ARCHIVED, null, null);
        }
    }

    public record Room(String id, String siteId, String name, Wayfinding where) {

        public Room(String id, String siteId, String name) {
            this(id, siteId, name, Wayfinding.NONE);
        }

        public String name(String language) {
            JsonObject translated = where.translations().getJsonObject(language);
            return translated == null ? name : translated.getString("name", name);
        }
    }

    /**
     * How a visitor finds a waiting room: building, floor, directions ("Bâtiment B, 1er étage, suivre la ligne
     * verte"), each optional, and their translations by language ({@code {"en": {"name": …, "directions": …}}}).
     */
    public record Wayfinding(String building, String floor, String directions, JsonObject translations) {

        public static final Wayfinding NONE = new Wayfinding(null, null, null, new JsonObject());

        public String directions(String language) {
            JsonObject translated = translations.getJsonObject(language);
            return translated == null ? directions : translated.getString("directions", directions);
        }
    }

    /**
     * @param outcomes what agents pick from, in one tap, when they finish a visit of this service ("dossier complet",
     *                 "pièce manquante"), in the order shown
     */
    public record Service(String id, String siteId, String parentId, String kind, String name, JsonObject translations,
                          String prefix, String roomId, int targetWaitMinutes, int menuOrder, JsonObject orientation,
                          boolean active, List<Outcome> outcomes, Appointments appointments) {

        public Service {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }

        public Service(String id, String siteId, String parentId, String kind, String name, JsonObject translations,
                       String prefix, String roomId, int targetWaitMinutes, int menuOrder, JsonObject orientation,
                       boolean active, List<Outcome> outcomes) {
            this(id, siteId, parentId, kind, name, translations, prefix, roomId, targetWaitMinutes, menuOrder,
                    orientation, active, outcomes, null);
        }

        /** Whether visitors may book appointments with it. */
        public boolean takesAppointments() {
            return appointments != null && issuesTickets();
        }

        public Service(String id, String siteId, String parentId, String kind, String name, JsonObject translations,
                       String prefix, String roomId, int targetWaitMinutes, int menuOrder, JsonObject orientation,
                       boolean active) {
            this(id, siteId, parentId, kind, name, translations, prefix, roomId, targetWaitMinutes, menuOrder,
                    orientation, active, List.of());
        }

        public Optional<Outcome> outcome(String outcomeId) {
            return outcomes.stream().filter(outcome -> outcome.id().equals(outcomeId)).findFirst();
        }

        public boolean issuesTickets() {
            return "service".equals(kind) && active;
        }

        public String name(String language) {
            return translations.getString(language, name);
        }
    }

    /** One outcome of a service's visits: a code statistics count, its French name and its other names by language. */
    public record Outcome(String id, String name, JsonObject translations) {

        public static List<Outcome> fromJson(JsonArray outcomes) {
            List<Outcome> list = new ArrayList<>();
            if (outcomes != null) {
                outcomes.forEach(item -> {
                    JsonObject outcome = (JsonObject) item;
                    list.add(new Outcome(outcome.getString("id"), outcome.getString("name"),
                            outcome.getJsonObject("translations", new JsonObject())));
                });
            }
            return list;
        }

        public JsonObject toJson() {
            return new JsonObject().put("id", id).put("name", name).put("translations", translations.copy());
        }
    }

    /** How a service takes appointments: slots of this length, each for this many visitors. */
    public record Appointments(int slotMinutes, int capacity) {
    }

    public record Counter(String id, String siteId, String roomId, String name, List<String> serviceIds,
                          boolean active) {
    }

    public static Catalog empty() {
        return new Catalog(Map.of(), Map.of(), Map.of(), Map.of());
    }

    public Site site(String id) {
        return Optional.ofNullable(sites.get(id))
                .orElseThrow(() -> Failure.notFound("No site '" + id + "'."));
    }

    public Room room(String id) {
        return Optional.ofNullable(rooms.get(id))
                .orElseThrow(() -> Failure.notFound("No waiting room '" + id + "'."));
    }

    public Service service(String id) {
        return Optional.ofNullable(services.get(id))
                .orElseThrow(() -> Failure.notFound("No service '" + id + "'."));
    }

    public Counter counter(String id) {
        return Optional.ofNullable(counters.get(id))
                .orElseThrow(() -> Failure.notFound("No counter '" + id + "'."));
    }

    /**
     * The target wait of a ticket's service. A ticket can name a service this catalog does not have yet (added and
     * issued for on another instance, not yet read again here): it gets the deployment's default target.
     */
    public int targetWaitMinutes(String serviceId) {
        Service service = services.get(serviceId);
        return service == null ? DeploymentRules.DEFAULT_TARGET_WAIT_MINUTES : service.targetWaitMinutes();
    }

    public Duration targetWait(String serviceId) {
        return Duration.ofMinutes(targetWaitMinutes(serviceId));
    }

    /** Whether someone who has waited this long for the service waited longer than its target. */
    public boolean overTarget(String serviceId, long waitedSeconds) {
        return waitedSeconds > targetWaitMinutes(serviceId) * 60L;
    }

    public String counterName(String id) {
        Counter counter = id == null ? null : counters.get(id);
        return counter == null ? null : counter.name();
    }

    public List<Service> servicesOf(String siteId) {
        return bySite.services().getOrDefault(siteId, List.of());
    }

    public List<Counter> countersOf(String siteId) {
        return bySite.counters().getOrDefault(siteId, List.of());
    }

    public List<Room> roomsOf(String siteId) {
        return bySite.rooms().getOrDefault(siteId, List.of());
    }
}
