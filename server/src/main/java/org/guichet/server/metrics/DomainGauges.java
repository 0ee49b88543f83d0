package org.guichet.server.metrics;

import io.micrometer.core.instrument.Tags;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.domain.WaitingQueue;
import org.guichet.server.domain.stats.Alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The domain's gauges at one moment, a pure function of the catalog, what the last alert check read (queues and
 * devices) and the time. Labels are ids of sites, services and kiosks, and small fixed sets (device kinds and
 * states, printer conditions): a département's 250 sites give a few thousand series, never one per ticket.
 */
final class DomainGauges {

    /** One series: its labels and its value. */
    record Sample(Tags tags, double value) {
    }

    static final String ONLINE = "online";
    static final String SILENT = "silent";
    static final String NEVER = "never";
    static final List<String> DEVICE_STATES = List.of(ONLINE, SILENT, NEVER);
    static final List<String> DEVICE_KINDS = List.of(Device.KIOSK, Device.SCREEN, Device.COUNTER_SCREEN);
    /** The printer conditions a kiosk reports (hardware's PrinterCondition), each a series of its own. */
    static final List<String> PRINTER_CONDITIONS =
            List.of("paper_near_end", "paper_out", "cover_open", "offline", "error", "unknown");

    private DomainGauges() {
    }

    /** The services a queue gauge is kept for: every one that issues tickets, and any other with a queue left. */
    static List<Tags> queueKeys(Catalog catalog, List<WaitingQueue> queues) {
        Map<String, Tags> keys = new TreeMap<>();
        catalog.services().values().stream().filter(Catalog.Service::issuesTickets)
                .filter(service -> measured(service.siteId()))
                .forEach(service -> keys.put(service.siteId() + "\u0000" + service.id(),
                        queueTags(service.siteId(), service.id())));
        queues.stream().filter(queue -> measured(queue.siteId())).forEach(queue -> keys.putIfAbsent(
                queue.siteId() + "\u0000" + queue.serviceId(),
                queueTags(queue.siteId(), queue.serviceId())));
        return List.copyOf(keys.values());
    }

    /** Training copies are practice: none of their queues, devices or tickets is measured. */
    static boolean measured(String siteId) {
        return !TrainingSites.isCopy(siteId);
    }

    static Tags queueTags(String siteId, String serviceId) {
        return Tags.of("site", siteId, "service", serviceId);
    }

    /** How many wait in each queue (0 for a service nobody waits for). */
    static List<Sample> waiting(Catalog catalog, List<WaitingQueue> queues) {
        Map<Tags, WaitingQueue> byKey = byKey(queues);
        return queueKeys(catalog, queues).stream().map(tags -> {
            WaitingQueue queue = byKey.get(tags);
            return new Sample(tags, queue == null ? 0 : queue.waiting());
        }).toList();
    }

    /** How long the first in each queue has waited by {@code now}, in seconds (0 for an empty queue). */
    static List<Sample> longestWait(Catalog catalog, List<WaitingQueue> queues, Instant now) {
        Map<Tags, WaitingQueue> byKey = byKey(queues);
        return queueKeys(catalog, queues).stream().map(tags -> {
            WaitingQueue queue = byKey.get(tags);
            return new Sample(tags, queue == null || queue.waiting() == 0 ? 0 : queue.longestWaitSeconds(now));
        }).toList();
    }

    /** Each ticket service's target wait, in seconds, so that a rule compares the longest wait with it. */
    static List<Sample> targetWait(Catalog catalog) {
        return catalog.services().values().stream().filter(Catalog.Service::issuesTickets)
                .filter(service -> measured(service.siteId()))
                .sorted(Comparator.comparing(Catalog.Service::siteId).thenComparing(Catalog.Service::id))
                .map(service -> new Sample(queueTags(service.siteId(), service.id()),
                        catalog.targetWait(service.id()).toSeconds()))
                .toList();
    }

    /**
     * How many devices of each kind are online (reported within {@link Alerts#SILENT_AFTER}), silent (reported once,
     * not since) or never heard from, per site; every kind and state of a site with devices has its series, 0 or more.
     */
    static List<Sample> devices(List<Alerts.Device> devices, Instant now) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Alerts.Device device : devices) {
            if (!DEVICE_KINDS.contains(device.kind()) || !measured(device.siteId())) {
                continue;
            }
            counts.computeIfAbsent(device.siteId(), site -> {
                Map<String, Integer> zero = new LinkedHashMap<>();
                DEVICE_KINDS.forEach(kind -> DEVICE_STATES.forEach(state -> zero.put(kind + "/" + state, 0)));
                return zero;
            }).merge(device.kind() + "/" + state(device, now), 1, Integer::sum);
        }
        List<Sample> samples = new ArrayList<>();
        counts.forEach((site, byKindAndState) -> byKindAndState.forEach((key, count) -> {
            String[] kindAndState = key.split("/");
            samples.add(new Sample(Tags.of("site", site, "kind", kindAndState[0], "state", kindAndState[1]), count));
        }));
        return samples;
    }

    /** online, silent or never, as the supervisor's alerts tell them apart. */
    static String state(Alerts.Device device, Instant now) {
        if (device.lastSeenAt() == null) {
            return Boolean.TRUE.equals(device.connected()) ? ONLINE : NEVER;
        }
        return Duration.between(device.lastSeenAt(), now).compareTo(Alerts.SILENT_AFTER) > 0 ? SILENT : ONLINE;
    }

    /** 1 when the kiosk's last report says its printer can print, else 0 (no report yet included). */
    static List<Sample> printerReady(List<Alerts.Device> devices) {
        return kiosks(devices).stream().map(kiosk -> new Sample(kioskTags(kiosk),
                Boolean.TRUE.equals(printer(kiosk).getValue("canPrint")) ? 1 : 0)).toList();
    }

    /** For each kiosk and each printer condition, 1 when its last report has it; unknown when it never reported. */
    static List<Sample> printerConditions(List<Alerts.Device> devices) {
        List<Sample> samples = new ArrayList<>();
        for (Alerts.Device kiosk : kiosks(devices)) {
            Set<String> reported = conditions(kiosk);
            PRINTER_CONDITIONS.forEach(condition -> samples.add(new Sample(
                    kioskTags(kiosk).and("condition", condition), reported.contains(condition) ? 1 : 0)));
        }
        return samples;
    }

    private static Set<String> conditions(Alerts.Device kiosk) {
        JsonObject printer = printer(kiosk);
        if (!(printer.getValue("conditions") instanceof JsonArray list)) {
            return Set.of("unknown");
        }
        return list.stream().map(condition -> String.valueOf(condition).toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static List<Alerts.Device> kiosks(List<Alerts.Device> devices) {
        return devices.stream().filter(device -> Device.KIOSK.equals(device.kind()))
                .sorted(Comparator.comparing(Alerts.Device::siteId).thenComparing(Alerts.Device::id)).toList();
    }

    private static Tags kioskTags(Alerts.Device kiosk) {
        return Tags.of("site", kiosk.siteId(), "kiosk", kiosk.id());
    }

    private static JsonObject printer(Alerts.Device kiosk) {
        JsonObject health = kiosk.health() == null ? new JsonObject() : kiosk.health();
        return health.getValue("printer") instanceof JsonObject printer ? printer : new JsonObject();
    }

    private static Map<Tags, WaitingQueue> byKey(List<WaitingQueue> queues) {
        Map<Tags, WaitingQueue> byKey = new LinkedHashMap<>();
        queues.forEach(queue -> byKey.put(queueTags(queue.siteId(), queue.serviceId()), queue));
        return byKey;
    }
}
