package org.guichet.server;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stopped server leaves nothing behind in its Vert.x: no consumer, no verticle. */
class LifecycleTest {

    private static final List<String> INTERNAL = List.of("guichet.internal.catalog.changed",
            "guichet.internal.auth.revoked");

    @Test
    void stopping_a_server_releases_every_consumer_and_verticle_it_registered() {
        Vertx vertx = Vertx.vertx();
        try {
            TestServer server = TestServer.start(vertx);
            INTERNAL.forEach(address -> assertThat(hasConsumer(vertx, address)).as(address).isTrue());
            assertThat(vertx.deploymentIDs()).isNotEmpty();

            server.close();

            INTERNAL.forEach(address -> assertThat(hasConsumer(vertx, address)).as(address).isFalse());
            assertThat(vertx.deploymentIDs()).isEmpty();
        } finally {
            TestServer.await(vertx.close());
        }
    }

    /** A request answered "no handlers" means nobody listens; any other outcome means someone does. */
    private static boolean hasConsumer(Vertx vertx, String address) {
        try {
            TestServer.await(vertx.eventBus().request(address, "probe",
                    new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(500)));
            return true;
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause();
            return !(cause instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS);
        }
    }
}
