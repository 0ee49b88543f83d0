package org.guichet.server.realtime;

import io.vertx.core.eventbus.EventBus;
import org.guichet.server.service.Announcements;

/** Carries announcements between server instances (and to this one) over the event bus, clustered or not. */
public final class InternalBus implements Announcements {

    private final EventBus eventBus;

    public InternalBus(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    @Override
    public void catalogChanged() {
        eventBus.publish(Addresses.CATALOG_CHANGED, "changed");
    }

    @Override
    public void credentialsRevoked(String tokenHashHex) {
        eventBus.publish(Addresses.CREDENTIALS_REVOKED, tokenHashHex);
    }
}
