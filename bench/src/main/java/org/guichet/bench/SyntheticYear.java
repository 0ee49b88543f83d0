package org.guichet.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic synthetic year of a network of sites, written with set-based SQL (generate_series) into an empty
 * Guichet database. Every "random" figure is {@code bench_rand(key, salt)}, a hash of the ticket's key
 * (site, open day, rank) and a salt, so two runs with the same parameters write exactly the same data.
 *
 * <ul>
 *   <li>sites {@code site-001...}: one waiting room, 5 services (targets 10, 15, 20, 20, 30 min), 6 counters serving
 *       every service, 8 agents; every 20th site is in America/Cayenne, every 25th in Indian/Reunion, the others in
 *       Europe/Paris (so daylight-saving changes are in the data).</li>
 *   <li>open days: Monday to Friday of the year, except French public holidays. Counters open 08:15, pause 12:00 to
 *       13:15, close 16:30 (local), each staffed by one of the site's agents, changing daily.</li>
 *   <li>visitors per site and day: {@code visitors * (0.5 + r)} scaled by a per-site size in 0.5..1.5; arrivals from
 *       08:30 to 15:30 local, denser in the morning; service mix 35/25/18/14/8 %.</li>
 *   <li>wait 20 s + up to 25 min growing with the site's load, plus a 5 % tail of up to 30 more minutes; walk 8 to 98 s;
 *       service 1.5 to 20 min; 4 % cancelled (left before being called), 5 % no-shows, 3 % transferred after service
 *       (successor tickets are not generated), the rest served.</li>
 *   <li>the last open day is "today": its tickets after 14:30 local are still waiting and its counters still open.</li>
 * </ul>
 * Events are written with triggers off (bulk load), then facts are derived by the same view the trigger uses.
 */
public final class SyntheticYear {

    private final int sites;
    private final int year;
    private final int visitors;

    public SyntheticYear(int sites, int year, int visitors) {
        this.sites = sites;
        this.year = year;
        this.visitors = visitors;
    }

    /** Steps in order, each one SQL statement; run with {@link #run}. */
    public List<Step> steps() {
        String y = Integer.toString(year);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("functions", """
                CREATE FUNCTION bench_rand(key bigint, salt integer) RETURNS float8 LANGUAGE sql IMMUTABLE AS
                $$ SELECT (hashint8(key * 7919 + salt) & 2147483647)::float8 / 2147483648.0 $$"""));
        steps.add(new Step("sites", """
                CREATE UNLOGGED TABLE bench_site AS
                SELECT i AS no, 'site-' || lpad(i::text, 3, '0') AS id,
                       CASE WHEN i %% 20 = 0 THEN 'America/Cayenne' WHEN i %% 25 = 0 THEN 'Indian/Reunion'
                            ELSE 'Europe/Paris' END AS time_zone,
                       0.5 + bench_rand(i, 101) AS size, 0.5 + bench_rand(i, 102) AS load
                FROM generate_series(1, %d) i""".formatted(sites)));
        steps.add(new Step("deployment", """
                WITH s AS (
                    INSERT INTO site (id, name, time_zone)
                    SELECT id, 'Site de test ' || no, time_zone FROM bench_site RETURNING id
                ), r AS (
                    INSERT INTO waiting_room (id, site_id, code, name) SELECT id || '-room', id, 'room', 'Accueil' FROM s
                    RETURNING 1
                ), v AS (
                    INSERT INTO service (id, site_id, code, kind, name, prefix, room_id, target_wait_minutes,
                                         menu_order)
                    SELECT s.id || '-svc' || n, s.id, 'svc' || n, 'service', 'Service ' || n, chr(64 + n), s.id || '-room',
                           (ARRAY[10, 15, 20, 20, 30])[n], n
                    FROM s CROSS JOIN generate_series(1, 5) n RETURNING 1
                )
                INSERT INTO counter (id, site_id, code, room_id, name)
                SELECT s.id || '-c' || n, s.id, 'c' || n, s.id || '-room', 'Guichet ' || n
                FROM s CROSS JOIN generate_series(1, 6) n"""));
        steps.add(new Step("counter services and agents", """
                WITH cs AS (
                    INSERT INTO counter_service (counter_id, service_id, rank)
                    SELECT c.id, c.site_id || '-svc' || n, n FROM counter c CROSS JOIN generate_series(1, 5) n
                    RETURNING 1
                ), a AS (
                    INSERT INTO agent (id, username, display_name, password_hash, role)
                    SELECT (b.no - 1) * 8 + n, b.id || '.agent' || n, 'Agent ' || n || ' ' || b.id, 'x', 'agent'
                    FROM bench_site b CROSS JOIN generate_series(1, 8) n RETURNING id
                )
                INSERT INTO agent_site (agent_id, site_id)
                SELECT (b.no - 1) * 8 + n, b.id FROM bench_site b CROSS JOIN generate_series(1, 8) n"""));
        steps.add(new Step("agent sequence", "SELECT setval('agent_id_seq', (SELECT max(id) FROM agent))"));
        steps.add(new Step("open days", """
                CREATE UNLOGGED TABLE bench_day AS
                SELECT d::date AS day, (row_number() OVER (ORDER BY d))::int AS no
                FROM generate_series(date '%1$s-01-01', date '%1$s-12-31', interval '1 day') d
                WHERE extract(isodow FROM d) < 6
                  AND to_char(d, 'MM-DD') NOT IN ('01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11',
                                                  '12-25')""".formatted(y)));
        steps.add(new Step("tickets (staging)", """
                CREATE UNLOGGED TABLE bench_ticket AS
                WITH site_day AS (
                    SELECT s.no AS site_no, s.id AS site_id, s.time_zone, s.load, d.day, d.no AS day_no,
                           d.no = (SELECT max(no) FROM bench_day) AS today,
                           round(%d * s.size * (0.5 + bench_rand(s.no * 1000 + d.no, 1)))::int AS visitors
                    FROM bench_site s CROSS JOIN bench_day d
                ), raw AS (
                    SELECT sd.*, k, (sd.site_no::bigint * 1000 + sd.day_no) * 1000 + k AS key
                    FROM site_day sd CROSS JOIN LATERAL generate_series(1, sd.visitors) k
                ), drawn AS (
                    SELECT raw.*,
                           CASE WHEN bench_rand(key, 2) < 0.35 THEN 1 WHEN bench_rand(key, 2) < 0.60 THEN 2
                                WHEN bench_rand(key, 2) < 0.78 THEN 3 WHEN bench_rand(key, 2) < 0.92 THEN 4
                                ELSE 5 END AS service_no,
                           510 + floor(420 * (1 - sqrt(1 - bench_rand(key, 3))))::int AS minute,
                           1 + floor(6 * bench_rand(key, 4))::int AS counter_no,
                           floor(20 + 1500 * load * bench_rand(key, 5) ^ 2
                                 + CASE WHEN bench_rand(key, 6) < 0.05 THEN 1800 * bench_rand(key, 7) ELSE 0 END)::int
                               AS wait_s,
                           floor(8 + 90 * bench_rand(key, 8))::int AS walk_s,
                           floor(90 + 1110 * bench_rand(key, 9) ^ 1.6)::int AS service_s,
                           bench_rand(key, 10) AS fate,
                           floor(300 + 1800 * bench_rand(key, 11))::int AS gave_up_s,
                           bench_rand(key, 12) < 0.08 AS priority
                    FROM raw
                ), timed AS (
                    SELECT drawn.*,
                           ((day + make_interval(mins => minute, secs => floor(60 * bench_rand(key, 13))))
                               AT TIME ZONE time_zone) AS issued_at,
                           CASE WHEN today AND minute >= 870 THEN 'WAITING'
                                WHEN fate < 0.04 THEN 'CANCELLED' WHEN fate < 0.09 THEN 'NO_SHOW'
                                WHEN fate < 0.12 THEN 'TRANSFERRED' ELSE 'DONE' END AS status
                    FROM drawn
                )
                SELECT row_number() OVER (ORDER BY day, site_no, issued_at, k) AS id,
                       site_id, site_id || '-svc' || service_no AS service_id, site_id || '-room' AS room_id,
                       chr(64 + service_no) AS prefix, k AS seq, day, priority, status,
                       site_id || '-c' || counter_no AS counter_id,
                       (site_no - 1) * 8 + 1 + (counter_no + day_no) %% 8 AS agent_id,
                       issued_at,
                       CASE WHEN status IN ('DONE', 'NO_SHOW', 'TRANSFERRED')
                            THEN issued_at + make_interval(secs => wait_s) END AS call_at,
                       CASE WHEN status IN ('DONE', 'TRANSFERRED')
                            THEN issued_at + make_interval(secs => wait_s + walk_s) END AS start_at,
                       CASE status WHEN 'DONE' THEN issued_at + make_interval(secs => wait_s + walk_s + service_s)
                                   WHEN 'TRANSFERRED' THEN issued_at + make_interval(secs => wait_s + walk_s + service_s)
                                   WHEN 'NO_SHOW' THEN issued_at + make_interval(secs => wait_s + 180)
                                   WHEN 'CANCELLED' THEN issued_at + make_interval(secs => gave_up_s) END AS end_at,
                       CASE status WHEN 'DONE' THEN 'FINISH' WHEN 'TRANSFERRED' THEN 'TRANSFER'
                                   WHEN 'NO_SHOW' THEN 'NO_SHOW' WHEN 'CANCELLED' THEN 'CANCEL' END AS final_kind
                FROM timed""".formatted(visitors)));
        steps.add(new Step("tickets", """
                INSERT INTO ticket (id, site_id, service_id, room_id, prefix, seq, service_day, priority, language,
                                    status, status_token, arrival_at, issued_at, first_called_at, called_at,
                                    started_at, ended_at, counter_id, agent_id)
                SELECT id, site_id, service_id, room_id, prefix, seq, day,
                       CASE WHEN priority THEN 'PRIORITY' ELSE 'NORMAL' END, 'fr', status, md5(id::text), issued_at,
                       issued_at, call_at, call_at, start_at, end_at,
                       CASE WHEN status <> 'WAITING' AND status <> 'CANCELLED' THEN counter_id END,
                       CASE WHEN status <> 'WAITING' AND status <> 'CANCELLED' THEN agent_id END
                FROM bench_ticket"""));
        steps.add(new Step("ticket sequence", "SELECT setval('ticket_id_seq', (SELECT max(id) FROM ticket))"));
        steps.add(new Step("ticket events", """
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id, agent_id)
                SELECT b.id, b.site_id, b.service_id, e.kind, e.at, e.counter_id, e.agent_id
                FROM bench_ticket b
                CROSS JOIN LATERAL (VALUES
                    ('ISSUE', b.issued_at, NULL::text, NULL::bigint),
                    ('CALL', b.call_at, b.counter_id, b.agent_id),
                    ('START', b.start_at, b.counter_id, b.agent_id),
                    (b.final_kind, b.end_at, CASE WHEN b.final_kind <> 'CANCEL' THEN b.counter_id END,
                     CASE WHEN b.final_kind <> 'CANCEL' THEN b.agent_id END)
                ) AS e(kind, at, counter_id, agent_id)
                WHERE e.kind IS NOT NULL AND e.at IS NOT NULL"""));
        steps.add(new Step("counter events", """
                INSERT INTO counter_event (counter_id, site_id, agent_id, kind, at)
                SELECT c.id, c.site_id, (s.no - 1) * 8 + 1 + (n + d.no) % 8, e.kind,
                       (d.day + e.at) AT TIME ZONE s.time_zone
                FROM bench_site s
                CROSS JOIN generate_series(1, 6) n
                JOIN counter c ON c.id = s.id || '-c' || n
                CROSS JOIN bench_day d
                CROSS JOIN LATERAL (VALUES ('OPEN', time '08:15'), ('PAUSE', time '12:00'),
                                           ('RESUME', time '13:15'), ('CLOSE', time '16:30')) AS e(kind, at)
                WHERE e.kind <> 'CLOSE' OR d.no < (SELECT max(no) FROM bench_day)
                ORDER BY d.day, c.id, e.at"""));
        steps.add(new Step("counters open today", """
                INSERT INTO counter_state (counter_id, status, agent_id, since)
                SELECT c.id, 'OPEN', (s.no - 1) * 8 + 1 + (n + d.no) % 8, (d.day + time '13:15') AT TIME ZONE s.time_zone
                FROM bench_site s CROSS JOIN generate_series(1, 6) n
                JOIN counter c ON c.id = s.id || '-c' || n
                JOIN bench_day d ON d.no = (SELECT max(no) FROM bench_day)"""));
        steps.add(new Step("facts (the view the trigger uses)", """
                INSERT INTO ticket_fact (ticket_id, site_id, room_id, service_id, counter_id, agent_id, priority,
                                         origin, outcome, queued_at, ended_at, local_day, local_hour, local_dow,
                                         wait_s, walk_s, service_s, total_s, target_s, recalls, requeues)
                SELECT ticket_id, site_id, room_id, service_id, counter_id, agent_id, priority, origin, outcome,
                       queued_at, ended_at, local_day, local_hour, local_dow, wait_s, walk_s, service_s, total_s,
                       target_s, recalls, requeues
                FROM ticket_fact_source
                WHERE outcome IS NOT NULL /*part*/
                ORDER BY ticket_id"""));
        steps.add(new Step("days to roll up", "INSERT INTO stats_dirty_log (site_id, local_day) "
                + "SELECT DISTINCT site_id, local_day FROM ticket_fact"));
        return steps;
    }

    /** One statement; a step whose SQL holds {@link #PART_MARKER} may be run as several parts at once. */
    public record Step(String name, String sql) {

        public boolean divisible() {
            return sql.contains(PART_MARKER);
        }

        /** Part {@code part} of {@code parts}: the tickets whose id modulo {@code parts} is {@code part}. */
        public String part(int part, int parts) {
            return sql.replace(PART_MARKER, "AND ticket_id % " + parts + " = " + part);
        }
    }

    static final String PART_MARKER = "/*part*/";

    public static void run(Connection connection, Step step) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(step.sql());
        }
    }
}
