package org.guichet.server.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Which audit entries to list, newest first: a period ({@code from} inclusive, {@code to} exclusive, ISO instants), an
 * actor (username or agent id), an action, a site, an entity ({@code kind} or {@code kind:id}), and a page
 * ({@code limit} entries older than the entry {@code before}). {@code siteIds} limits the answer to the sites of a
 * site-scoped administrator (null: no limit).
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String siteId, String entityKind,
                         String entityId, Long before, int limit, Set<String> siteIds) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    private static final int MAX_TEXT = 200;

    /** Reads the query parameters (one value each); anything malformed is invalid. */
    public static AuditQuery parse(Map<String, String> params) {
        Instant from = instant(params, "from");
        Instant to = instant(params, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw Failure.invalid("'from' must be before 'to'.");
        }
        String entity = text(params, "entity");
        String entityKind = entity;
        String entityId = null;
        if (entity != null && entity.contains(":")) {
            entityKind = entity.substring(0, entity.indexOf(':'));
            entityId = entity.substring(entity.indexOf(':') + 1);
        }
        Long before = null;
        String beforeText = text(params, "before");
        if (beforeText != null) {
            before = number(beforeText, "before");
            if (before < 1) {
                throw Failure.invalid("'before' must be an entry id.");
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = text(params, "limit");
        if (limitText != null) {
            long asked = number(limitText, "limit");
            if (asked < 1 || asked > MAX_LIMIT) {
                throw Failure.invalid("'limit' must be between 1 and " + MAX_LIMIT + ".");
            }
            limit = (int) asked;
        }
        return new AuditQuery(from, to, text(params, "actor"), text(params, "action"), text(params, "siteId"),
                entityKind, entityId, before, limit, null);
    }

    /** The same query, limited to the given sites. */
    public AuditQuery withinSites(Set<String> sites) {
        return new AuditQuery(from, to, actor, action, siteId, entityKind, entityId, before, limit, Set.copyOf(sites));
    }

    private static Instant instant(Map<String, String> params, String name) {
        String value = text(params, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Failure.invalid("'" + name + "' must be an ISO instant such as 2026-03-01T08:00:00Z (got '"
                    + value + "').");
        }
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Failure.invalid("'" + name + "' must be a whole number (got '" + value + "').");
        }
    }

    private static String text(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw Failure.invalid("'" + name + "' is too long.");
        }
        return value.trim();
    }
}
