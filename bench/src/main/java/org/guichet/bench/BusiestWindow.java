package org.guichet.bench;

/** The highest average of any {@code size} consecutive samples seen so far (e.g. the busiest 30 s of CPU). */
final class BusiestWindow {

    private final double[] window;
    private int count;
    private double sum;
    private double busiest;

    BusiestWindow(int size) {
        this.window = new double[size];
    }

    void add(double sample) {
        int slot = count % window.length;
        sum += sample - (count >= window.length ? window[slot] : 0);
        window[slot] = sample;
        count++;
        if (count >= window.length) {
            busiest = Math.max(busiest, sum / window.length);
        }
    }

    /** The busiest full window's average (0 before a window is full). */
    double busiest() {
        return busiest;
    }
}
