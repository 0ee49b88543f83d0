package org.guichet.server.domain;

import java.time.Instant;

/** What happens at a training copy: its simulated visitors, and what its trainees do, as a supervisor follows it. */
public final class TrainingActivity {

    private TrainingActivity() {
    }

    /** Visitors arriving at {@code perHour} until {@code until}; drawn up to {@code lastAt}, {@code issued} so far. */
    public record Simulation(String siteId, int perHour, Instant startedAt, Instant until, Instant lastAt, int issued,
                             Long startedBy) {
    }

    /** A counter of the copy: who holds it (nobody when closed) and since when. */
    public record CounterRow(String counterId, String name, String status, Long agentId, String agentName,
                             Instant since) {
    }

    /** One trainee's actions of the day; the mean service time of the visits they finished, if any. */
    public record AgentFigures(long agentId, String name, int calls, int finished, int noShows, int transfers,
                               int recalls, Double meanServiceSeconds) {
    }

    /** One action of a trainee on a ticket. */
    public record Action(long agentId, String kind, Instant at, String number, String counterId) {
    }
}
