package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.service.Training;
import org.guichet.server.domain.TrainingActivity;

import java.util.List;

/** Training copies as the supervision's Training tab reads them. */
public final class TrainingView {

    private TrainingView() {
    }

    public static JsonObject entries(List<Training.Entry> entries) {
        JsonArray sites = new JsonArray();
        entries.forEach(entry -> sites.add(entry(entry)));
        return new JsonObject().put("sites", sites);
    }

    public static JsonObject entry(Training.Entry entry) {
        JsonObject json = new JsonObject().put("siteId", entry.site().id()).put("name", entry.site().name());
        if (entry.copy() != null) {
            JsonArray rooms = new JsonArray();
            entry.rooms().forEach(room -> rooms.add(SiteView.room(room)));
            json.put("copy", new JsonObject().put("id", entry.copy().id()).put("name", entry.copy().name())
                    .put("rooms", rooms));
        }
        return json;
    }

    public static JsonObject simulation(TrainingActivity.Simulation simulation) {
        return new JsonObject().put("perHour", simulation.perHour())
                .put("startedAt", simulation.startedAt().toString()).put("until", simulation.until().toString())
                .put("issued", simulation.issued());
    }

    public static JsonObject followed(Training.Followed followed) {
        JsonArray counters = new JsonArray();
        followed.counters().forEach(counter -> counters.add(new JsonObject().put("id", counter.counterId())
                .put("name", counter.name()).put("status", counter.status() == null ? "CLOSED" : counter.status())
                .put("agentId", counter.agentId()).put("agentName", counter.agentName())
                .put("since", counter.since() == null ? null : counter.since().toString())));
        JsonArray agents = new JsonArray();
        followed.agents().forEach(agent -> agents.add(new JsonObject().put("agentId", agent.agentId())
                .put("name", agent.name()).put("calls", agent.calls()).put("finished", agent.finished())
                .put("noShows", agent.noShows()).put("transfers", agent.transfers()).put("recalls", agent.recalls())
                .put("meanServiceSeconds", agent.meanServiceSeconds() == null ? null
                        : Math.round(agent.meanServiceSeconds()))));
        JsonArray actions = new JsonArray();
        followed.actions().forEach(action -> actions.add(new JsonObject().put("agentId", action.agentId())
                .put("kind", action.kind()).put("at", action.at().toString()).put("number", action.number())
                .put("counterId", action.counterId())));
        return new JsonObject().put("copy", new JsonObject().put("id", followed.copy().id())
                        .put("name", followed.copy().name()))
                .put("counters", counters).put("agents", agents).put("actions", actions)
                .put("simulation", followed.simulation().map(TrainingView::simulation).orElse(null));
    }
}
