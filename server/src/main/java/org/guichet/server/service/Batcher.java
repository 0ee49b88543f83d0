package org.guichet.server.service;

import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Lets requests that arrive while the database is busy with their key leave together: a batch in flight holds the
 * keys of its items, whatever arrives for a key held waits for the next batch (up to {@code maxBatch} items), and
 * requests for other keys leave at once in batches of their own, up to {@code maxInFlight} at a time. Nothing waits
 * on a timer: under light load each request leaves at once, alone; under heavy load one transaction, and one commit,
 * serves many. Items of one key leave in the order they came. Safe to call from any thread.
 *
 * @param <T> an item; {@code runBatch} must settle whatever each item waits for, then complete its own future
 */
final class Batcher<T> {

    private final int maxInFlight;
    private final int maxBatch;
    private final Function<T, ?> key;
    private final Function<List<T>, Future<?>> runBatch;
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private final Set<Object> keysInFlight = new HashSet<>();
    private int inFlight;

    private record Batch<T>(List<T> items, Set<Object> keys) {
    }

    Batcher(int maxInFlight, int maxBatch, Function<T, ?> key, Function<List<T>, Future<?>> runBatch) {
        if (maxInFlight < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("maxInFlight and maxBatch must be at least 1");
        }
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
        this.key = key;
        this.runBatch = runBatch;
    }

    void submit(T item) {
        Object itemKey = key.apply(item);
        Batch<T> batch;
        synchronized (this) {
            // Whatever waits while a batch could start waits for a key held: this item can only leave alone.
            if (inFlight >= maxInFlight || keysInFlight.contains(itemKey)) {
                pending.add(item);
                return;
            }
            batch = start(List.of(item), Set.of(itemKey));
        }
        run(batch);
    }

    private Batch<T> start(List<T> items, Set<Object> keys) {
        inFlight++;
        keysInFlight.addAll(keys);
        return new Batch<>(items, keys);
    }

    /** With a slot free, a batch of the oldest waiting items whose keys no batch in flight holds; or null. */
    private Batch<T> takeBatch() {
        List<T> items = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (Iterator<T> waiting = pending.iterator(); waiting.hasNext() && items.size() < maxBatch; ) {
            T item = waiting.next();
            Object itemKey = key.apply(item);
            if (!keysInFlight.contains(itemKey)) {
                items.add(item);
                keys.add(itemKey);
                waiting.remove();
            }
        }
        return items.isEmpty() ? null : start(items, keys);
    }

    private void run(Batch<T> batch) {
        Future<?> done;
        try {
            done = runBatch.apply(batch.items());
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onComplete(result -> {
            // A batch of several keys frees each: when one batch cannot take all that waits for them (maxBatch), the
            // rest must leave now in batches of their own, or a new request of a free key would overtake them.
            List<Batch<T>> next = new ArrayList<>();
            synchronized (this) {
                inFlight--;
                keysInFlight.removeAll(batch.keys());
                for (Batch<T> taken; inFlight < maxInFlight && (taken = takeBatch()) != null; ) {
                    next.add(taken);
                }
            }
            next.forEach(this::run);
        });
    }

    synchronized int pendingCount() {
        return pending.size();
    }
}
