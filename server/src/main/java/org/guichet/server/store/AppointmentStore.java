package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Appointment;
import org.guichet.server.domain.stats.AppointmentFigures;
import org.guichet.server.domain.stats.StatsQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Appointments and their slots' counts. */
public final class AppointmentStore {

    private static final String COLUMNS = """
            id, site_id, service_id, starts_at, slot_minutes, code, token, name, language, status, ticket_id,
            created_at, checked_in_at""";
    /**
     * Books a place in the slot ($2, $3) if it holds fewer than $4, and the appointment with it, in one statement:
     * the slot's row is the lock, so that however many book at once, no slot ever holds more than its capacity.
     * Nothing comes back when it is full.
     */
    static final String BOOK = """
            WITH place AS (
                INSERT INTO appointment_slot AS s (service_id, starts_at, booked) VALUES ($2, $3, 1)
                ON CONFLICT (service_id, starts_at) DO UPDATE SET booked = s.booked + 1 WHERE s.booked < $4
                RETURNING booked)
            INSERT INTO appointment (site_id, service_id, starts_at, slot_minutes, code, token, name, language,
                                     channel, created_by, created_at, phone_cipher, reminder)
            SELECT $1, $2, $3, $5, $6, $7, $8, $9, $10, $11, $12, $13,
                   CASE WHEN $13::bytea IS NULL THEN NULL ELSE 'PENDING' END FROM place
            RETURNING\s""" + COLUMNS;
    /** The number of places taken in each slot of a service between $2 and $3. */
    static final String BOOKED_BETWEEN = """
            SELECT starts_at, booked FROM appointment_slot WHERE service_id = $1 AND starts_at >= $2 AND starts_at < $3""";
    static final String BY_TOKEN = "SELECT " + COLUMNS + " FROM appointment WHERE token = $1";
    static final String BY_ID = "SELECT " + COLUMNS + " FROM appointment WHERE id = $1 AND site_id = $2";
    /** The booked appointment with this code; else the latest one checked in with it (a check-in sent again). */
    static final String BOOKED_BY_CODE = "SELECT " + COLUMNS
            + " FROM appointment WHERE site_id = $1 AND code = $2 AND status IN ('BOOKED', 'CHECKED_IN')"
            + " ORDER BY status = 'BOOKED' DESC, starts_at DESC LIMIT 1";
    static final String CLAIM_REMINDERS = """
            UPDATE appointment SET reminder = 'SENDING'
            WHERE id IN (SELECT id FROM appointment WHERE reminder = 'PENDING' AND status = 'BOOKED'
                         AND starts_at < $1 ORDER BY starts_at LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING\s""" + COLUMNS + ", phone_cipher";
    static final String FINISH_REMINDER =
            "UPDATE appointment SET reminder = $2, phone_cipher = NULL WHERE id = $1 AND reminder = 'SENDING'";
    static final String DROP_REMINDERS = """
            UPDATE appointment SET reminder = 'DROPPED', phone_cipher = NULL
            WHERE id IN (SELECT id FROM appointment WHERE reminder = 'PENDING' AND status <> 'BOOKED' LIMIT $1)""";
    /** A service's booked appointments whose time allows a check-in now ($3 to $4), earliest first. */
    static final String AT_HAND = "SELECT " + COLUMNS + " FROM appointment"
            + " WHERE site_id = $1 AND service_id = $2 AND status = 'BOOKED' AND starts_at BETWEEN $3 AND $4"
            + " ORDER BY starts_at, id LIMIT 30";
    static final String CLAIM_BY_ID = "UPDATE appointment SET status = 'CHECKED_IN', checked_in_at = $3, closed_at = $3"
            + " WHERE id = $2 AND site_id = $1 AND status = 'BOOKED' AND starts_at BETWEEN $4 AND $5 RETURNING "
            + COLUMNS;
    /** Cancels a booked appointment and gives its place back, in one statement. */
    static final String CANCEL = """
            WITH cancelled AS (
                UPDATE appointment SET status = 'CANCELLED', closed_at = $2
                WHERE token = $1 AND status = 'BOOKED' AND starts_at > $2
                RETURNING *),
            freed AS (
                UPDATE appointment_slot s SET booked = s.booked - 1 FROM cancelled c
                WHERE s.service_id = c.service_id AND s.starts_at = c.starts_at)
            SELECT\s""" + COLUMNS + " FROM cancelled";
    /**
     * Claims the booked appointment with this code whose time allows a check-in now ($4 to $5), before its ticket is
     * issued: nothing can cancel it or mark it missed afterwards.
     */
    static final String CLAIM = """
            UPDATE appointment SET status = 'CHECKED_IN', checked_in_at = $3, closed_at = $3
            WHERE site_id = $1 AND code = $2 AND status = 'BOOKED' AND starts_at BETWEEN $4 AND $5
            RETURNING\s""" + COLUMNS;
    static final String SET_TICKET = "UPDATE appointment SET ticket_id = $2 WHERE id = $1";
    /** Booked appointments whose time is past the lateness allowed ($1) were missed. */
    static final String MARK_MISSED = """
            UPDATE appointment SET status = 'NO_SHOW', closed_at = $2
            WHERE id IN (SELECT id FROM appointment WHERE status = 'BOOKED' AND starts_at < $1 LIMIT $3)""";
    static final String ERASE_NAMES = """
            UPDATE appointment SET name = NULL
            WHERE id IN (SELECT id FROM appointment WHERE starts_at < $1 AND name IS NOT NULL LIMIT $2)""";
    /** Past the pseudonymisation period, nothing links an appointment to a visitor, an agent or a ticket. */
    static final String PSEUDONYMISE = """
            UPDATE appointment SET token = 'forgotten-' || id, created_by = NULL, name = NULL
            WHERE id IN (SELECT id FROM appointment WHERE starts_at < $1 AND token NOT LIKE 'forgotten-%' LIMIT $2)""";
    static final String DELETE_OLDER = """
            DELETE FROM appointment WHERE id IN (SELECT id FROM appointment WHERE starts_at < $1 LIMIT $2)""";
    static final String DELETE_OLDER_SLOTS = """
            DELETE FROM appointment_slot WHERE (service_id, starts_at) IN (
                SELECT service_id, starts_at FROM appointment_slot WHERE starts_at < $1 LIMIT $2)""";
    /**
     * Per service over the days $2..$3 (local to each site) of the sites $1 ($4 one service): appointments booked,
     * cancelled, missed, checked in; how the checked-in were called against their booked time; and the share of the
     * service's tickets that were appointments.
     */
    static final String FIGURES = """
            WITH a AS (
                SELECT a.*, t.first_called_at
                FROM appointment a JOIN site si ON si.id = a.site_id LEFT JOIN ticket t ON t.id = a.ticket_id
                WHERE a.site_id = ANY($1) AND (a.starts_at AT TIME ZONE si.time_zone)::date BETWEEN $2 AND $3
                  AND ($4::text IS NULL OR a.service_id = $4)),
            tickets AS (
                SELECT f.service_id, count(*) AS tickets, count(*) FILTER (WHERE f.priority = 'APPOINTMENT') AS booked
                FROM ticket_fact f
                WHERE f.site_id = ANY($1) AND f.local_day BETWEEN $2 AND $3 AND ($4::text IS NULL OR f.service_id = $4)
                GROUP BY f.service_id)
            SELECT a.site_id, a.service_id, count(*) AS appointments,
                   count(*) FILTER (WHERE a.status = 'CANCELLED') AS cancelled,
                   count(*) FILTER (WHERE a.status = 'NO_SHOW') AS no_shows,
                   count(*) FILTER (WHERE a.status = 'CHECKED_IN') AS checked_in,
                   count(a.first_called_at) AS called,
                   avg(extract(epoch FROM a.first_called_at - a.starts_at))::float8 AS mean_lateness,
                   count(*) FILTER (WHERE a.first_called_at <= a.starts_at + interval '5 minutes') AS called_on_time,
                   coalesce(min(t.tickets), 0) AS tickets, coalesce(min(t.booked), 0) AS appointment_tickets
            FROM a LEFT JOIN tickets t USING (service_id)
            GROUP BY a.site_id, a.service_id ORDER BY a.site_id, a.service_id""";

    private final Pool pool;

    public AppointmentStore(Pool pool) {
        this.pool = pool;
    }

    /** The appointment booked (with a sealed number for its reminder, or null), or empty when the slot is full. */
    public Future<Optional<Appointment>> book(Appointment request, int capacity, String channel, Long createdBy,
                                              byte[] sealedNumber) {
        return pool.preparedQuery(BOOK).execute(Tuple.of(request.siteId(), request.serviceId(),
                        Sql.utc(request.startsAt()), capacity, request.slotMinutes(), request.code())
                .addValue(request.token()).addValue(request.name()).addValue(request.language()).addValue(channel)
                .addValue(createdBy).addValue(Sql.utc(request.createdAt()))
                .addValue(sealedNumber == null ? null : Buffer.buffer(sealedNumber)))
                .map(AppointmentStore::first);
    }

    /** A reminder one node claimed: the appointment, and its sealed number. */
    public record Reminder(Appointment appointment, byte[] sealedNumber) {
    }

    /** Claims the pending reminders of appointments booked for before this instant (one node sends each). */
    public Future<List<Reminder>> claimReminders(Instant startsBefore, int batch) {
        return pool.preparedQuery(CLAIM_REMINDERS).execute(Tuple.of(Sql.utc(startsBefore), batch)).map(rows -> {
            List<Reminder> reminders = new ArrayList<>();
            for (Row row : rows) {
                reminders.add(new Reminder(appointment(row), row.getBuffer("phone_cipher").getBytes()));
            }
            return reminders;
        });
    }

    /** outcome: SENT or FAILED; the number is erased. */
    public Future<Void> finishReminder(long id, String outcome) {
        return pool.preparedQuery(FINISH_REMINDER).execute(Tuple.of(id, outcome)).mapEmpty();
    }

    /** Reminders no longer needed (the appointment cancelled, checked in, missed): their numbers erased. */
    public Future<Integer> dropReminders(int batch) {
        return pool.preparedQuery(DROP_REMINDERS).execute(Tuple.of(batch)).map(RowSet::rowCount);
    }

    /** Places taken per slot start, between two instants. */
    public Future<Map<Instant, Integer>> booked(String serviceId, Instant from, Instant to) {
        return pool.preparedQuery(BOOKED_BETWEEN).execute(Tuple.of(serviceId, Sql.utc(from), Sql.utc(to)))
                .map(rows -> {
                    Map<Instant, Integer> booked = new HashMap<>();
                    rows.forEach(row -> booked.put(Sql.instant(row, "starts_at"), row.getInteger("booked")));
                    return booked;
                });
    }

    public Future<Optional<Appointment>> byId(String siteId, long id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id, siteId)).map(AppointmentStore::first);
    }

    public Future<Optional<Appointment>> byToken(String token) {
        return pool.preparedQuery(BY_TOKEN).execute(Tuple.of(token)).map(AppointmentStore::first);
    }

    public Future<Optional<Appointment>> bookedByCode(String siteId, String code) {
        return pool.preparedQuery(BOOKED_BY_CODE).execute(Tuple.of(siteId, code)).map(AppointmentStore::first);
    }

    public Future<Optional<Appointment>> cancel(String token, Instant now) {
        return pool.preparedQuery(CANCEL).execute(Tuple.of(token, Sql.utc(now))).map(AppointmentStore::first);
    }

    /** The appointment claimed for a check-in, or empty when none with this code may check in between the two. */
    public Future<Optional<Appointment>> claim(String siteId, String code, Instant now, Instant earliestStart,
                                               Instant latestStart) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(siteId, code, Sql.utc(now), Sql.utc(earliestStart),
                Sql.utc(latestStart))).map(AppointmentStore::first);
    }

    public Future<List<Appointment>> atHand(String siteId, String serviceId, Instant earliestStart,
                                            Instant latestStart) {
        return pool.preparedQuery(AT_HAND).execute(Tuple.of(siteId, serviceId, Sql.utc(earliestStart),
                Sql.utc(latestStart))).map(rows -> {
                    List<Appointment> found = new ArrayList<>();
                    rows.forEach(row -> found.add(appointment(row)));
                    return found;
                });
    }

    /** The appointment picked from the list at the kiosk, claimed as by its code. */
    public Future<Optional<Appointment>> claimById(String siteId, long id, Instant now, Instant earliestStart,
                                                   Instant latestStart) {
        return pool.preparedQuery(CLAIM_BY_ID).execute(Tuple.of(siteId, id, Sql.utc(now), Sql.utc(earliestStart),
                Sql.utc(latestStart))).map(AppointmentStore::first);
    }

    public Future<Void> setTicket(long appointmentId, long ticketId) {
        return pool.preparedQuery(SET_TICKET).execute(Tuple.of(appointmentId, ticketId)).mapEmpty();
    }

    public Future<Integer> markMissed(Instant startedBefore, Instant now, int batch) {
        return pool.preparedQuery(MARK_MISSED).execute(Tuple.of(Sql.utc(startedBefore), Sql.utc(now), batch))
                .map(RowSet::rowCount);
    }

    public Future<Integer> eraseNamesBefore(Instant cutoff, int batch) {
        return pool.preparedQuery(ERASE_NAMES).execute(Tuple.of(Sql.utc(cutoff), batch)).map(RowSet::rowCount);
    }

    public Future<Integer> pseudonymiseBefore(Instant cutoff, int batch) {
        return pool.preparedQuery(PSEUDONYMISE).execute(Tuple.of(Sql.utc(cutoff), batch)).map(RowSet::rowCount);
    }

    public Future<Integer> deleteBefore(Instant cutoff, int batch) {
        return pool.preparedQuery(DELETE_OLDER).execute(Tuple.of(Sql.utc(cutoff), batch)).map(RowSet::rowCount)
                .compose(appointments -> pool.preparedQuery(DELETE_OLDER_SLOTS)
                        .execute(Tuple.of(Sql.utc(cutoff), batch)).map(rows -> appointments + rows.rowCount()));
    }

    public Future<List<AppointmentFigures>> figures(StatsQuery query) {
        return pool.preparedQuery(FIGURES).execute(Tuple.of(query.siteIds().toArray(String[]::new), query.from(),
                        query.to(), query.serviceId()))
                .map(rows -> {
                    List<AppointmentFigures> figures = new ArrayList<>();
                    for (Row row : rows) {
                        figures.add(new AppointmentFigures(row.getString("site_id"), row.getString("service_id"),
                                row.getLong("appointments"), row.getLong("cancelled"), row.getLong("no_shows"),
                                row.getLong("checked_in"), row.getLong("called"), row.getDouble("mean_lateness"),
                                row.getLong("called_on_time"), row.getLong("tickets"),
                                row.getLong("appointment_tickets")));
                    }
                    return figures;
                });
    }

    private static Optional<Appointment> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(appointment(rows.iterator().next()));
    }

    private static Appointment appointment(Row row) {
        return (new Appointment(row.getLong("id"), row.getString("site_id"), row.getString("service_id"),
                Sql.instant(row, "starts_at"), row.getInteger("slot_minutes"), row.getString("code"),
                row.getString("token"), row.getString("name"), row.getString("language"),
                Appointment.Status.valueOf(row.getString("status")), row.getLong("ticket_id"),
                Sql.instant(row, "created_at"), Sql.instant(row, "checked_in_at")));
    }
}
