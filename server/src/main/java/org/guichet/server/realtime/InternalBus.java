package org.guichet.server.realtime;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.guichet.server.service.Announcements;

import java.util.UUID;

/** Carries announcements between server instances (and to this one) over the event bus, clustered or not. */
public final class InternalBus implements Announcements {

    private static final String ORIGIN = "origin";

    private final EventBus eventBus;
    /** This instance, so that it can tell its own announcements from the others'. */
    private final String origin = UUID.randomUUID().toString();

    public InternalBus(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    /** Published after this instance reloaded its own catalog: the others reload theirs. */
    @Override
    public void catalogChanged() {
        eventBus.publish(Addresses.CATALOG_CHANGED, "changed", new DeliveryOptions().addHeader(ORIGIN, origin));
    }

    /** The announcement came from this very instance (which acted on it already). */
    public boolean fromHere(Message<?> message) {
        return origin.equals(message.headers().get(ORIGIN));
    }

    /** This node's live device connections, for the others. */
    public void devicePresence(JsonObject report) {
        eventBus.publish(Addresses.DEVICE_PRESENCE, report, new DeliveryOptions().addHeader(ORIGIN, origin));
    }

    /** The node an announcement came from. */
    public String origin(Message<?> message) {
        return message.headers().get(ORIGIN);
    }

    @Override
    public void credentialsRevoked(String tokenHashHex) {
        eventBus.publish(Addresses.CREDENTIALS_REVOKED, tokenHashHex);
    }
}
