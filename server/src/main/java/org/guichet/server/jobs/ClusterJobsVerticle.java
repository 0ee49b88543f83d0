package org.guichet.server.jobs;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.guichet.server.service.Services;

import java.time.Duration;

/**
 * Jobs whose work is shared by every instance and needs doing once: rebuilding the statistics rollups marked dirty.
 * One instance of this verticle runs per server; the rebuild itself takes an advisory lock, so two servers on one
 * database never rebuild at once.
 */
public final class ClusterJobsVerticle extends VerticleBase {

    public static final Duration ROLLUP_INTERVAL = Duration.ofSeconds(30);

    private final Services services;
    private Periodic rollups;

    public ClusterJobsVerticle(Services services) {
        this.services = services;
    }

    @Override
    public Future<?> start() {
        rollups = Periodic.start(vertx, "statistics rollups", ROLLUP_INTERVAL,
                () -> services.stats().rebuildDirtyRollups());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return rollups.cancel();
    }
}
