package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One administrative change for the audit log: who (the account, with its username as it was, and the address the
 * request came from), when, what (an action such as {@code agent.create}), on which entity of which site, and the
 * entity before and after. Secrets never get in: before and after are {@link Redaction redacted} here.
 *
 * @param id 0 until stored
 */
public record AuditEntry(long id, Instant at, Actor actor, String action, String entityKind, String entityId,
                         String siteId, JsonObject before, JsonObject after) {

    /** Who made a change: an agent from an address, or the server itself (the configuration file at start). */
    public record Actor(Long agentId, String username, String address) {

        public static Actor of(Principal principal, String address) {
            return new Actor(principal.agentId(), principal.username(), address);
        }

        /** The server acting on its own, e.g. {@code system:configuration}. */
        public static Actor system(String what) {
            return new Actor(null, "system:" + what, null);
        }
    }

    public AuditEntry {
        before = Redaction.redact(before);
        after = Redaction.redact(after);
    }

    public static AuditEntry of(Instant at, Actor actor, String action, String entityKind, String entityId,
                                String siteId, JsonObject before, JsonObject after) {
        return new AuditEntry(0, at, actor, action, entityKind, entityId, siteId, before, after);
    }
}
