package org.guichet.server.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something that happens on another thread (a server, a browser, a device) by asking again until it holds
 * or the time is up. The only polling loop the tests use: no test sleeps a fixed time.
 */
public final class Eventually {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    private Eventually() {
    }

    /** Asks {@code probe} until {@code done} holds for its answer, and returns that answer. */
    public static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        return await(what, timeout, null, probe, done);
    }

    /**
     * The same, asking again every {@code every} rather than ever less often: for a test that also reads how soon
     * something happened.
     */
    public static <T> T await(String what, Duration timeout, Duration every, Supplier<T> probe,
                              Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = every == null ? FIRST_PAUSE_MILLIS : every.toMillis();
        T last = null;
        RuntimeException lastFailure = null;
        while (true) {
            try {
                last = probe.get();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException | AssertionError failure) {
                lastFailure = failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
            }
            if (System.nanoTime() > deadline) {
                AssertionError timedOut = new AssertionError("Still waiting after " + timeout.toMillis() + " ms for "
                        + what + (lastFailure == null ? "; last seen: " + last : "; last failure: " + lastFailure));
                if (lastFailure != null) {
                    timedOut.initCause(lastFailure);
                }
                throw timedOut;
            }
            pause(pause);
            pause = every == null ? Math.min(LONGEST_PAUSE_MILLIS, pause * 2) : pause;
        }
    }

    public static <T> T await(String what, Supplier<T> probe, Predicate<? super T> done) {
        return await(what, DEFAULT_TIMEOUT, probe, done);
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition::getAsBoolean, Boolean.TRUE::equals);
    }

    public static void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT_TIMEOUT, condition);
    }

    /** Runs {@code check} (assertions) until it passes; its last failure is the test's failure. */
    public static void untilPasses(String what, Duration timeout, Runnable check) {
        await(what, timeout, () -> {
            check.run();
            return true;
        }, Boolean.TRUE::equals);
    }

    /** A value that counts as "done": present, and not {@code false}. */
    public static boolean present(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    public static void untilPasses(String what, Runnable check) {
        untilPasses(what, DEFAULT_TIMEOUT, check);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
