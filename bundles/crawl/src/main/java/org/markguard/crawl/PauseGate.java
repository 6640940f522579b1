package org.markguard.crawl;

/** Where the fetches of a paused crawl wait: closed holds every caller of {@link #awaitOpen} until opened. */
final class PauseGate {
    private boolean closed; // guarded by this

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

    synchronized void awaitOpen() throws InterruptedException {
        while (closed) {
            wait();
        }
    }
}
