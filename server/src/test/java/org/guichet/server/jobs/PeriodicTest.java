package org.guichet.server.jobs;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's verticle stops only once the job's run in progress has ended: the pool is closed after that. */
class PeriodicTest {

    private static final long TIMEOUT_SECONDS = 15;

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void cancelling_completes_when_the_run_in_progress_ends_even_if_it_fails() throws Exception {
        Promise<Void> run = Promise.promise();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Periodic job = onContext(() -> Periodic.start(vertx, "test job", Duration.ofMillis(1), () -> {
            started.complete(null);
            return run.future();
        }));
        started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        Future<Void> cancelled = onContext(job::cancel);
        assertThat(cancelled.isComplete()).isFalse();
        run.fail("the pool is closing");
        cancelled.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(cancelled.succeeded()).isTrue();
    }

    @Test
    void cancelling_between_runs_completes_at_once() throws Exception {
        Periodic job = onContext(() -> Periodic.start(vertx, "test job", Duration.ofHours(1),
                () -> Future.failedFuture("never run")));
        assertThat(onContext(job::cancel).succeeded()).isTrue();
    }

    /** Periodic lives on its verticle's event loop: the test calls it there too. */
    private <T> T onContext(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> result.complete(action.get()));
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
