package org.guichet.bench;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

import java.util.concurrent.TimeUnit;

/**
 * How late the event loops of a Vert.x run what is due: each loop gives itself a task every 20 ms and
 * records how long after its due time it ran. An answer read on the same loop waits as long, behind the loop's other
 * work or for a core, so these figures tell the queueing of a client's or a server's loops apart from the time the
 * requests themselves take.
 */
final class LoopLag {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Latencies lags = new Latencies();
    private volatile boolean stopped;

    /** Starts probing every event loop of {@code vertx}; stops at {@link #stop()}. */
    static LoopLag start(Vertx vertx) {
        LoopLag lag = new LoopLag();
        for (EventExecutor executor : ((VertxInternal) vertx).nettyEventLoopGroup()) {
            lag.probe((EventLoop) executor, System.nanoTime() + PERIOD_NANOS);
        }
        return lag;
    }

    private void probe(EventLoop loop, long due) {
        loop.schedule(() -> {
            long now = System.nanoTime();
            lags.record(Math.max(0, now - due));
            if (!stopped && !loop.isShuttingDown()) {
                probe(loop, now + PERIOD_NANOS);
            }
        }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Adds the probes of another Vert.x (e.g. every server node's) to these. */
    void addAll(LoopLag other) {
        lags.addAll(other.lags);
    }

    void stop() {
        stopped = true;
    }

    int probes() {
        return lags.count();
    }

    double maxMillis() {
        return lags.percentileMillis(1.0);
    }

    /** p50 / p99 / max of the lag, in milliseconds, and how many probes ran. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "p50 %.2f / p99 %.2f / max %.1f ms (%d probes)",
                lags.percentileMillis(0.5), lags.percentileMillis(0.99), lags.percentileMillis(1.0), lags.count());
    }
}
