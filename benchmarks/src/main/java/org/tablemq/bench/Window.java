package org.tablemq.bench;

/**
 * The timeline of one run: a warm-up that is not counted, then the measured window. Operations are counted by the
 * instant they completed, so an operation straddling a boundary falls on one side only.
 */
final class Window {

    private final long measureStart;
    private final long measureEnd;

    private Window(long measureStart, long measureEnd) {
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
    }

    static Window startingNow(Settings settings) {
        long start = System.nanoTime() + settings.warmup().toNanos();
        return new Window(start, start + settings.measure().toNanos());
    }

    boolean counts(long nanoTime) {
        return nanoTime >= measureStart && nanoTime < measureEnd;
    }

    boolean over(long nanoTime) {
        return nanoTime >= measureEnd;
    }

    long lengthNanos() {
        return measureEnd - measureStart;
    }
}
