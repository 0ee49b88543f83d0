package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.guichet.server.queue.WaitingQueues;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waiting counts per service and per room. Changes only mark a site dirty; a timer publishes each dirty site's summary at
 * most every {@code interval}, so a burst of tickets costs one query per site, not one per ticket.
 */
public final class QueueSummaries {

    private final Vertx vertx;
    private final WaitingQueues waitingQueues;
    private final CatalogStore catalogs;
    private final Clock clock;
    private final Set<String> dirtySites = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonObject> publishedRoomCounts = new ConcurrentHashMap<>();
    private long timerId = -1;

    public QueueSummaries(Vertx vertx, Pool pool, CatalogStore catalogs, Clock clock) {
        this.vertx = vertx;
        this.waitingQueues = new WaitingQueues(pool, catalogs);
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public void start(Duration interval) {
        timerId = vertx.setPeriodic(interval.toMillis(), id -> flush());
    }

    public void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    public void markChanged(String siteId) {
        dirtySites.add(siteId);
    }

    private void flush() {
        for (String siteId : Set.copyOf(dirtySites)) {
            dirtySites.remove(siteId);
            summary(siteId).onSuccess(summary -> publish(siteId, summary));
        }
    }

    private void publish(String siteId, JsonObject summary) {
        vertx.eventBus().publish(Addresses.siteQueue(siteId), summary);
        JsonObject byRoom = summary.getJsonObject("rooms");
        byRoom.forEach(entry -> {
            JsonObject room = (JsonObject) entry.getValue();
            // A room's screens only show how many wait for what; every screen costs one encoding per message, so a
            // room whose counts did not change is not told again (a screen that (re)connects reads them over REST).
            JsonObject counts = waitingCounts(room);
            if (counts.equals(publishedRoomCounts.put(entry.getKey(), counts))) {
                return;
            }
            vertx.eventBus().publish(Addresses.room(entry.getKey()),
                    new JsonObject().put("type", "queue").put("at", summary.getString("at")).put("room", room));
        });
    }

    private static JsonObject waitingCounts(JsonObject room) {
        JsonObject counts = new JsonObject().put("waiting", room.getValue("waiting"));
        room.getJsonArray("services").forEach(service -> {
            JsonObject entry = (JsonObject) service;
            counts.put(entry.getString("serviceId"), entry.getValue("waiting"));
        });
        return counts;
    }

    /**
     * {@code {type:"queue", siteId, at, services:[{serviceId, name, prefix, roomId, waiting, longestWaitSeconds,
     * targetWaitMinutes, overTarget}], rooms:{roomId:{waiting, services:[...]}}}}
     */
    public Future<JsonObject> summary(String siteId) {
        Catalog catalog = catalogs.get();
        catalog.site(siteId); // an unknown site is a 404 before any query
        Instant now = clock.instant();
        return waitingQueues.today(siteId, now).map(queues -> {
            Map<String, WaitingQueues.Queue> byService = new HashMap<>();
            queues.forEach(queue -> byService.put(queue.serviceId(), queue));
            JsonArray services = new JsonArray();
            JsonObject rooms = new JsonObject();
            catalog.roomsOf(siteId).forEach(room -> rooms.put(room.id(),
                    new JsonObject().put("roomId", room.id()).put("waiting", 0).put("services", new JsonArray())));
            for (Catalog.Service service : catalog.servicesOf(siteId)) {
                if (!service.issuesTickets()) {
                    continue;
                }
                WaitingQueues.Queue queue = byService.get(service.id());
                long waiting = queue == null ? 0 : queue.waiting();
                long longest = queue == null ? 0 : queue.longestWaitSeconds(now);
                JsonObject entry = new JsonObject()
                        .put("serviceId", service.id())
                        .put("name", service.name())
                        .put("translations", service.translations())
                        .put("prefix", service.prefix())
                        .put("roomId", service.roomId())
                        .put("waiting", waiting)
                        .put("longestWaitSeconds", longest)
                        .put("targetWaitMinutes", service.targetWaitMinutes())
                        .put("overTarget", queue != null && queue.overTarget(service.targetWaitMinutes(), now));
                services.add(entry);
                JsonObject room = rooms.getJsonObject(service.roomId());
                if (room != null) {
                    room.put("waiting", room.getLong("waiting") + waiting);
                    room.getJsonArray("services").add(entry);
                }
            }
            return new JsonObject().put("type", "queue").put("siteId", siteId).put("at", now.toString())
                    .put("services", services).put("rooms", rooms);
        });
    }
}
