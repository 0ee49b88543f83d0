package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Callback;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.stats.CallbackFigures;
import org.guichet.server.service.Callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Call-backs as agents see them. The caller's number appears only in the request the agent is calling back; lists and
 * confirmations never carry it, and no view names the agent who holds a request.
 */
public final class CallbackView {

    private CallbackView() {
    }

    /** What the one who asked gets back: the request, without the number. */
    public static JsonObject created(Callback callback, Catalog catalog) {
        return base(callback, catalog);
    }

    public static JsonObject forCounter(Callbacks.ForCounter callbacks, Catalog catalog, Instant now) {
        JsonArray open = new JsonArray();
        callbacks.open().forEach(shown -> open.add(item(shown, catalog, now)));
        return new JsonObject().put("held", callbacks.held().map(shown -> item(shown, catalog, now)).orElse(null))
                .put("open", open).put("at", now.toString());
    }

    /** One request in a tablet's list; with {@code phone} when it is the one this agent is calling back. */
    public static JsonObject item(Callbacks.Shown shown, Catalog catalog, Instant now) {
        Callback callback = shown.callback();
        JsonObject json = base(callback, catalog);
        long waited = Math.max(0, Duration.between(callback.due(), now).toSeconds());
        json.put("targetMinutes", shown.targetMinutes())
                .put("due", callback.status() == Callback.Status.WAITING && !callback.notBefore().isAfter(now))
                .put("waitedSeconds", callback.due().isAfter(now) ? 0 : waited)
                .put("overTarget", callback.firstAttemptAt() == null && !callback.due().isAfter(now)
                                   && waited > shown.targetMinutes() * 60L);
        if (shown.unreadable()) {
            json.put("unreadable", true);
        }
        if (shown.number() != null) {
            json.put("phone", new JsonObject().put("national", shown.number().national())
                    .put("e164", shown.number().e164()));
        }
        return json;
    }

    private static JsonObject base(Callback callback, Catalog catalog) {
        Catalog.Service service = catalog.services().get(callback.serviceId());
        return new JsonObject().put("id", callback.id()).put("siteId", callback.siteId())
                .put("serviceId", callback.serviceId()).put("serviceName", service == null ? null : service.name())
                .put("status", callback.status().name()).put("subject", callback.subject())
                .put("language", callback.language()).put("channel", callback.channel().name())
                .put("preferredFrom", callback.preferredFrom().toString())
                .put("preferredTo", callback.preferredTo().toString())
                .put("createdAt", callback.createdAt().toString()).put("notBefore", callback.notBefore().toString())
                .put("attempts", callback.attempts());
    }

    /** Figures per service, as statistics show waits: delays from when the caller expected the call. */
    public static JsonObject figures(List<CallbackFigures> figures, Catalog catalog) {
        JsonArray rows = new JsonArray();
        long requests = 0;
        long measured = 0;
        long within = 0;
        for (CallbackFigures row : figures) {
            Catalog.Service service = catalog.services().get(row.serviceId());
            long judged = row.judged();
            requests += row.requests();
            measured += judged;
            within += row.withinTarget();
            rows.add(new JsonObject().put("siteId", row.siteId()).put("serviceId", row.serviceId())
                    .put("serviceName", service == null ? row.serviceId() : service.name())
                    .put("targetMinutes", row.targetMinutes()).put("requests", row.requests())
                    .put("answered", row.answered()).put("wrongNumber", row.wrongNumber())
                    .put("unreached", row.unreached()).put("expired", row.expired()).put("open", row.open())
                    .put("attempts", row.attempts()).put("calledBack", row.attempted())
                    .put("meanDelaySeconds", rounded(row.meanDelaySeconds()))
                    .put("p90DelaySeconds", rounded(row.p90DelaySeconds()))
                    .put("withinTarget", row.withinTarget()).put("overdue", row.overdue())
                    .put("shareWithinTarget", judged == 0 ? null : (double) row.withinTarget() / judged));
        }
        return new JsonObject().put("rows", rows).put("total", new JsonObject().put("requests", requests)
                .put("withinTarget", within)
                .put("shareWithinTarget", measured == 0 ? null : (double) within / measured));
    }

    private static Long rounded(Double seconds) {
        return seconds == null ? null : Math.round(seconds);
    }
}
