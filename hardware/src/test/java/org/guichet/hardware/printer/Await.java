package org.guichet.hardware.printer;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The hardware tests' one way to wait for what another thread does: ask again until it holds, or fail. The server's
 * tests and the kiosk's share {@code org.guichet.server.testing.Eventually}; this module sits below the server and
 * cannot use its test jar, hence this small copy of the idea.
 */
final class Await {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long PAUSE_MILLIS = 5;

    private Await() {
    }

    /** Asks {@code probe} until {@code done} holds for its answer, and returns that answer. */
    static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still waiting after " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
