package org.guichet.server.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Guichet speaks: every visitor-facing text in four, every agent-facing text in two. French first. */
public final class Languages {

    public static final List<String> VISITOR = List.of("fr", "en", "es", "oc");
    public static final List<String> AGENT = List.of("fr", "en");
    public static final String DEFAULT = "fr";

    private Languages() {
    }

    /** A visitor language as written by a client, lower-cased; empty when it is not one of {@link #VISITOR}. */
    public static Optional<String> visitor(String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        String normalized = requested.trim().toLowerCase(Locale.ROOT);
        return VISITOR.contains(normalized) ? Optional.of(normalized) : Optional.empty();
    }
}
