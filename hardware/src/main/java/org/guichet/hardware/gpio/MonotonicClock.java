package org.guichet.hardware.gpio;

/**
 * Elapsed time in nanoseconds from an arbitrary origin, like {@link System#nanoTime()}: it never jumps when the wall
 * clock is set (a Raspberry Pi without a battery-backed clock sets it from the network after boot). Tests pass a
 * clock they move by hand.
 */
@FunctionalInterface
public interface MonotonicClock {

    MonotonicClock SYSTEM = System::nanoTime;

    long nanoTime();
}
