package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.WaitingQueue;
import org.guichet.server.domain.stats.Alerts;
import org.guichet.server.store.DeviceStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a service's longest wait passed its target, or a device never connected, went silent, lost its live
 * connection (counted by {@link DevicePresence}) or its printer has a problem: each
 * {@link #check()} evaluates every site, keeps the result for the live view, and tells {@link AlertEvents} about
 * each site whose alerts changed. Messages carry the whole state, so a page just replaces what it shows. A job
 * (see jobs.InstanceVerticle) runs the check every few seconds.
 */
public final class AlertMonitor {

    /** What a check read: the queues and the watched devices, at that time (the metrics reuse it, querying nothing). */
    public record Observation(Instant at, List<WaitingQueue> queues, List<Alerts.Device> devices) {
    }

    private final WaitingQueues waitingQueues;
    private final DeviceStore devices;
    private final Catalogs catalogs;
    private final Clock clock;
    private final AlertEvents events;
    private final DevicePresence presence;
    private final Map<String, List<Alerts.Alert>> current = new ConcurrentHashMap<>();
    private volatile Observation lastObservation;

    public AlertMonitor(WaitingQueues waitingQueues, DeviceStore devices, Catalogs catalogs, Clock clock,
                        AlertEvents events, DevicePresence presence) {
        this.presence = presence;
        this.waitingQueues = waitingQueues;
        this.devices = devices;
        this.catalogs = catalogs;
        this.clock = clock;
        this.events = events;
    }

    /** The devices' live connections, to this node and to the others, as the check reads them. */
    public DevicePresence presence() {
        return presence;
    }

    /** What the last successful check read; null before the first one. */
    public Observation lastObservation() {
        return lastObservation;
    }

    /** The site's alerts as of the last check. */
    public List<Alerts.Alert> current(String siteId) {
        return current.getOrDefault(siteId, List.of());
    }

    /** Evaluates alerts now and tells about those of every site whose alerts changed. */
    public Future<Map<String, List<Alerts.Alert>>> check() {
        Instant now = clock.instant();
        return waitingQueues.today(null, now).compose(queues -> devices.all(now).map(all -> {
            List<Alerts.Device> watched = all.stream().filter(device -> !device.revoked())
                    .map(this::watched).toList();
            lastObservation = new Observation(now, queues, watched);
            Map<String, List<Alerts.Alert>> evaluated = Alerts.evaluate(catalogs.get(), queues, watched, now);
            evaluated.forEach((siteId, alerts) -> {
                List<Alerts.Alert> previous = current.getOrDefault(siteId, List.of());
                List<String> raised = Alerts.raised(previous, alerts);
                List<String> cleared = Alerts.cleared(previous, alerts);
                current.put(siteId, alerts);
                if (!raised.isEmpty() || !cleared.isEmpty()) {
                    events.alertsChanged(siteId, now, alerts, raised, cleared);
                }
            });
            return evaluated;
        }));
    }

    private Alerts.Device watched(Device device) {
        return new Alerts.Device(device.id(), device.siteId(), device.kind(), device.name(), device.lastSeenAt(),
                device.health() == null ? new JsonObject() : device.health(), presence.connected(device.id()));
    }
}
