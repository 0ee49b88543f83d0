package org.guichet.server.service;

import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lets requests that arrive while the database is busy leave together: at most {@code maxInFlight} batches run at
 * once, and whatever arrives meanwhile waits for the next one (up to {@code maxBatch} items). Nothing waits on a timer:
 * under light load each request leaves at once, alone; under heavy load one transaction, and one commit, serves many.
 * Safe to call from any thread.
 *
 * @param <T> an item; {@code runBatch} must settle whatever each item waits for, then complete its own future
 */
final class Batcher<T> {

    private final int maxInFlight;
    private final int maxBatch;
    private final Function<List<T>, Future<?>> runBatch;
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private int inFlight;

    Batcher(int maxInFlight, int maxBatch, Function<List<T>, Future<?>> runBatch) {
        if (maxInFlight < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("maxInFlight and maxBatch must be at least 1");
        }
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
        this.runBatch = runBatch;
    }

    void submit(T item) {
        List<T> batch;
        synchronized (this) {
            pending.add(item);
            batch = takeBatch();
        }
        if (batch != null) {
            run(batch);
        }
    }

    private List<T> takeBatch() {
        if (inFlight >= maxInFlight || pending.isEmpty()) {
            return null;
        }
        inFlight++;
        List<T> batch = new ArrayList<>(Math.min(pending.size(), maxBatch));
        while (!pending.isEmpty() && batch.size() < maxBatch) {
            batch.add(pending.poll());
        }
        return batch;
    }

    private void run(List<T> batch) {
        Future<?> done;
        try {
            done = runBatch.apply(batch);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onComplete(result -> {
            List<T> next;
            synchronized (this) {
                inFlight--;
                next = takeBatch();
            }
            if (next != null) {
                run(next);
            }
        });
    }

    synchronized int pendingCount() {
        return pending.size();
    }
}
