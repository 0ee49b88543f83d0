package org.guichet.server.store;

/** Tickets written straight into the table of a test server's site s1, for the tests of how they are planned. */
final class TicketRows {

    /**
     * $1 ended tickets, $2 a day back from yesterday, spread over the day from 08:30, each called after 5 minutes,
     * served from the 6th and ended at the 15th.
     */
    static final String LOAD_ENDED_HISTORY = """
            INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                status_token, arrival_at, issued_at, first_called_at, called_at, started_at, ended_at)
            SELECT 's1', 'svc-b', 'r1', 'H', g, day, 'NORMAL', 'fr', 'DONE', md5('history-' || g),
                   at, at, at + interval '5 minutes', at + interval '5 minutes', at + interval '6 minutes',
                   at + interval '15 minutes'
            FROM generate_series(1, $1::integer) g
            CROSS JOIN LATERAL (SELECT current_date - 1 - g / $2::integer AS day) d
            CROSS JOIN LATERAL (SELECT d.day + time '08:30'
                                       + make_interval(secs => (g % $2::integer) * (28800 / $2::integer)) AS at) a""";

    /** $1 tickets waiting today, never called. */
    static final String ADD_OPEN_TICKETS = """
            INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                status_token, arrival_at, issued_at)
            SELECT 's1', 'svc-b', 'r1', 'W', g, current_date, 'NORMAL', 'fr', 'WAITING', md5('open-' || g),
                   now(), now()
            FROM generate_series(1, $1::integer) g""";

    private TicketRows() {
    }
}
