package org.guichet.server.stats;

import org.guichet.server.domain.stats.Alerts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.guichet.server.queue.WaitingQueues;
import org.guichet.server.realtime.Addresses;
import org.guichet.server.store.CatalogStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every few seconds whether a service's longest wait passed its target, or a device went silent or its printer
 * has a problem, and publishes each site's alerts on {@code guichet.site.<siteId>.alerts} as soon as they change:
 * {@code {type:"alerts", siteId, at, alerts:[{key, kind, ...}], raised:[key], cleared:[key]}}. Messages carry the
 * whole state, so a page just replaces what it shows (in a cluster every instance publishes the same state).
 */
public final class AlertMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);

    private static final String SELECT_DEVICES =
            "SELECT id, site_id, kind, name, last_seen_at, health FROM device WHERE revoked_at IS NULL";

    private final Vertx vertx;
    private final Pool pool;
    private final WaitingQueues waitingQueues;
    private final CatalogStore catalogs;
    private final Clock clock;
    private final Map<String, List<Alerts.Alert>> current = new ConcurrentHashMap<>();
    private boolean checking;
    private long timerId = -1;
    private boolean failing;

    public AlertMonitor(Vertx vertx, Pool pool, CatalogStore catalogs, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.waitingQueues = new WaitingQueues(pool, catalogs);
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public static String address(String siteId) {
        return Addresses.SITE_PREFIX + siteId + ".alerts";
    }

    /** Starts the periodic check; {@link #stop()} ends it. */
    public void start(Duration interval) {
        timerId = vertx.setPeriodic(interval.toMillis(), id -> {
            if (!checking) {
                checking = true;
                check().onComplete(done -> {
                    checking = false;
                    if (done.failed() && !failing) {
                        LOG.warn("Alert check failed; retrying every {} s", interval.toSeconds(), done.cause());
                    }
                    failing = done.failed();
                });
            }
        });
    }

    public void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    /** The site's alerts as of the last check. */
    public List<Alerts.Alert> current(String siteId) {
        return current.getOrDefault(siteId, List.of());
    }

    /** Evaluates alerts now and publishes those of every site whose alerts changed. */
    public Future<Map<String, List<Alerts.Alert>>> check() {
        Instant now = clock.instant();
        List<WaitingQueues.Queue> waiting = new ArrayList<>();
        List<Alerts.Device> devices = new ArrayList<>();
        return waitingQueues.today(null, now)
                .compose(queues -> {
                    waiting.addAll(queues);
                    return pool.query(SELECT_DEVICES).execute();
                })
                .map(rows -> {
                    for (Row row : rows) {
                        Object health = row.getValue("health");
                        devices.add(new Alerts.Device(row.getString("id"), row.getString("site_id"),
                                row.getString("kind"), row.getString("name"),
                                row.getOffsetDateTime("last_seen_at") == null ? null
                                        : row.getOffsetDateTime("last_seen_at").toInstant(),
                                health instanceof JsonObject json ? json : new JsonObject()));
                    }
                    Map<String, List<Alerts.Alert>> evaluated = Alerts.evaluate(catalogs.get(), waiting, devices, now);
                    evaluated.forEach((siteId, alerts) -> {
                        List<Alerts.Alert> previous = current.getOrDefault(siteId, List.of());
                        List<String> raised = Alerts.raised(previous, alerts);
                        List<String> cleared = Alerts.cleared(previous, alerts);
                        current.put(siteId, alerts);
                        if (!raised.isEmpty() || !cleared.isEmpty()) {
                            vertx.eventBus().publish(address(siteId),
                                    Alerts.message(siteId, now, alerts, raised, cleared));
                        }
                    });
                    return evaluated;
                });
    }
}
