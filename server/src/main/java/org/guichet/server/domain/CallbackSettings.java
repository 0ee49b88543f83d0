package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * How call-backs are handled ({@code callbacks:} in the configuration).
 *
 * @param keepDays    after this many days a caller's number is erased even if nobody called back (the request is
 *                    then EXPIRED): a number is never kept longer than needed to call
 * @param retryAfter  after "no answer", how long before the request comes back to the agents
 * @param maxAttempts "no answer" this many times closes the request as UNREACHED (and erases the number)
 */
public record CallbackSettings(int keepDays, Duration retryAfter, int maxAttempts) {

    public static final int DEFAULT_KEEP_DAYS = 7;
    public static final int DEFAULT_RETRY_MINUTES = 30;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public CallbackSettings {
        if (keepDays < 1 || keepDays > 90) {
            throw new IllegalArgumentException("callbacks.keepDays must be a whole number of days from 1 to 90.");
        }
        if (retryAfter.isNegative() || retryAfter.isZero() || retryAfter.toMinutes() > 24 * 60) {
            throw new IllegalArgumentException("callbacks.retryMinutes must be from 1 to 1440 minutes.");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("callbacks.maxAttempts must be from 1 to 10.");
        }
    }

    public static CallbackSettings defaults() {
        return new CallbackSettings(DEFAULT_KEEP_DAYS, Duration.ofMinutes(DEFAULT_RETRY_MINUTES),
                DEFAULT_MAX_ATTEMPTS);
    }

    /** {@code callbacks: {keepDays, retryMinutes, maxAttempts}}, each a whole number; absent ones at their default. */
    public static CallbackSettings fromConfig(JsonObject config) {
        Object section = config.getValue("callbacks");
        JsonObject callbacks = section instanceof JsonObject object ? object : new JsonObject();
        return new CallbackSettings(whole(callbacks, "keepDays", DEFAULT_KEEP_DAYS),
                Duration.ofMinutes(whole(callbacks, "retryMinutes", DEFAULT_RETRY_MINUTES)),
                whole(callbacks, "maxAttempts", DEFAULT_MAX_ATTEMPTS));
    }

    private static int whole(JsonObject section, String key, int defaultValue) {
        Object value = section.getValue(key, defaultValue);
        if (value instanceof String text && text.strip().matches("\\d{1,5}")) {
            return Integer.parseInt(text.strip());
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException("callbacks." + key + " must be a whole number (got " + value + ").");
        }
        return number.intValue();
    }
}
