package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.guichet.server.domain.Failure;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where passwords are hashed: a few worker threads of their own (half the processors, at least one), so that a flood of
 * log-ins queues there instead of taking every core from the event loops and the database; Vert.x's shared worker pool
 * (20 threads) would run 16 Argon2 hashes at once on 2 cores. A log-in waits in line only while the line is short
 * ({@link #mostWaiting}); beyond, it is refused at once (429, try again in a second), which costs no hashing.
 * Thread-safe.
 */
public final class PasswordWork {

    static final String POOL_NAME = "guichet-password-hashing";
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final PasswordHasher hasher;
    private final WorkerExecutor workers;
    private final int mostInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();

    public PasswordWork(Vertx vertx, PasswordHasher hasher) {
        this(vertx, hasher, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /** @param threads hashes run at once; as many again times eight may wait */
    public PasswordWork(Vertx vertx, PasswordHasher hasher, int threads) {
        this.hasher = hasher;
        this.workers = vertx.createSharedWorkerExecutor(POOL_NAME, threads);
        this.mostInFlight = threads + mostWaiting(threads);
    }

    static int mostWaiting(int threads) {
        return 8 * threads;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /** Runs work that hashes for someone already trusted (an administrator's change, an import): it always waits. */
    public <T> Future<T> run(Callable<T> work) {
        return workers.executeBlocking(counted(work), false);
    }

    /** Runs work that hashes for anyone (a log-in); refused as busy when the line is full. */
    public <T> Future<T> tryRun(Callable<T> work) {
        if (inFlight.incrementAndGet() > mostInFlight) {
            inFlight.decrementAndGet();
            return Future.failedFuture(Failure.tooManyAttempts("login_busy",
                    "Too many log-ins at once; try again in a moment.", BUSY_RETRY));
        }
        return workers.executeBlocking(counted(work), false).andThen(done -> inFlight.decrementAndGet());
    }

    /** How many pieces of work have started hashing on this instance (what a refused log-in never costs). */
    public long started() {
        return started.get();
    }

    private <T> Callable<T> counted(Callable<T> work) {
        return () -> {
            started.incrementAndGet();
            return work.call();
        };
    }
}
