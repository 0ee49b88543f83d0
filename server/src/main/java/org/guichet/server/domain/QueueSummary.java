package org.guichet.server.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many wait for each service of a site and in each of its waiting rooms, and for how long the oldest has waited:
 * what waiting-room screens, kiosks, tablets and supervision show. Every ticket service of the site is listed, with
 * zero when nobody waits; a service is over target once its oldest ticket waited longer than the service's target.
 */
public record QueueSummary(String siteId, Instant at, List<ServiceQueue> services, Map<String, RoomQueue> rooms) {

    public record ServiceQueue(Catalog.Service service, int waiting, long longestWaitSeconds, boolean overTarget) {
    }

    public record RoomQueue(Catalog.Room room, int waiting, List<ServiceQueue> services) {
    }

    public static QueueSummary of(Catalog catalog, String siteId, List<WaitingQueue> queues, Instant now) {
        Map<String, WaitingQueue> byService = new HashMap<>();
        queues.stream().filter(queue -> queue.siteId().equals(siteId))
                .forEach(queue -> byService.put(queue.serviceId(), queue));
        List<ServiceQueue> services = new ArrayList<>();
        Map<String, List<ServiceQueue>> servicesByRoom = new LinkedHashMap<>();
        catalog.roomsOf(siteId).forEach(room -> servicesByRoom.put(room.id(), new ArrayList<>()));
        for (Catalog.Service service : catalog.servicesOf(siteId)) {
            if (!service.issuesTickets()) {
                continue;
            }
            WaitingQueue queue = byService.get(service.id());
            ServiceQueue entry = queue == null ? new ServiceQueue(service, 0, 0, false)
                    : new ServiceQueue(service, queue.waiting(), queue.longestWaitSeconds(now),
                    queue.overTarget(catalog, now));
            services.add(entry);
            List<ServiceQueue> ofRoom = servicesByRoom.get(service.roomId());
            if (ofRoom != null) {
                ofRoom.add(entry);
            }
        }
        Map<String, RoomQueue> rooms = new LinkedHashMap<>();
        servicesByRoom.forEach((roomId, ofRoom) -> rooms.put(roomId, new RoomQueue(catalog.rooms().get(roomId),
                ofRoom.stream().mapToInt(ServiceQueue::waiting).sum(), List.copyOf(ofRoom))));
        return new QueueSummary(siteId, now, List.copyOf(services), rooms);
    }
}
