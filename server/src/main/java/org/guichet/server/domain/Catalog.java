package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the deployment (sites, rooms, services, counters), read at start and after each change, so the
 * hot paths (issuing, calling) do not query configuration.
 */
public record Catalog(Map<String, Site> sites, Map<String, Room> rooms, Map<String, Service> services,
                      Map<String, Counter> counters) {

    public record Site(String id, String name, ZoneId zone, JsonObject openingHours, CallingPolicy policy,
                       String footer) {
    }

    public record Room(String id, String siteId, String name) {
    }

    public record Service(String id, String siteId, String parentId, String kind, String name, JsonObject translations,
                          String prefix, String roomId, int targetWaitMinutes, int menuOrder, JsonObject orientation,
                          boolean active) {

        public Duration targetWait() {
            return Duration.ofMinutes(targetWaitMinutes);
        }

        public boolean issuesTickets() {
            return "service".equals(kind) && active;
        }

        public String name(String language) {
            return translations.getString(language, name);
        }
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

    public String counterName(String id) {
        Counter counter = id == null ? null : counters.get(id);
        return counter == null ? null : counter.name();
    }

    public List<Service> servicesOf(String siteId) {
        return services.values().stream().filter(service -> service.siteId().equals(siteId))
                .sorted(java.util.Comparator.comparingInt(Service::menuOrder).thenComparing(Service::id))
                .toList();
    }

    public List<Counter> countersOf(String siteId) {
        return counters.values().stream().filter(counter -> counter.siteId().equals(siteId))
                .sorted(java.util.Comparator.comparing(Counter::id)).toList();
    }

    public List<Room> roomsOf(String siteId) {
        return rooms.values().stream().filter(room -> room.siteId().equals(siteId))
                .sorted(java.util.Comparator.comparing(Room::id)).toList();
    }
}
