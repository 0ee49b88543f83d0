package org.guichet.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class LoopLagTest {

    @Test
    void a_loop_kept_busy_runs_its_probe_at_least_that_late() throws Exception {
        // given a Vert.x of one event loop, probed
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            LoopLag lag = LoopLag.start(vertx);
            await(() -> lag.probes() >= 2);

            // when the loop is kept busy for 300 ms
            CountDownLatch busy = new CountDownLatch(1);
            vertx.runOnContext(v -> {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                busy.countDown();
            });
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            int probesBefore = lag.probes();
            await(() -> lag.probes() > probesBefore);
            lag.stop();

            // then the probe due meanwhile ran once the loop was free: at least the rest of the 300 ms late
            assertThat(lag.maxMillis()).isGreaterThanOrEqualTo(300.0 - 20);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for the probes").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
