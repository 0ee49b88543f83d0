package org.guichet.server.jobs;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A job run every interval on its verticle's event loop, never overlapping itself: a run still going when the timer
 * fires is not doubled. A failure is logged once when it starts failing and once when it recovers.
 */
final class Periodic {

    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final Vertx vertx;
    private final String name;
    private final Supplier<Future<?>> run;
    private long timerId;
    private boolean running;
    private boolean failing;

    private Periodic(Vertx vertx, String name, Supplier<Future<?>> run) {
        this.vertx = vertx;
        this.name = name;
        this.run = run;
    }

    static Periodic start(Vertx vertx, String name, Duration interval, Supplier<Future<?>> run) {
        Periodic job = new Periodic(vertx, name, run);
        job.timerId = vertx.setPeriodic(interval.toMillis(), id -> job.tick());
        return job;
    }

    private void tick() {
        if (running) {
            return;
        }
        running = true;
        Future<?> done;
        try {
            done = run.get();
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onComplete(result -> {
            running = false;
            if (result.failed() && !failing) {
                LOG.warn("Job '{}' failed; it keeps running on schedule", name, result.cause());
            } else if (result.succeeded() && failing) {
                LOG.info("Job '{}' works again", name);
            }
            failing = result.failed();
        });
    }

    void cancel() {
        vertx.cancelTimer(timerId);
    }
}
