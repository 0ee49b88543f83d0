package org.guichet.server.sms;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of this node's messages since it started, for an admin page or metrics: a provider that keeps refusing
 * or failing shows here before visitors complain.
 */
public final class SmsCounters {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    /** Messages the provider accepted, whatever the number of attempts. */
    public long sent() {
        return sent.get();
    }

    /** Messages given up on. */
    public long failed() {
        return failed.get();
    }

    /** Attempts that failed and were tried again (a message sent at the third attempt counts 2). */
    public long retried() {
        return retried.get();
    }

    public JsonObject toJson() {
        return new JsonObject().put("sent", sent()).put("failed", failed()).put("retried", retried());
    }

    void countSent() {
        sent.incrementAndGet();
    }

    void countFailed() {
        failed.incrementAndGet();
    }

    void countRetried() {
        retried.incrementAndGet();
    }
}
