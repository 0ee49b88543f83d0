package org.guichet.server.sms;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.guichet.server.domain.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a message again while its failure may pass (a provider out of reach, slow or overloaded), waiting
 * {@code firstRetry}, then twice as long each time, up to {@code attempts} requests; a refusal ends it at once. The
 * waits are Vert.x timers: no thread is held meanwhile.
 *
 * <p>Each message given up on is counted, logged once (the reason only: neither the number nor the text, which are
 * personal data) and told to the listener.
 */
public final class RetryingSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSmsGateway.class);

    private final Vertx vertx;
    private final SmsGateway gateway;
    private final SmsSettings settings;
    private final SmsCounters counters;
    private final SmsFailureListener listener;

    public RetryingSmsGateway(Vertx vertx, SmsGateway gateway, SmsSettings settings, SmsCounters counters,
                              SmsFailureListener listener) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.settings = settings;
        this.counters = counters;
        this.listener = listener;
    }

    @Override
    public Future<SmsReceipt> send(PhoneNumber to, String text) {
        Promise<SmsReceipt> result = Promise.promise();
        attempt(to, text, 1, settings.firstRetry().toMillis(), result);
        return result.future();
    }

    @Override
    public Future<Void> close() {
        return gateway.close();
    }

    private void attempt(PhoneNumber to, String text, int attempt, long wait, Promise<SmsReceipt> result) {
        once(to, text).onComplete(receipt -> {
            if (receipt.succeeded()) {
                counters.countSent();
                result.complete(receipt.result().afterAttempts(attempt));
                return;
            }
            SmsFailure failure = SmsFailure.of(receipt.cause());
            if (failure.retryable() && attempt < settings.attempts()) {
                counters.countRetried();
                vertx.setTimer(wait, timer -> attempt(to, text, attempt + 1, wait * 2, result));
            } else {
                giveUp(to, failure.afterAttempts(attempt), result);
            }
        });
    }

    /** One request, whatever the gateway does wrong: a gateway that throws fails the future instead. */
    private Future<SmsReceipt> once(PhoneNumber to, String text) {
        try {
            return gateway.send(to, text);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private void giveUp(PhoneNumber to, SmsFailure failure, Promise<SmsReceipt> result) {
        counters.countFailed();
        LOG.warn("An SMS was given up on after {} attempt(s): {}", failure.attempts(), failure.getMessage());
        try {
            listener.gaveUp(to, failure);
        } catch (RuntimeException e) {
            LOG.warn("The SMS failure listener failed ({}).", e.getClass().getSimpleName());
        }
        result.fail(failure);
    }
}
