package org.guichet.server.domain.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.domain.WaitingQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a supervisor must see at once, per site: services whose longest wait passed their target, devices that never
 * connected, devices silent for too long, screens whose live connection is down, kiosks that cannot print well. A pure
 * function of the waiting queues, the devices and the time.
 */
public final class Alerts {

    /** A device that has not reported for this long is shown as silent (devices report every 30 s or so). */
    public static final Duration SILENT_AFTER = Duration.ofMinutes(2);

    private static final Set<String> PRINTER_PROBLEMS =
            Set.of("PAPER_OUT", "PAPER_NEAR_END", "COVER_OPEN", "OFFLINE", "ERROR");

    /**
     * A device as the check sees it. {@code connected}: whether it holds a live event-bus connection, as the server
     * counts them (see service.DevicePresence); null when the server does not know, and the device's own report
     * ({@code health.connected}) is taken instead.
     */
    public record Device(String id, String siteId, String kind, String name, Instant lastSeenAt, JsonObject health,
                         Boolean connected) {

        public Device(String id, String siteId, String kind, String name, Instant lastSeenAt, JsonObject health) {
            this(id, siteId, kind, name, lastSeenAt, health, null);
        }

        boolean everConnected() {
            return lastSeenAt != null || Boolean.TRUE.equals(connected);
        }

        /** A screen's live connection: the server's count when it has one, else what the screen last said. */
        boolean liveConnectionDown() {
            if (connected != null) {
                return !connected;
            }
            return health != null && Boolean.FALSE.equals(health.getValue("connected"));
        }
    }

    /**
     * One alert; {@code key} identifies it across checks (kind and subject), {@code details} carries what the page
     * shows.
     */
    public record Alert(String key, String kind, JsonObject details) {

        public JsonObject toJson() {
            return details.copy().put("key", key).put("kind", kind);
        }
    }

    private Alerts() {
    }

    /** Alerts per site, for every site of the catalog (an empty list for a site without any). */
    public static Map<String, List<Alert>> evaluate(Catalog catalog, List<WaitingQueue> waiting,
                                                    List<Device> devices,
                                                    Instant now) {
        Map<String, List<Alert>> bySite = new TreeMap<>();
        // A training copy raises no alert: its queues are practice, not visitors waiting.
        catalog.sites().keySet().stream().filter(siteId -> !TrainingSites.isCopy(siteId))
                .forEach(siteId -> bySite.put(siteId, new ArrayList<>()));
        for (WaitingQueue queue : waiting) {
            Catalog.Service service = catalog.services().get(queue.serviceId());
            List<Alert> alerts = bySite.get(queue.siteId());
            if (service == null || alerts == null) {
                continue;
            }
            if (queue.overTarget(catalog, now)) {
                alerts.add(new Alert("wait:" + service.id(), "wait", new JsonObject()
                        .put("serviceId", service.id())
                        .put("name", service.name())
                        .put("translations", service.translations())
                        .put("waiting", queue.waiting())
                        .put("longestWaitSeconds", queue.longestWaitSeconds(now))
                        .put("oldestArrivalAt", queue.oldestArrival().toString())
                        .put("targetWaitMinutes", service.targetWaitMinutes())));
            }
        }
        for (Device device : devices) {
            List<Alert> alerts = bySite.get(device.siteId());
            if (alerts == null) {
                continue;
            }
            deviceProblem(device, now).ifPresent(alerts::add);
        }
        bySite.values().forEach(alerts -> alerts.sort(Comparator.comparing(Alert::key)));
        return bySite;
    }

    static java.util.Optional<Alert> deviceProblem(Device device, Instant now) {
        JsonObject details = new JsonObject().put("deviceId", device.id()).put("deviceKind", device.kind())
                .put("name", device.name())
                .put("lastSeenAt", device.lastSeenAt() == null ? null : device.lastSeenAt().toString());
        if (!device.everConnected()) {
            // Installed in the deployment but never heard from: not a device that responds.
            return java.util.Optional.of(new Alert("never:" + device.id(), "never", details));
        }
        if (device.lastSeenAt() != null && Duration.between(device.lastSeenAt(), now).compareTo(SILENT_AFTER) > 0) {
            return java.util.Optional.of(new Alert("silent:" + device.id(), "silent", details));
        }
        JsonObject health = device.health() == null ? new JsonObject() : device.health();
        if ("kiosk".equals(device.kind())) {
            List<String> problems = new ArrayList<>();
            String state = health.getValue("state") instanceof String text ? text.toUpperCase(Locale.ROOT) : null;
            if ("OUT_OF_ORDER".equals(state) || "OFFLINE".equals(state)) {
                problems.add(state);
            }
            JsonObject printer = health.getValue("printer") instanceof JsonObject json ? json : new JsonObject();
            if (Boolean.FALSE.equals(printer.getValue("canPrint"))) {
                problems.add("CANNOT_PRINT");
            }
            if (printer.getValue("conditions") instanceof JsonArray conditions) {
                conditions.forEach(condition -> {
                    String name = String.valueOf(condition).toUpperCase(Locale.ROOT);
                    if (PRINTER_PROBLEMS.contains(name) && !problems.contains(name)) {
                        problems.add(name);
                    }
                });
            }
            if (!problems.isEmpty()) {
                return java.util.Optional.of(new Alert("printer:" + device.id(), "printer",
                        details.put("problems", new JsonArray(problems))));
            }
        } else if (device.liveConnectionDown()) {
            return java.util.Optional.of(new Alert("disconnected:" + device.id(), "disconnected", details));
        }
        return java.util.Optional.empty();
    }

    /** The keys of {@code current} not in {@code previous}: what has just been raised. */
    public static List<String> raised(List<Alert> previous, List<Alert> current) {
        Set<String> before = new HashSet<>();
        previous.forEach(alert -> before.add(alert.key()));
        return current.stream().map(Alert::key).filter(key -> !before.contains(key)).toList();
    }

    public static List<String> cleared(List<Alert> previous, List<Alert> current) {
        return raised(current, previous);
    }

    public static JsonObject message(String siteId, Instant now, List<Alert> alerts, List<String> raised,
                                     List<String> cleared) {
        JsonArray list = new JsonArray();
        alerts.forEach(alert -> list.add(alert.toJson()));
        return new JsonObject().put("type", "alerts").put("siteId", siteId).put("at", now.toString())
                .put("alerts", list).put("raised", new JsonArray(raised)).put("cleared", new JsonArray(cleared));
    }
}
