package org.guichet.server.sms;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Why a message was not sent, and whether trying again later may help: yes when the provider was out of reach, slow,
 * failing (5xx) or asking to slow down (408, 429); no when it refused the message itself (another 4xx: a bad key, no
 * credits left, a number it cannot reach) or answered something that is not its API.
 *
 * <p>The message names the cause, never the phone number or the text: failures are logged and shown to
 * administrators. No cause is kept either, since its own message could say anything.
 */
public final class SmsFailure extends RuntimeException {

    /** A provider's error code (Brevo's {@code {"code": "invalid_parameter"}}) is shown only if it looks like one. */
    private static final Pattern PROVIDER_CODE = Pattern.compile("[A-Za-z0-9_]{1,40}");

    private final boolean retryable;
    private final int attempts;

    private SmsFailure(String message, boolean retryable, int attempts) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.attempts = attempts;
    }

    public static SmsFailure permanent(String message) {
        return new SmsFailure(message, false, 1);
    }

    public static SmsFailure temporary(String message) {
        return new SmsFailure(message, true, 1);
    }

    /** A provider's answer other than 2xx, with the error code its body carried, if any. */
    public static SmsFailure ofStatus(int status, String providerCode) {
        String code = providerCode != null && PROVIDER_CODE.matcher(providerCode).matches() ? " " + providerCode : "";
        boolean retryable = status >= 500 || status == 429 || status == 408;
        return new SmsFailure("The SMS provider answered " + status + code + ".", retryable, 1);
    }

    /**
     * What went wrong before any answer: a timeout or a connection refused, reset or closed may pass (a retry after a
     * timeout may send the message twice, better than not at all); anything else will not.
     */
    public static SmsFailure of(Throwable cause) {
        if (cause instanceof SmsFailure failure) {
            return failure;
        }
        String kind = cause.getClass().getSimpleName();
        if (cause instanceof TimeoutException) {
            return temporary("The SMS provider did not answer in time (" + kind + ").");
        }
        if (cause instanceof IOException || cause instanceof HttpClosedException
            || cause instanceof StreamResetException) {
            return temporary("The SMS provider could not be reached (" + kind + ").");
        }
        return permanent("The SMS could not be sent (" + kind + ").");
    }

    public boolean retryable() {
        return retryable;
    }

    /** How many requests were made before giving up. */
    public int attempts() {
        return attempts;
    }

    SmsFailure afterAttempts(int count) {
        return new SmsFailure(getMessage(), retryable, count);
    }
}
