package org.guichet.server.domain.stats;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one counter spent a window of time, from its counter events (OPEN, PAUSE, RESUME, CLOSE) and the events of the
 * tickets it called. Open time runs from OPEN to CLOSE and includes pauses; calling runs from a CALL to the visitor's
 * START (or NO_SHOW, REQUEUE, TRANSFER); serving from START to FINISH (or TRANSFER); idle is open time neither
 * paused, calling nor serving. Everything is clipped to the window.
 */
public final class Occupancy {

    public record CounterEvent(String kind, Instant at) {
    }

    /** An event of a ticket at this counter: CALL, START, FINISH, NO_SHOW, REQUEUE or TRANSFER (others are ignored). */
    public record TicketEvent(long ticketId, String kind, Instant at) {
    }

    public record Result(long openSeconds, long pausedSeconds, long callingSeconds, long servingSeconds, long calls) {

        public static final Result NONE = new Result(0, 0, 0, 0, 0);

        public long availableSeconds() {
            return openSeconds - pausedSeconds;
        }

        public long idleSeconds() {
            return Math.max(0, availableSeconds() - callingSeconds - servingSeconds);
        }

        /** Share of available (open, not paused) time spent calling or serving; null when never available. */
        public Double occupancy() {
            return availableSeconds() <= 0 ? null
                    : Math.round(10000.0 * Math.min(availableSeconds(), callingSeconds + servingSeconds)
                                 / availableSeconds()) / 10000.0;
        }

        public Result plus(Result other) {
            return new Result(openSeconds + other.openSeconds, pausedSeconds + other.pausedSeconds,
                    callingSeconds + other.callingSeconds, servingSeconds + other.servingSeconds,
                    calls + other.calls);
        }

        public JsonObject toJson() {
            return new JsonObject().put("openSeconds", openSeconds).put("pausedSeconds", pausedSeconds)
                    .put("callingSeconds", callingSeconds).put("servingSeconds", servingSeconds)
                    .put("idleSeconds", idleSeconds()).put("occupancy", occupancy()).put("calls", calls);
        }
    }

    private Occupancy() {
    }

    /**
     * @param statusBefore the counter's status when the window starts: OPEN, PAUSED or CLOSED
     * @param counterEvents the counter's events inside the window, any order
     * @param ticketEvents events of tickets at this counter, from before the window start (to see calls in progress)
     */
    public static Result compute(String statusBefore, List<CounterEvent> counterEvents,
                                 List<TicketEvent> ticketEvents, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return Result.NONE;
        }
        long open = 0;
        long paused = 0;
        String status = statusBefore == null ? "CLOSED" : statusBefore;
        Instant since = start;
        List<CounterEvent> ordered = new ArrayList<>(counterEvents);
        ordered.sort(Comparator.comparing(CounterEvent::at));
        for (CounterEvent event : ordered) {
            if (event.at().isBefore(start) || !event.at().isBefore(end)) {
                continue;
            }
            long seconds = seconds(since, event.at());
            if (!"CLOSED".equals(status)) {
                open += seconds;
            }
            if ("PAUSED".equals(status)) {
                paused += seconds;
            }
            status = statusAfter(event.kind(), status);
            since = event.at();
        }
        long last = seconds(since, end);
        if (!"CLOSED".equals(status)) {
            open += last;
        }
        if ("PAUSED".equals(status)) {
            paused += last;
        }

        long calling = 0;
        long serving = 0;
        long calls = 0;
        Map<Long, List<TicketEvent>> byTicket = new LinkedHashMap<>();
        ticketEvents.forEach(event -> byTicket.computeIfAbsent(event.ticketId(), id -> new ArrayList<>()).add(event));
        for (List<TicketEvent> events : byTicket.values()) {
            events.sort(Comparator.comparing(TicketEvent::at));
            Instant callingSince = null;
            Instant servingSince = null;
            for (TicketEvent event : events) {
                switch (event.kind()) {
                    case "CALL" -> {
                        callingSince = event.at();
                        if (!event.at().isBefore(start) && event.at().isBefore(end)) {
                            calls++;
                        }
                    }
                    case "START" -> {
                        calling += clipped(callingSince, event.at(), start, end);
                        callingSince = null;
                        servingSince = event.at();
                    }
                    case "FINISH", "TRANSFER", "NO_SHOW", "REQUEUE" -> {
                        calling += clipped(callingSince, event.at(), start, end);
                        serving += clipped(servingSince, event.at(), start, end);
                        callingSince = null;
                        servingSince = null;
                    }
                    default -> {
                    }
                }
            }
            calling += clipped(callingSince, end, start, end);
            serving += clipped(servingSince, end, start, end);
        }
        return new Result(open, paused, calling, serving, calls);
    }

    /**
     * The same figures over consecutive windows (e.g. the hours of a day): window i runs from {@code boundaries[i]}
     * to {@code boundaries[i + 1]}, with the counter in the status its events left it in at the window's start.
     *
     * @param statusBefore the counter's status at the first boundary
     */
    public static List<Result> compute(String statusBefore, List<CounterEvent> counterEvents,
                                       List<TicketEvent> ticketEvents, List<Instant> boundaries) {
        List<CounterEvent> ordered = new ArrayList<>(counterEvents);
        ordered.sort(Comparator.comparing(CounterEvent::at));
        List<Result> results = new ArrayList<>();
        String status = statusBefore == null ? "CLOSED" : statusBefore;
        int next = 0;
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            Instant start = boundaries.get(i);
            while (next < ordered.size() && ordered.get(next).at().isBefore(start)) {
                status = statusAfter(ordered.get(next++).kind(), status);
            }
            results.add(compute(status, ordered, ticketEvents, start, boundaries.get(i + 1)));
        }
        return results;
    }

    /** The status a counter is in after one of its events. */
    public static String statusAfter(String kind, String current) {
        return switch (kind) {
            case "OPEN", "RESUME" -> "OPEN";
            case "PAUSE" -> "PAUSED";
            case "CLOSE" -> "CLOSED";
            default -> current;
        };
    }

    private static long clipped(Instant from, Instant to, Instant start, Instant end) {
        if (from == null) {
            return 0;
        }
        Instant a = from.isBefore(start) ? start : from;
        Instant b = to.isAfter(end) ? end : to;
        return b.isAfter(a) ? seconds(a, b) : 0;
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
