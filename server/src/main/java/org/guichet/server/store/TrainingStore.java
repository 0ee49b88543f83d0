package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.TicketNumber;
import org.guichet.server.domain.TrainingActivity.Action;
import org.guichet.server.domain.TrainingActivity.AgentFigures;
import org.guichet.server.domain.TrainingActivity.CounterRow;
import org.guichet.server.domain.TrainingActivity.Simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Training copies of sites ({@link org.guichet.server.domain.TrainingSites}): made or brought up to date from their
 * site in one transaction, their simulated visitors, and what their trainees did.
 */
public final class TrainingStore {

    /** The copy is always open (no hours, no calendar) and prints no footer; the rest follows the site. */
    static final String UPSERT_SITE = """
            INSERT INTO site (id, name, time_zone, opening_hours, calendar, calling_policy, footer, address, active,
                              translations, training_of, updated_at)
            SELECT $2::text, name || ' (formation)', time_zone, '{}', '{}', calling_policy, NULL, address, true,
                   translations, id, now()
            FROM site WHERE id = $1 AND training_of IS NULL
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
                                           calling_policy = EXCLUDED.calling_policy, address = EXCLUDED.address,
                                           translations = EXCLUDED.translations, updated_at = now()
            RETURNING id""";
    static final String UPSERT_ROOMS = """
            INSERT INTO waiting_room (id, site_id, name, code, building, floor, directions, translations)
            SELECT $2::text || ':' || code, $2, name, code, building, floor, directions, translations
            FROM waiting_room WHERE site_id = $1
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, building = EXCLUDED.building,
                                           floor = EXCLUDED.floor, directions = EXCLUDED.directions,
                                           translations = EXCLUDED.translations""";
    static final String UPSERT_SERVICES = """
            INSERT INTO service (id, site_id, kind, name, translations, prefix, room_id, target_wait_minutes,
                                 menu_order, orientation, active, code, outcomes, callback_target_minutes)
            SELECT $2::text || ':' || s.code, $2, s.kind, s.name, s.translations, s.prefix, $2::text || ':' || r.code,
                   s.target_wait_minutes, s.menu_order, s.orientation, s.active, s.code, s.outcomes,
                   s.callback_target_minutes
            FROM service s LEFT JOIN waiting_room r ON r.id = s.room_id WHERE s.site_id = $1
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
                                           translations = EXCLUDED.translations, prefix = EXCLUDED.prefix,
                                           room_id = EXCLUDED.room_id,
                                           target_wait_minutes = EXCLUDED.target_wait_minutes,
                                           menu_order = EXCLUDED.menu_order, orientation = EXCLUDED.orientation,
                                           active = EXCLUDED.active, outcomes = EXCLUDED.outcomes,
                                           callback_target_minutes = EXCLUDED.callback_target_minutes""";
    static final String SET_SERVICE_PARENTS = """
            UPDATE service c SET parent_id = CASE WHEN p.code IS NULL THEN NULL ELSE $2::text || ':' || p.code END
            FROM service s LEFT JOIN service p ON p.id = s.parent_id
            WHERE s.site_id = $1 AND c.id = $2::text || ':' || s.code""";
    static final String UPSERT_COUNTERS = """
            INSERT INTO counter (id, site_id, room_id, name, active, code)
            SELECT $2::text || ':' || c.code, $2, $2::text || ':' || r.code, c.name, c.active, c.code
            FROM counter c JOIN waiting_room r ON r.id = c.room_id WHERE c.site_id = $1
            ON CONFLICT (id) DO UPDATE SET room_id = EXCLUDED.room_id, name = EXCLUDED.name,
                                           active = EXCLUDED.active""";
    /** Of the copy ($1). */
    static final String CLEAR_COUNTER_SERVICES =
            "DELETE FROM counter_service WHERE counter_id IN (SELECT id FROM counter WHERE site_id = $1)";
    static final String COPY_COUNTER_SERVICES = """
            INSERT INTO counter_service (counter_id, service_id, rank)
            SELECT $2::text || ':' || c.code, $2::text || ':' || s.code, cs.rank
            FROM counter_service cs JOIN counter c ON c.id = cs.counter_id JOIN service s ON s.id = cs.service_id
            WHERE c.site_id = $1""";
    /** One screen per room of the copy ($1), opened in a browser by whoever trains. */
    static final String INSERT_SCREENS = """
            INSERT INTO device (id, site_id, kind, name, room_id, language, code)
            SELECT $1::text || ':ecran-' || code, $1, 'screen', 'Écran de formation, ' || name, id, 'fr',
                   'ecran-' || code
            FROM waiting_room WHERE site_id = $1
            ON CONFLICT (id) DO NOTHING""";
    static final String SCREEN_OF_ROOM =
            "SELECT id FROM device WHERE site_id = $1 AND room_id = $2 AND kind = 'screen' ORDER BY id LIMIT 1";

    static final String START_SIMULATION = """
            INSERT INTO training_simulation (site_id, per_hour, started_at, until, last_at, issued, started_by)
            VALUES ($1, $2, $3, $4, $3, 0, $5)
            ON CONFLICT (site_id) DO UPDATE SET per_hour = $2, started_at = $3, until = $4, last_at = $3, issued = 0,
                                                started_by = $5
            RETURNING site_id, per_hour, started_at, until, last_at, issued, started_by""";
    static final String STOP_SIMULATION = "DELETE FROM training_simulation WHERE site_id = $1";
    static final String SELECT_SIMULATION =
            "SELECT site_id, per_hour, started_at, until, last_at, issued, started_by FROM training_simulation"
                    + " WHERE site_id = $1";
    /**
     * Claims the time elapsed since each simulation's last draw, up to $1 (or its end), in one statement: a node
     * that claimed a window draws it, and no other node (nor a later run) draws it again, whatever happens next.
     * Answers each claimed window's start as {@code last_at}.
     */
    static final String CLAIM_DUE = """
            UPDATE training_simulation s SET last_at = least(s.until, $1)
            FROM (SELECT site_id, last_at FROM training_simulation WHERE last_at < least(until, $1)
                  FOR UPDATE SKIP LOCKED) due
            WHERE s.site_id = due.site_id
            RETURNING s.site_id, s.per_hour, s.started_at, s.until, due.last_at, s.issued, s.started_by""";
    static final String COUNT_ISSUED = "UPDATE training_simulation SET issued = issued + $2 WHERE site_id = $1";
    static final String DELETE_ENDED = "DELETE FROM training_simulation WHERE until <= $1";

    static final String COUNTERS = """
            SELECT c.id, c.name, cs.status, cs.agent_id, a.display_name, cs.since
            FROM counter c LEFT JOIN counter_state cs ON cs.counter_id = c.id
                 LEFT JOIN agent a ON a.id = cs.agent_id AND cs.status <> 'CLOSED'
            WHERE c.site_id = $1 AND c.active ORDER BY c.name, c.id""";
    /**
     * Each agent's actions at the copy since $2 (tickets given out are the simulation's or the kiosk's, not practice):
     * counts, mean service time of the visits they finished.
     */
    static final String AGENT_FIGURES = """
            SELECT e.agent_id, a.display_name,
                   count(*) FILTER (WHERE e.kind = 'CALL') AS calls,
                   count(*) FILTER (WHERE e.kind = 'FINISH') AS finished,
                   count(*) FILTER (WHERE e.kind = 'NO_SHOW') AS no_shows,
                   count(*) FILTER (WHERE e.kind = 'TRANSFER') AS transfers,
                   count(*) FILTER (WHERE e.kind = 'RECALL') AS recalls,
                   avg(extract(epoch FROM t.ended_at - t.started_at))
                       FILTER (WHERE e.kind = 'FINISH' AND t.started_at IS NOT NULL)::float8 AS mean_service_s
            FROM ticket_event e JOIN agent a ON a.id = e.agent_id JOIN ticket t ON t.id = e.ticket_id
            WHERE e.site_id = $1 AND e.at >= $2 AND e.kind <> 'ISSUE'
            GROUP BY e.agent_id, a.display_name ORDER BY a.display_name""";
    static final String LATEST_ACTIONS = """
            SELECT e.agent_id, e.kind, e.at, t.prefix, t.seq, e.counter_id
            FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id
            WHERE e.site_id = $1 AND e.at >= $2 AND e.agent_id IS NOT NULL AND e.kind <> 'ISSUE'
            ORDER BY e.id DESC LIMIT $3""";

    private final Pool pool;

    public TrainingStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Makes the site's training copy, or brings it up to date: what the site has now (a service added, a counter
     * renamed) the copy has too; nothing of the copy is deleted. Waits for deployments being applied, as they do for
     * each other. Empty when the site does not exist.
     */
    public Future<Optional<String>> copy(String siteId, String copyId, AuditEntry entry) {
        Tuple ids = Tuple.of(siteId, copyId);
        return pool.withTransaction(conn -> conn.query(DeploymentStore.LOCK_DEPLOYMENT).execute()
                .compose(locked -> conn.preparedQuery(UPSERT_SITE).execute(ids))
                .compose(site -> site.size() == 0 ? Future.succeededFuture(Optional.<String>empty())
                        : copyEntities(conn, ids).compose(done -> AuditStore.append(conn, List.of(entry)))
                        .map(done -> Optional.of(copyId))));
    }

    private static Future<Void> copyEntities(SqlConnection conn, Tuple ids) {
        return conn.preparedQuery(UPSERT_ROOMS).execute(ids)
                .compose(done -> conn.preparedQuery(UPSERT_SERVICES).execute(ids))
                .compose(done -> conn.preparedQuery(SET_SERVICE_PARENTS).execute(ids))
                .compose(done -> conn.preparedQuery(UPSERT_COUNTERS).execute(ids))
                .compose(done -> conn.preparedQuery(CLEAR_COUNTER_SERVICES).execute(Tuple.of(ids.getString(1))))
                .compose(done -> conn.preparedQuery(COPY_COUNTER_SERVICES).execute(ids))
                .compose(done -> conn.preparedQuery(INSERT_SCREENS).execute(Tuple.of(ids.getString(1))))
                .mapEmpty();
    }

    public Future<Optional<String>> screenOfRoom(String copyId, String roomId) {
        return pool.preparedQuery(SCREEN_OF_ROOM).execute(Tuple.of(copyId, roomId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("id")));
    }

    public Future<Simulation> startSimulation(String copyId, int perHour, Instant now, Instant until, long agentId) {
        return pool.preparedQuery(START_SIMULATION)
                .execute(Tuple.of(copyId, perHour, Sql.utc(now), Sql.utc(until), agentId))
                .map(rows -> simulation(rows.iterator().next()));
    }

    public Future<Void> stopSimulation(String copyId) {
        return pool.preparedQuery(STOP_SIMULATION).execute(Tuple.of(copyId)).mapEmpty();
    }

    public Future<Optional<Simulation>> simulation(String copyId) {
        return pool.preparedQuery(SELECT_SIMULATION).execute(Tuple.of(copyId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(simulation(rows.iterator().next())));
    }

    /**
     * Claims every simulation's elapsed window (one node each), runs {@code draw} on each outside any transaction,
     * counts what it issued, and deletes the simulations that ended. A draw that fails loses its window: practice
     * visitors are never issued twice.
     *
     * @param draw issues a simulation's arrivals from its last draw ({@code lastAt}) to the given instant; answers
     *             how many
     */
    public Future<Integer> drawDue(Instant now, BiFunction<Simulation, Instant, Future<Integer>> draw) {
        return pool.preparedQuery(CLAIM_DUE).execute(Tuple.of(Sql.utc(now))).compose(rows -> {
            List<Future<Integer>> draws = new ArrayList<>();
            rows.forEach(row -> {
                Simulation simulation = simulation(row);
                Instant to = now.isBefore(simulation.until()) ? now : simulation.until();
                draws.add(draw.apply(simulation, to).compose(issued -> issued == 0 ? Future.succeededFuture(0)
                        : pool.preparedQuery(COUNT_ISSUED).execute(Tuple.of(simulation.siteId(), issued))
                        .map(done -> issued)));
            });
            return Future.all(draws).map(done -> draws.stream().mapToInt(Future::result).sum());
        }).compose(total -> pool.preparedQuery(DELETE_ENDED).execute(Tuple.of(Sql.utc(now))).map(done -> total));
    }

    public Future<List<CounterRow>> counters(String copyId) {
        return pool.preparedQuery(COUNTERS).execute(Tuple.of(copyId)).map(rows -> {
            List<CounterRow> counters = new ArrayList<>();
            rows.forEach(row -> counters.add(new CounterRow(row.getString("id"), row.getString("name"),
                    row.getString("status"), row.getLong("agent_id"), row.getString("display_name"),
                    Sql.instant(row, "since"))));
            return counters;
        });
    }

    public Future<List<AgentFigures>> agentFigures(String copyId, Instant since) {
        return pool.preparedQuery(AGENT_FIGURES).execute(Tuple.of(copyId, Sql.utc(since))).map(rows -> {
            List<AgentFigures> figures = new ArrayList<>();
            rows.forEach(row -> figures.add(new AgentFigures(row.getLong("agent_id"), row.getString("display_name"),
                    row.getLong("calls").intValue(), row.getLong("finished").intValue(),
                    row.getLong("no_shows").intValue(), row.getLong("transfers").intValue(),
                    row.getLong("recalls").intValue(), row.getDouble("mean_service_s"))));
            return figures;
        });
    }

    public Future<List<Action>> latestActions(String copyId, Instant since, int limit) {
        return pool.preparedQuery(LATEST_ACTIONS).execute(Tuple.of(copyId, Sql.utc(since), limit)).map(rows -> {
            List<Action> actions = new ArrayList<>();
            rows.forEach(row -> actions.add(new Action(row.getLong("agent_id"), row.getString("kind"),
                    Sql.instant(row, "at"), TicketNumber.format(row.getString("prefix"), row.getInteger("seq")),
                    row.getString("counter_id"))));
            return actions;
        });
    }

    private static Simulation simulation(Row row) {
        return new Simulation(row.getString("site_id"), row.getInteger("per_hour"), Sql.instant(row, "started_at"),
                Sql.instant(row, "until"), Sql.instant(row, "last_at"), row.getInteger("issued"),
                row.getLong("started_by"));
    }
}
