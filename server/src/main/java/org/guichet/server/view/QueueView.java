package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.QueueSummary;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A site's waiting counts as JSON: {@code {type:"queue", siteId, at, services:[{serviceId, name, translations,
 * prefix, roomId, waiting, longestWaitSeconds, targetWaitMinutes, overTarget}], rooms:{roomId:{roomId, waiting,
 * services:[...]}}}}. Counts only: nothing in it names a visitor or an agent, so screens receive it as is.
 */
public final class QueueView {

    private QueueView() {
    }

    public static JsonObject site(QueueSummary summary) {
        // A room lists the same service entries as the site: each is built once and shared, as nothing changes the
        // JSON once built (Vert.x copies it for each local consumer, and encoding reads it).
        Map<String, JsonObject> entries = new HashMap<>();
        Function<QueueSummary.ServiceQueue, JsonObject> entry =
                queue -> entries.computeIfAbsent(queue.service().id(), id -> service(queue));
        JsonArray services = new JsonArray();
        summary.services().forEach(queue -> services.add(entry.apply(queue)));
        JsonObject rooms = new JsonObject();
        summary.rooms().forEach((roomId, room) -> rooms.put(roomId, room(room, entry)));
        return new JsonObject().put("type", "queue").put("siteId", summary.siteId()).put("at", summary.at().toString())
                .put("services", services).put("rooms", rooms);
    }

    /** One room of {@link #site}'s JSON, as built there. */
    public static JsonObject roomOf(JsonObject site, String roomId) {
        return site.getJsonObject("rooms").getJsonObject(roomId);
    }

    public static JsonObject room(QueueSummary.RoomQueue room) {
        return room == null ? null : room(room, QueueView::service);
    }

    private static JsonObject room(QueueSummary.RoomQueue room,
                                   Function<QueueSummary.ServiceQueue, JsonObject> service) {
        JsonArray services = new JsonArray();
        room.services().forEach(queue -> services.add(service.apply(queue)));
        return new JsonObject().put("roomId", room.room().id()).put("waiting", room.waiting())
                .put("services", services);
    }

    /**
     * The counts alone of a room as {@link #site} shows it, to tell whether they changed:
     * {waiting, serviceId: waiting, ...}.
     */
    public static JsonObject roomCounts(JsonObject room) {
        JsonObject counts = new JsonObject().put("waiting", room.getInteger("waiting"));
        room.getJsonArray("services").forEach(entry -> {
            JsonObject service = (JsonObject) entry;
            counts.put(service.getString("serviceId"), service.getInteger("waiting"));
        });
        return counts;
    }

    private static JsonObject service(QueueSummary.ServiceQueue queue) {
        return new JsonObject()
                .put("serviceId", queue.service().id())
                .put("name", queue.service().name())
                .put("translations", queue.service().translations())
                .put("prefix", queue.service().prefix())
                .put("roomId", queue.service().roomId())
                .put("waiting", queue.waiting())
                .put("longestWaitSeconds", queue.longestWaitSeconds())
                .put("targetWaitMinutes", queue.service().targetWaitMinutes())
                .put("overTarget", queue.overTarget());
    }
}
