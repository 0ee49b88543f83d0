package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AuditEntry;

import java.util.List;

/** Audit entries for administrators, and the cursor to the next (older) page. */
public final class AuditView {

    private AuditView() {
    }

    /** @param limit the page size asked for: a full page may have a next one */
    public static JsonObject page(List<AuditEntry> entries, int limit) {
        JsonArray list = new JsonArray();
        entries.forEach(entry -> list.add(entry(entry)));
        Long nextBefore = entries.size() == limit && !entries.isEmpty() ? entries.get(entries.size() - 1).id() : null;
        return new JsonObject().put("entries", list).put("nextBefore", nextBefore);
    }

    public static JsonObject entry(AuditEntry entry) {
        return new JsonObject()
                .put("id", entry.id())
                .put("at", entry.at().toString())
                .put("actor", new JsonObject().put("agentId", entry.actor().agentId())
                        .put("username", entry.actor().username()).put("address", entry.actor().address()))
                .put("action", entry.action())
                .put("entity", new JsonObject().put("kind", entry.entityKind()).put("id", entry.entityId()))
                .put("siteId", entry.siteId())
                .put("before", entry.before())
                .put("after", entry.after());
    }
}
