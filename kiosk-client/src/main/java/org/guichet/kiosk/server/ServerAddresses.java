package org.guichet.kiosk.server;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Guichet servers a kiosk may talk to, in the order configured, and the one in use. Every request goes to the one
 * in use; when it fails (no answer, or "unavailable"), the kiosk moves on to the next, round the list, and stays with
 * whichever answers: it does not go back to the first by itself.
 */
public final class ServerAddresses {

    private final List<URI> urls;
    private final AtomicInteger current = new AtomicInteger();

    public ServerAddresses(List<URI> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one server address is needed");
        }
        this.urls = List.copyOf(urls);
    }

    /** The server requests go to now. */
    public URI current() {
        return urls.get(current.get());
    }

    public int size() {
        return urls.size();
    }

    public List<URI> all() {
        return urls;
    }

    /**
     * The server {@code failed} did not answer: the next one in the list is used from now on, unless another request
     * already moved on from it (two requests failing together move on once, not twice). Answers the server now in use.
     */
    public URI moveOnFrom(URI failed) {
        int index = urls.indexOf(failed);
        if (index >= 0) {
            current.compareAndSet(index, (index + 1) % urls.size());
        }
        return current();
    }
}
