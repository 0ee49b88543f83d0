package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;

/** Which phone took which ticket ({@code phone_ticket}), to hold each phone to one ticket in progress per site. */
public final class PhoneTicketStore {

    /** Nothing for a ticket already linked (the same tap answered again). */
    static final String INSERT = "INSERT INTO phone_ticket (ticket_id, site_id, phone_key) VALUES ($1, $2, $3)"
            + " ON CONFLICT (ticket_id) DO NOTHING";
    /**
     * The phone's ticket at the site still waiting, called or being served, if any; after a transfer, its successor
     * (which shares its status token).
     */
    static final String IN_PROGRESS = """
            SELECT t.status_token FROM phone_ticket p JOIN ticket_key o ON o.ticket_id = p.ticket_id
                 JOIN ticket_key k ON k.status_token = o.status_token AND k.status_token <> ''
                 JOIN ticket t ON t.id = k.ticket_id
            WHERE p.site_id = $1 AND p.phone_key = $2 AND t.status IN ('WAITING', 'CALLED', 'SERVING')
            ORDER BY t.id DESC LIMIT 1""";

    private final Pool pool;

    public PhoneTicketStore(Pool pool) {
        this.pool = pool;
    }

    /** The status token of the phone's ticket in progress at the site, if it has one. */
    public Future<Optional<String>> inProgress(String siteId, byte[] phoneKey) {
        return pool.preparedQuery(IN_PROGRESS).execute(Tuple.of(siteId, Buffer.buffer(phoneKey)))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("status_token")));
    }

    public Future<Void> record(long ticketId, String siteId, byte[] phoneKey) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(ticketId, siteId, Buffer.buffer(phoneKey))).mapEmpty();
    }
}
