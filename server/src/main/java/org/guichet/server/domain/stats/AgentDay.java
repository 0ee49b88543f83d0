package org.guichet.server.domain.stats;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent's day at the counter, computed from recorded ticket events: how many tickets they called, served, marked
 * absent, transferred or requeued, and their average wait (first call − entry in the queue), walk (start − call) and
 * service (finish − start) times. Pure: the caller reads the events, this class only counts.
 */
public final class AgentDay {

    /** A row of ticket_event; {@code agentId} is null for events no agent made (ISSUE, TRANSFER_IN). */
    public record Event(long ticketId, String kind, Instant at, String counterId, Long agentId) {
    }

    /** The figures of the day; averages are whole seconds, null when there is nothing to average yet. */
    public record Summary(int called, int served, int noShows, int transferred, int requeued, Long averageWaitSeconds,
                          Long averageWalkSeconds, Long averageServiceSeconds, long totalServiceSeconds) {

        public JsonObject toJson() {
            return new JsonObject()
                    .put("called", called)
                    .put("served", served)
                    .put("noShows", noShows)
                    .put("transferred", transferred)
                    .put("requeued", requeued)
                    .put("averageWaitSeconds", averageWaitSeconds)
                    .put("averageWalkSeconds", averageWalkSeconds)
                    .put("averageServiceSeconds", averageServiceSeconds)
                    .put("totalServiceSeconds", totalServiceSeconds);
        }
    }

    private AgentDay() {
    }

    /**
     * @param events every event of the tickets the agent touched, grouped by ticket and in recorded order within each
     * @param agentId whose day it is
     */
    public static Summary summarize(List<Event> events, long agentId) {
        int called = 0;
        int served = 0;
        int noShows = 0;
        int transferred = 0;
        int requeued = 0;
        List<Duration> waits = new ArrayList<>();
        List<Duration> walks = new ArrayList<>();
        List<Duration> services = new ArrayList<>();

        long currentTicket = Long.MIN_VALUE;
        Instant entered = null;
        Instant lastCall = null;
        Instant lastStart = null;
        boolean calledBefore = false;
        for (Event event : events) {
            if (event.ticketId() != currentTicket) {
                currentTicket = event.ticketId();
                entered = null;
                lastCall = null;
                lastStart = null;
                calledBefore = false;
            }
            boolean mine = event.agentId() != null && event.agentId() == agentId;
            switch (event.kind()) {
                case "ISSUE", "TRANSFER_IN" -> entered = event.at();
                case "CALL" -> {
                    if (mine) {
                        called++;
                        if (!calledBefore && entered != null) {
                            waits.add(Duration.between(entered, event.at()));
                        }
                    }
                    calledBefore = true;
                    lastCall = event.at();
                }
                case "START" -> {
                    if (mine && lastCall != null) {
                        walks.add(Duration.between(lastCall, event.at()));
                    }
                    lastStart = event.at();
                }
                case "FINISH" -> {
                    if (mine) {
                        served++;
                        if (lastStart != null) {
                            services.add(Duration.between(lastStart, event.at()));
                        }
                    }
                }
                case "NO_SHOW" -> noShows += mine ? 1 : 0;
                case "TRANSFER" -> transferred += mine ? 1 : 0;
                case "REQUEUE" -> {
                    requeued += mine ? 1 : 0;
                    lastCall = null;
                }
                default -> {
                    // RECALL and CANCEL change no figure of the agent's day.
                }
            }
        }
        long totalService = services.stream().mapToLong(Duration::toMillis).sum();
        return new Summary(called, served, noShows, transferred, requeued, averageSeconds(waits),
                averageSeconds(walks), averageSeconds(services), Math.round(totalService / 1000.0));
    }

    static Long averageSeconds(List<Duration> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        long totalMillis = samples.stream().mapToLong(Duration::toMillis).sum();
        return Math.round(totalMillis / 1000.0 / samples.size());
    }
}
