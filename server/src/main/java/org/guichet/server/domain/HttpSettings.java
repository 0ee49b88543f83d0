package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the HTTP server waits for its clients, and whom it believes about TLS ({@code http:} in the configuration).
 *
 * @param idleTimeout     a client that sends or takes nothing for this long is cut off: between requests, or while
 *                        its body or its answer is on the way; never while the server works on a request
 *                        ({@code idleTimeoutSeconds}, default 20 s; see {@code ConnectionDeadlines})
 * @param headerTimeout   a new connection must have sent a whole request head within this time, so that headers dripped
 *                        byte by byte cannot hold it open ({@code headerTimeoutSeconds}, default 10 s)
 * @param trustedProxies  the reverse proxies, IP addresses or networks such as 10.0.0.0/8, whose
 *                        {@code X-Forwarded-For} names the client and whose {@code X-Forwarded-Proto} says the
 *                        browser came over TLS ({@code trustedProxies}, default none; see {@link ClientAddress})
 * @param refusedLoginDelay how long a log-in refused for throttling or a full hashing line waits before its 429
 *                        ({@code refusedLoginDelayMillis}, default 1 s): a flood that waits for each answer is slowed
 *                        to a few tries a second per connection, instead of taking the processors with cheap refusals
 */
public record HttpSettings(Duration idleTimeout, Duration headerTimeout, List<String> trustedProxies,
                           Duration refusedLoginDelay) {

    public static final Duration DEFAULT_REFUSED_LOGIN_DELAY = Duration.ofSeconds(1);

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

    public HttpSettings {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()
            || headerTimeout == null || headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive");
        }
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        refusedLoginDelay = refusedLoginDelay == null ? DEFAULT_REFUSED_LOGIN_DELAY : refusedLoginDelay;
        if (refusedLoginDelay.isNegative()) {
            throw new IllegalArgumentException("The delay of a refused log-in cannot be negative");
        }
        // Checked now, so that a typo stops the start rather than trusting nothing (or the wrong network) silently.
        ClientAddress.trusting(trustedProxies);
    }

    /** Who is believed about the client's address and about TLS. */
    public ClientAddress proxies() {
        return ClientAddress.trusting(trustedProxies);
    }

    /** With the default delay of a refused log-in. */
    public HttpSettings(Duration idleTimeout, Duration headerTimeout, List<String> trustedProxies) {
        this(idleTimeout, headerTimeout, trustedProxies, null);
    }

    /** The same, but a refused log-in waits {@code delay} before its answer. */
    public HttpSettings withRefusedLoginDelay(Duration delay) {
        return new HttpSettings(idleTimeout, headerTimeout, trustedProxies, delay);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_TIMEOUT, List.of());
    }

    /** From the configuration's {@code http:} object; absent keys take their defaults. */
    public static HttpSettings fromConfig(JsonObject http) {
        JsonObject config = http == null ? new JsonObject() : http;
        List<String> proxies = new ArrayList<>();
        Object listed = config.getValue("trustedProxies");
        if (listed instanceof JsonArray array) {
            array.forEach(address -> proxies.add(String.valueOf(address).trim()));
        } else if (listed instanceof String text) {
            for (String address : text.split(",")) {
                proxies.add(address.trim());
            }
        } else if (listed != null) {
            throw new IllegalArgumentException("http.trustedProxies must list IP addresses (got " + listed + ").");
        }
        proxies.removeIf(String::isEmpty);
        Object delay = config.getValue("refusedLoginDelayMillis", DEFAULT_REFUSED_LOGIN_DELAY.toMillis());
        if (!(delay instanceof Number millis) || millis.doubleValue() != Math.rint(millis.doubleValue())
            || millis.longValue() < 0 || millis.longValue() > 10_000) {
            throw new IllegalArgumentException("http.refusedLoginDelayMillis must be a whole number of milliseconds "
                    + "from 0 to 10000 (got " + delay + ").");
        }
        return new HttpSettings(seconds(config, "idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT),
                seconds(config, "headerTimeoutSeconds", DEFAULT_HEADER_TIMEOUT), proxies,
                Duration.ofMillis(millis.longValue()));
    }

    private static Duration seconds(JsonObject config, String key, Duration fallback) {
        Object value = config.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
            || number.longValue() < 1 || number.longValue() > 3600) {
            throw new IllegalArgumentException("http." + key + " must be a whole number of seconds from 1 to 3600 "
                    + "(got " + value + ").");
        }
        return Duration.ofSeconds(number.longValue());
    }

    /**
     * Whether the browser reached us over TLS: the connection itself, or a trusted proxy ({@code fromTrustedProxy})
     * that says so in {@code X-Forwarded-Proto} (anyone else could claim it).
     */
    public static boolean overTls(boolean tlsConnection, boolean fromTrustedProxy, String forwardedProto) {
        if (tlsConnection) {
            return true;
        }
        return forwardedProto != null && fromTrustedProxy
               && "https".equalsIgnoreCase(forwardedProto.split(",")[0].trim());
    }
}
