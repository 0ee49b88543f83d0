package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.PlanImage;
import org.guichet.server.domain.Principal;
import org.guichet.server.store.RoomPlanStore;

import java.time.Clock;

/** Waiting rooms' plans: administrators of the room's site set or remove one; anyone may read it (visitors do). */
public final class RoomPlans {

    private final RoomPlanStore plans;
    private final Catalogs catalogs;
    private final Clock clock;

    public RoomPlans(RoomPlanStore plans, Catalogs catalogs, Clock clock) {
        this.plans = plans;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public Future<Void> put(Principal principal, String address, String roomId, byte[] image) {
        Catalog.Room room = configurable(principal, roomId);
        PlanImage plan = PlanImage.of(image);
        return plans.put(room.id(), plan, clock.instant(), AuditEntry.of(clock.instant(),
                AuditEntry.Actor.of(principal, address), "room.plan_set", "room", room.id(), room.siteId(), null,
                new JsonObject().put("mediaType", plan.mediaType()).put("bytes", plan.bytes().length)));
    }

    /** The same, for a room known by its site and its code there (as the deployment declares it). */
    public Future<Void> put(Principal principal, String address, String siteId, String code, byte[] image) {
        AccessPolicy.require(principal, Action.CONFIGURE_SITES, AccessPolicy.Scope.site(siteId));
        return plans.roomKey(siteId, code).compose(key -> put(principal, address, key.orElseThrow(
                () -> Failure.notFound("Site '" + siteId + "' has no waiting room '" + code + "'.")), image));
    }

    public Future<Void> remove(Principal principal, String address, String roomId) {
        Catalog.Room room = configurable(principal, roomId);
        return plans.delete(room.id(), AuditEntry.of(clock.instant(), AuditEntry.Actor.of(principal, address),
                "room.plan_removed", "room", room.id(), room.siteId(), new JsonObject().put("plan", true),
                new JsonObject().put("plan", false))).map(removed -> {
                    if (!removed) {
                        throw Failure.notFound("Waiting room '" + room.id() + "' has no plan.");
                    }
                    return null;
                });
    }

    public Future<PlanImage> get(String roomId) {
        Catalog.Room room = catalogs.get().room(roomId);
        return plans.get(room.id()).map(found -> found.orElseThrow(() -> Failure.notFound(
                "Waiting room '" + room.id() + "' has no plan.")));
    }

    private Catalog.Room configurable(Principal principal, String roomId) {
        Catalog.Room room = catalogs.get().room(roomId);
        AccessPolicy.require(principal, Action.CONFIGURE_SITES, AccessPolicy.Scope.site(room.siteId()));
        return room;
    }
}
