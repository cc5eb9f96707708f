package org.tablemq.cli;

/** The exit codes scripts can rely on. */
final class ExitCodes {

    static final int OK = 0;
    /** {@code health} found a problem. */
    static final int UNHEALTHY = 1;
    /** Bad command line (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** The store could not be opened: unreachable, not there, or an H2 file another process holds. */
    static final int STORE_UNAVAILABLE = 3;
    /** The store refused the operation (an unknown queue, a failed statement). */
    static final int REFUSED = 4;

    private ExitCodes() {
    }
}
