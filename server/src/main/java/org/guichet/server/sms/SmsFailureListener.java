package org.guichet.server.sms;

import org.guichet.server.domain.PhoneNumber;

/**
 * Told of each message that was given up on, once all its attempts are spent (or at once when retrying cannot
 * help): for instance to tell the agents that a visitor will not get their "your turn is near" message.
 */
@FunctionalInterface
public interface SmsFailureListener {

    /** Runs on an event loop: it must not block. The number prints masked. */
    void gaveUp(PhoneNumber to, SmsFailure failure);
}
