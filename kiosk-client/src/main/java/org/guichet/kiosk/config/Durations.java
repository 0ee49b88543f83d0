package org.guichet.kiosk.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written for people: {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, or a bare number of seconds. */
public final class Durations {

    private static final Pattern WRITTEN = Pattern.compile("\\s*(\\d+)\\s*(ms|s|m|h)?\\s*");

    private Durations() {
    }

    public static Duration parse(Object value, String where) {
        if (value instanceof Number number) {
            return requireNonNegative(Duration.ofMillis(Math.round(number.doubleValue() * 1000)), where);
        }
        if (value instanceof String text) {
            Matcher match = WRITTEN.matcher(text);
            if (match.matches()) {
                long amount = Long.parseLong(match.group(1));
                String unit = match.group(2) == null ? "s" : match.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
        }
        throw new IllegalArgumentException(where + ": expected a duration such as 30s, 500ms or 5m, got " + value);
    }

    private static Duration requireNonNegative(Duration duration, String where) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(where + ": a duration cannot be negative");
        }
        return duration;
    }
}
