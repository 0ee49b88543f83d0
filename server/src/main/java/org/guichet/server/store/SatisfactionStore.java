package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.SatisfactionAnswer;
import org.guichet.server.domain.stats.SatisfactionFigures;
import org.guichet.server.domain.stats.StatsQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Visitors' satisfaction answers: one per served ticket, and their figures over a period. */
public final class SatisfactionStore {

    /** Nothing when the ticket is not served, or already has its answer. */
    static final String INSERT_ANSWER = """
            INSERT INTO satisfaction (ticket_id, site_id, service_id, counter_id, local_day, local_hour, score, comment,
                                      channel, answered_at)
            SELECT t.id, t.site_id, t.service_id, t.counter_id, (t.ended_at AT TIME ZONE s.time_zone)::date,
                   extract(hour FROM t.ended_at AT TIME ZONE s.time_zone)::smallint, $2, $3, $4, $5
            FROM ticket t JOIN site s ON s.id = t.site_id
            WHERE t.id = $1 AND t.status = 'DONE'
            ON CONFLICT (ticket_id) DO NOTHING
            RETURNING ticket_id""";
    static final String SELECT_ANSWERED = "SELECT EXISTS (SELECT 1 FROM satisfaction WHERE ticket_id = $1) AS answered";
    private static final String FILTERS = "a.site_id = ANY($1) AND a.local_day BETWEEN $2 AND $3"
            + " AND ($4::text IS NULL OR a.service_id = $4) AND ($5::text IS NULL OR a.counter_id = $5)";
    private static final String MEASURES = """
            count(*) AS answers, avg(a.score)::float8 AS average, count(*) FILTER (WHERE a.score >= 4) AS satisfied,
            count(*) FILTER (WHERE a.score = 1) AS s1, count(*) FILTER (WHERE a.score = 2) AS s2,
            count(*) FILTER (WHERE a.score = 3) AS s3, count(*) FILTER (WHERE a.score = 4) AS s4,
            count(*) FILTER (WHERE a.score = 5) AS s5""";
    /** Answers grouped by site, service or counter ($6 says which; 'all' for none). */
    static final String FIGURES = "SELECT CASE $6::text WHEN 'site' THEN a.site_id WHEN 'service' THEN a.service_id"
            + " WHEN 'counter' THEN a.counter_id ELSE 'all' END AS key,\n" + MEASURES
            + "\nFROM satisfaction a WHERE " + FILTERS + " GROUP BY 1 ORDER BY 1";
    /** By the agent who served the visit (from its statistics fact), only where the council switched it on. */
    static final String FIGURES_BY_AGENT = "SELECT f.agent_id::text AS key,\n" + MEASURES
            + "\nFROM satisfaction a JOIN ticket_fact f ON f.ticket_id = a.ticket_id WHERE " + FILTERS
            + " AND $6::text = 'agent' GROUP BY 1 ORDER BY 1";
    /** Served tickets of the same scope, for the response rate. */
    static final String SERVED = """
            SELECT count(*) AS served FROM ticket_fact a
            WHERE a.site_id = ANY($1) AND a.local_day BETWEEN $2 AND $3 AND a.outcome = 'DONE'
              AND ($4::text IS NULL OR a.service_id = $4) AND ($5::text IS NULL OR a.counter_id = $5)""";
    static final String LATEST_COMMENTS = "SELECT a.score, a.comment, a.service_id, a.counter_id, a.local_day"
            + " FROM satisfaction a WHERE " + FILTERS + " AND a.comment IS NOT NULL"
            + " ORDER BY a.answered_at DESC LIMIT $6";

    private final Pool pool;

    public SatisfactionStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the answer; false when the ticket already had one (or is not served). */
    public Future<Boolean> answer(long ticketId, SatisfactionAnswer answer, Instant now) {
        return pool.preparedQuery(INSERT_ANSWER)
                .execute(Tuple.of(ticketId, answer.score(), answer.comment(), answer.channel().code(), Sql.utc(now)))
                .map(rows -> rows.size() == 1);
    }

    public Future<Boolean> answered(long ticketId) {
        return pool.preparedQuery(SELECT_ANSWERED).execute(Tuple.of(ticketId))
                .map(rows -> rows.iterator().next().getBoolean("answered"));
    }

    /** @param by none, site, service, counter or agent */
    public Future<List<SatisfactionFigures>> figures(StatsQuery query, String by) {
        String sql = by.equals("agent") ? FIGURES_BY_AGENT : FIGURES;
        return pool.preparedQuery(sql).execute(scope(query).addValue(by)).map(rows -> {
            List<SatisfactionFigures> figures = new ArrayList<>();
            for (Row row : rows) {
                figures.add(new SatisfactionFigures(row.getString("key"), row.getLong("answers"), row.getDouble("average"),
                        row.getLong("satisfied"), new long[] {row.getLong("s1"), row.getLong("s2"),
                        row.getLong("s3"), row.getLong("s4"), row.getLong("s5")}));
            }
            return figures;
        });
    }

    public Future<Long> served(StatsQuery query) {
        return pool.preparedQuery(SERVED).execute(scope(query))
                .map(rows -> rows.iterator().next().getLong("served"));
    }

    public Future<List<SatisfactionFigures.Comment>> latestComments(StatsQuery query, int limit) {
        return pool.preparedQuery(LATEST_COMMENTS).execute(scope(query).addValue(limit)).map(rows -> {
            List<SatisfactionFigures.Comment> comments = new ArrayList<>();
            rows.forEach(row -> comments.add(new SatisfactionFigures.Comment(row.getInteger("score"), row.getString("comment"),
                    row.getString("service_id"), row.getString("counter_id"), row.getLocalDate("local_day"))));
            return comments;
        });
    }

    private static Tuple scope(StatsQuery query) {
        return Tuple.of(query.siteIds().toArray(String[]::new), query.from(), query.to(), query.serviceId(),
                query.counterId());
    }
}
