package org.guichet.server.sms;

import io.vertx.core.Future;
import org.guichet.server.domain.PhoneNumber;

/**
 * Sends one text message to one phone. The future fails with an {@link SmsFailure}, which tells whether trying again
 * may help; it never throws.
 */
@FunctionalInterface
public interface SmsGateway {

    Future<SmsReceipt> send(PhoneNumber to, String text);

    /** Lets go of what the gateway holds (an HTTP client's connections); nothing by default. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }

    /** What a server without an SMS provider uses: every message fails at once, and for good. */
    static SmsGateway off() {
        return (to, text) -> Future.failedFuture(SmsFailure.permanent("SMS are off on this server."));
    }
}
