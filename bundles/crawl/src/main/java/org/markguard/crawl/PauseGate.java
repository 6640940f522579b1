package org.markguard.crawl;

/**
 * Where the fetches of a paused crawl wait: closed holds every caller of {@link #awaitOpen} until
 * opened. Halted (Karaf stopping) refuses every fetch from then on, before its request is sent, so
 * the page is left for the resumed crawl instead of being cut off mid-way by the fetcher's shutdown.
 */
final class PauseGate {
    /** Thrown to a fetch refused because the crawl halts. */
    static final class Halted extends RuntimeException {
        Halted() {
            super("crawl halted for a restart", null, false, false);
        }
    }

    private boolean closed; // guarded by this
    private boolean halted; // guarded by this

    synchronized void close() {
        closed = true;
    }

    synchronized void open() {
        closed = false;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void halt() {
        halted = true;
        notifyAll();
    }

    synchronized boolean isHalted() {
        return halted;
    }

    synchronized void awaitOpen() throws InterruptedException {
        while (closed && !halted) {
            wait();
        }
        if (halted) {
            throw new Halted();
        }
    }
}
