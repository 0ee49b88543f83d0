package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

/**
 * How a site orders its queue.
 *
 * @param ageingShare          share of its service's target wait after which a normal ticket is promoted to the front tier
 *                             (0.75 with a 20 min target: promoted after 15 min), so a stream of priority tickets can not
 *                             keep it beyond its target
 * @param followCounterOrder   within a tier, serve the counter's services in the counter's order before arrival order;
 *                             otherwise strict arrival order across the counter's services
 */
public record CallingPolicy(double ageingShare, boolean followCounterOrder) {

    public static final CallingPolicy DEFAULT = new CallingPolicy(0.75, false);

    public CallingPolicy {
        if (!(ageingShare > 0 && ageingShare <= 1)) {
            throw new IllegalArgumentException("ageingShare must be in (0, 1]");
        }
    }

    public static CallingPolicy fromJson(JsonObject json) {
        if (json == null || json.isEmpty()) {
            return DEFAULT;
        }
        return new CallingPolicy(json.getDouble("ageingShare", DEFAULT.ageingShare()),
                json.getBoolean("followCounterOrder", DEFAULT.followCounterOrder()));
    }

    public JsonObject toJson() {
        return new JsonObject().put("ageingShare", ageingShare).put("followCounterOrder", followCounterOrder);
    }
}
