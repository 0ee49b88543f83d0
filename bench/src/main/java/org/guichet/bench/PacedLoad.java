package org.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Clients each sending on a fixed schedule so that together they offer a given rate: latency at a given load rather
 * than at saturation. Latency counts from the scheduled send time, so a client that falls behind pays for the wait
 * (no coordinated omission).
 */
final class PacedLoad {

    private PacedLoad() {
    }

    /** {@code operation(client)} at {@code ratePerSecond} in all from {@code clients} clients for {@code duration}. */
    static Latencies run(Vertx clientVertx, Duration duration, int clients, double ratePerSecond,
                         IntFunction<Future<Void>> operation) {
        Latencies latencies = new Latencies();
        long interval = (long) (1e9 * clients / ratePerSecond);
        long start = System.nanoTime() + 10_000_000;
        long deadline = start + duration.toNanos();
        List<Future<Void>> clientsDone = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Promise<Void> done = Promise.promise();
            step(clientVertx, i, start + i * interval / clients, interval, deadline, operation, latencies, done);
            clientsDone.add(done.future());
        }
        try {
            Future.all(clientsDone).await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("paced clients did not finish", e);
        }
        return latencies;
    }

    private static void step(Vertx clientVertx, int client, long scheduled, long interval, long deadline,
                             IntFunction<Future<Void>> operation, Latencies latencies, Promise<Void> done) {
        if (scheduled >= deadline) {
            done.complete();
            return;
        }
        Runnable send = () -> operation.apply(client).onComplete(result -> {
            if (result.succeeded()) {
                latencies.record(System.nanoTime() - scheduled);
            } else {
                latencies.error();
            }
            step(clientVertx, client, scheduled + interval, interval, deadline, operation, latencies, done);
        });
        long delayMillis = (scheduled - System.nanoTime()) / 1_000_000;
        if (delayMillis >= 1) {
            clientVertx.setTimer(delayMillis, id -> send.run());
        } else {
            clientVertx.runOnContext(v -> send.run());
        }
    }
}
