package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.store.RetentionStore;
import org.guichet.server.store.StatsRollups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.IntFunction;

/**
 * Applies the retention periods (see {@link RetentionPolicy} and docs/privacy.md): erases notes, outcomes and pause
 * reasons,
 * pseudonymises tickets and counter events, deletes old tickets once the statistics rollups hold them, deletes
 * expired sessions. The audit log's own retention is {@link AuditLog#deleteExpired()}, which runs on its own schedule.
 * Run by the cluster jobs; one server of a cluster does each batch (advisory lock, see {@link RetentionStore}).
 */
public final class DataRetention {

    private static final Logger LOG = LoggerFactory.getLogger(DataRetention.class);
    /** Rows changed per statement, so that a large backlog never holds one long transaction. */
    public static final int BATCH = 1000;

    /** What one run did. */
    public record Report(int notesErased, int eventNotesErased, int pauseReasonsErased, int ticketsPseudonymised,
                         int counterEventsPseudonymised, int ticketsDeleted, int counterEventsDeleted,
                         int sessionsDeleted, int commentsErased) {

        public boolean changedAnything() {
            return notesErased + eventNotesErased + pauseReasonsErased + ticketsPseudonymised
                   + counterEventsPseudonymised + ticketsDeleted + counterEventsDeleted + sessionsDeleted
                   + commentsErased > 0;
        }
    }

    private final RetentionStore store;
    private final StatsRollups rollups;
    private final RetentionPolicy policy;
    private final Clock clock;

    public DataRetention(RetentionStore store, StatsRollups rollups, RetentionPolicy policy, Clock clock) {
        this.store = store;
        this.rollups = rollups;
        this.policy = policy;
        this.clock = clock;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /** The first day whose per-ticket statistics are still kept now; the rollups alone answer for earlier days. */
    public LocalDate firstDayWithTickets() {
        return policy.firstDayWithTickets(clock.instant());
    }

    /** Does everything that has become due, batch after batch. */
    public Future<Report> run() {
        return run(BATCH);
    }

    public Future<Report> run(int batch) {
        Instant now = clock.instant();
        RetentionPolicy.Cutoffs cutoffs = policy.cutoffs(now);
        Instant deleteBefore = cutoffs.deleteBeforeDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        int[] counts = new int[9];
        return drain(size -> store.eraseTicketFreeText(cutoffs.notesBefore(), size), batch)
                .compose(n -> {
                    counts[0] = n;
                    return drain(size -> store.eraseEventFreeText(cutoffs.notesBefore(), size), batch);
                }).compose(n -> {
                    counts[1] = n;
                    return drain(size -> store.erasePauseReasons(cutoffs.notesBefore(), size), batch);
                }).compose(n -> {
                    counts[2] = n;
                    return drain(size -> store.eraseSatisfactionComments(cutoffs.notesBefore(), size), batch);
                }).compose(n -> {
                    counts[8] = n;
                    return drain(size -> store.pseudonymiseTickets(cutoffs.pseudonymiseBefore(), size), batch);
                }).compose(n -> {
                    counts[3] = n;
                    return drain(size -> store.pseudonymiseCounterEvents(cutoffs.pseudonymiseBefore(), size), batch);
                }).compose(n -> {
                    counts[4] = n;
                    // The rollups first: a day's tickets go only once its rollup is built (the delete checks it).
                    return rollups.rebuildAllDirty();
                }).compose(rebuilt -> drain(size -> store.deleteTickets(cutoffs.deleteBeforeDay(), size), batch))
                .compose(n -> {
                    counts[5] = n;
                    return drain(size -> store.deleteCounterEvents(deleteBefore, size), batch);
                }).compose(n -> {
                    counts[6] = n;
                    return drain(size -> store.deleteQueueLengths(cutoffs.deleteBeforeDay(), size), batch);
                }).compose(queues -> drain(size -> store.deleteExpiredSessions(now, size), batch))
                .map(n -> {
                    counts[7] = n;
                    Report report = new Report(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                            counts[6], counts[7], counts[8]);
                    if (report.changedAnything()) {
                        LOG.info("Data retention: {}", report);
                    }
                    return report;
                });
    }

    /** Runs a batch statement until it changes fewer rows than a batch; answers the total. */
    static Future<Integer> drain(IntFunction<Future<Integer>> statement, int batch) {
        return drainFrom(statement, batch, 0);
    }

    private static Future<Integer> drainFrom(IntFunction<Future<Integer>> statement, int batch, int soFar) {
        return statement.apply(batch).compose(changed -> changed < batch
                ? Future.succeededFuture(soFar + changed)
                : drainFrom(statement, batch, soFar + changed));
    }
}
