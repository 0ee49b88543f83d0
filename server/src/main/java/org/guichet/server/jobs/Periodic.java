package org.guichet.server.jobs;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A job run every interval on its verticle's event loop, never overlapping itself: a run still going when the timer
 * fires is not doubled. A failure is logged once when it starts failing and once when it recovers. Cancelling it
 * waits for the run in progress, so that its verticle stops only once the job no longer uses what it is given.
 */
final class Periodic {

    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final Vertx vertx;
    private final String name;
    private final Supplier<Future<?>> run;
    private long timerId;
    /** The last run, completed (always successfully) once it has ended and its outcome was logged. */
    private Future<Void> lastRun = Future.succeededFuture();
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
        if (!lastRun.isComplete()) {
            return;
        }
        Future<?> done;
        try {
            done = run.get();
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        lastRun = done.transform(result -> {
            if (result.failed() && !failing) {
                LOG.warn("Job '{}' failed; it keeps running on schedule", name, result.cause());
            } else if (result.succeeded() && failing) {
                LOG.info("Job '{}' works again", name);
            }
            failing = result.failed();
            return Future.succeededFuture();
        });
    }

    /** Stops the schedule; completes when the run in progress, if any, has ended, whether it succeeded or not. */
    Future<Void> cancel() {
        vertx.cancelTimer(timerId);
        return lastRun;
    }
}
