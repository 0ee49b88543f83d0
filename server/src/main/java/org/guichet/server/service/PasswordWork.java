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
 * (20 threads) would run 16 Argon2 hashes at once on 2 cores. Hashing for anyone (log-ins) is also held to a share of
 * the machine's time ({@link #DEFAULT_SHARE} of the processors, measured per hash, a second's worth in advance): when
 * it is spent the next log-in's hash waits (its thread sleeps) until it is earned again, so a flood of log-ins from
 * many addresses, which per-address throttling cannot stop, gets that share and no more. A log-in waits in line only
 * while the line is short; otherwise it is refused at once (429, try again in a second), which costs no hashing.
 * Thread-safe.
 */
public final class PasswordWork {

    static final String POOL_NAME = "guichet-password-hashing";
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    /** Measures the processor time a hash took (not the wall time, which neighbours' load would inflate). */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final Vertx vertx;
    private final PasswordHasher hasher;
    private final WorkerExecutor workers;
    private final int mostInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Processor time per second that hashing for anyone may take, in nanoseconds; and how much is left now. */
    private final long budgetPerSecond;
    private long budgetNanos;
    private long refilledAtNanos = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();

    /** A quarter of the processors' time at most for log-ins' hashing. */
    static final double DEFAULT_SHARE = 0.25;

    public PasswordWork(Vertx vertx, PasswordHasher hasher) {
        this(vertx, hasher, Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                DEFAULT_SHARE * Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads    hashes run at once; as many again times eight may wait
     * @param processors how many processors' worth of time log-ins' hashing may take (e.g. 0.5: half of one)
     */
    public PasswordWork(Vertx vertx, PasswordHasher hasher, int threads, double processors) {
        this.vertx = vertx;
        this.hasher = hasher;
        this.workers = vertx.createSharedWorkerExecutor(POOL_NAME, threads);
        this.mostInFlight = threads + mostWaiting(threads);
        this.budgetPerSecond = (long) (processors * 1e9);
        this.budgetNanos = budgetPerSecond;
    }

    static int mostWaiting(int threads) {
        return 8 * threads;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /**
     * Runs work that hashes for someone already authenticated (an administrator's change, an import, one's own
     * password): on Vert.x's worker pool as before, in parallel (an import of 400 accounts takes seconds, not minutes),
     * never refused.
     */
    public <T> Future<T> run(Callable<T> work) {
        return vertx.executeBlocking(counted(work), false);
    }

    /** Runs work that hashes for anyone (a log-in); refused as busy when the line is full. */
    public <T> Future<T> tryRun(Callable<T> work) {
        if (inFlight.incrementAndGet() > mostInFlight) {
            inFlight.decrementAndGet();
            return busy();
        }
        return workers.executeBlocking(counted(() -> {
            awaitBudget();
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                return work.call();
            } finally {
                spend(THREADS.getCurrentThreadCpuTime() - start);
            }
        }), false).andThen(done -> inFlight.decrementAndGet());
    }

    private static <T> Future<T> busy() {
        return Future.failedFuture(busyFailure());
    }

    /**
     * Whether a log-in's hashing would be accepted now: asked before anything else is done for a log-in (queries
     * included), so that a flood refused for want of room costs next to nothing.
     */
    public boolean hasRoom() {
        return inFlight.get() < mostInFlight;
    }

    /** A log-in refused for want of room. */
    public static Failure busyFailure() {
        return Failure.tooManyAttempts("login_busy", "Too many log-ins at once; try again in a moment.", BUSY_RETRY);
    }

    /** On a hashing thread: sleeps until log-ins' share of processor time allows one more hash. */
    private void awaitBudget() throws InterruptedException {
        long waitNanos;
        while ((waitNanos = nanosUntilBudget()) > 0) {
            Thread.sleep(Math.max(1, waitNanos / 1_000_000));
        }
    }

    private synchronized long nanosUntilBudget() {
        long now = System.nanoTime();
        long refill = (long) ((now - refilledAtNanos) / 1e9 * budgetPerSecond);
        if (refill > 0) {
            budgetNanos = Math.min(budgetPerSecond, budgetNanos + refill);
            refilledAtNanos = now;
        }
        return budgetNanos > 0 ? 0 : (long) (-budgetNanos * 1e9 / budgetPerSecond) + 1;
    }

    private synchronized void spend(long nanos) {
        budgetNanos -= nanos;
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
