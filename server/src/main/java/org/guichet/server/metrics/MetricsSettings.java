package org.guichet.server.metrics;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Whether this node answers {@code GET /metrics}, and to whom: the bearer token a Prometheus server presents
 * ({@code metrics.token} in the configuration, or GUICHET_METRICS_TOKEN, which wins). Without a token the endpoint is
 * off (404) and neither Vert.x nor the domain keeps any meter.
 *
 * @param registryName where Vert.x's own meters of this node are kept (Vert.x finds its registry by name): drawn for
 *                     each node, so that two nodes in one JVM never share one
 */
public record MetricsSettings(String token, String registryName) {

    /** A token shorter than this is refused: it would be guessable. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public MetricsSettings {
        if (token != null
            && (token.length() < MIN_TOKEN_LENGTH || !token.chars().allMatch(MetricsSettings::printable))) {
            throw new IllegalArgumentException("metrics.token must be at least " + MIN_TOKEN_LENGTH
                    + " printable characters without spaces (GUICHET_METRICS_TOKEN likewise).");
        }
    }

    public static MetricsSettings off() {
        return new MetricsSettings(null, null);
    }

    public static MetricsSettings withToken(String token) {
        return new MetricsSettings(token, "guichet-" + UUID.randomUUID());
    }

    /** {@code metrics: {token}}; GUICHET_METRICS_TOKEN wins; absent or blank leaves the endpoint off. */
    public static MetricsSettings fromConfig(JsonObject config) {
        Object section = config.getValue("metrics");
        JsonObject metrics = section instanceof JsonObject object ? object : new JsonObject();
        Object token = config.getValue("GUICHET_METRICS_TOKEN", metrics.getValue("token"));
        if (token == null || String.valueOf(token).isBlank()) {
            return off();
        }
        return withToken(String.valueOf(token).trim());
    }

    public boolean enabled() {
        return token != null;
    }

    /**
     * Whether a presented token is this node's, compared in a time that tells nothing of how much of it was right:
     * both are hashed first, so even their lengths are not compared.
     */
    public boolean accepts(String presented) {
        if (token == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(token));
    }

    /** Never the token itself: options are printed in logs and test reports. */
    @Override
    public String toString() {
        return enabled() ? "MetricsSettings[token=(set), registryName=" + registryName + "]" : "MetricsSettings[off]";
    }

    private static boolean printable(int character) {
        return character > 0x20 && character < 0x7f;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
