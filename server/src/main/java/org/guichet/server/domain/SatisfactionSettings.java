package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

/**
 * How visitors' satisfaction answers may be read ({@code satisfaction:} in the configuration). Figures per agent are
 * off unless the council switches them on ({@code byAgent: true}, or GUICHET_SATISFACTION_BY_AGENT=true): answers are
 * anonymous for the visitor, and per-agent figures are a decision for the employer and its staff representatives.
 */
public record SatisfactionSettings(boolean byAgent) {

    public static SatisfactionSettings defaults() {
        return new SatisfactionSettings(false);
    }

    public static SatisfactionSettings fromConfig(JsonObject config) {
        Object section = config.getValue("satisfaction");
        JsonObject satisfaction = section instanceof JsonObject object ? object : new JsonObject();
        Object byAgent = config.getValue("GUICHET_SATISFACTION_BY_AGENT", satisfaction.getValue("byAgent", false));
        if (byAgent instanceof Boolean flag) {
            return new SatisfactionSettings(flag);
        }
        String text = String.valueOf(byAgent).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return new SatisfactionSettings(Boolean.parseBoolean(text));
        }
        throw new IllegalArgumentException("satisfaction.byAgent must be true or false.");
    }
}
