package org.guichet.server.config;

import org.guichet.server.domain.Failure;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.CallingPolicy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Upserts a deployment (sites with their rooms, services, counters and devices) as declared in the configuration file or
 * sent to the admin API. Nothing is deleted: an entry left out of a later file keeps its history; mark it inactive.
 * Devices that have no token yet are returned so the caller can issue and show their tokens once.
 */
public final class DeploymentStore {

    private static final String UPSERT_SITE = """
            INSERT INTO site (id, name, time_zone, opening_hours, calling_policy, footer, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, now())
            ON CONFLICT (id) DO UPDATE SET name = $2, time_zone = $3, opening_hours = $4, calling_policy = $5,
                                           footer = $6, updated_at = now()""";
    private static final String UPSERT_ROOM = """
            INSERT INTO waiting_room (id, site_id, name) VALUES ($1, $2, $3)
            ON CONFLICT (id) DO UPDATE SET name = $3 WHERE waiting_room.site_id = $2""";
    private static final String UPSERT_SERVICE = """
            INSERT INTO service (id, site_id, kind, name, translations, prefix, room_id, target_wait_minutes,
                                 menu_order, orientation, active)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (id) DO UPDATE SET kind = $3, name = $4, translations = $5, prefix = $6, room_id = $7,
                                           target_wait_minutes = $8, menu_order = $9, orientation = $10, active = $11
            WHERE service.site_id = $2""";
    private static final String SET_SERVICE_PARENT = "UPDATE service SET parent_id = $2 WHERE id = $1 AND site_id = $3";
    private static final String UPSERT_COUNTER = """
            INSERT INTO counter (id, site_id, room_id, name, active) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET room_id = $3, name = $4, active = $5 WHERE counter.site_id = $2""";
    private static final String CLEAR_COUNTER_SERVICES = "DELETE FROM counter_service WHERE counter_id = $1";
    private static final String INSERT_COUNTER_SERVICE =
            "INSERT INTO counter_service (counter_id, service_id, rank) VALUES ($1, $2, $3)";
    private static final String UPSERT_DEVICE = """
            INSERT INTO device (id, site_id, kind, name, room_id, counter_id, language) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (id) DO UPDATE SET kind = $3, name = $4, room_id = $5, counter_id = $6, language = $7
            WHERE device.site_id = $2
            RETURNING id, token_hash IS NULL AND revoked_at IS NULL AS needs_token""";
    private static final String OWNER_OF = """
            SELECT 'site' AS kind, id, id AS site_id FROM site WHERE id = ANY($1)
            UNION ALL SELECT 'room', id, site_id FROM waiting_room WHERE id = ANY($1)
            UNION ALL SELECT 'service', id, site_id FROM service WHERE id = ANY($1)
            UNION ALL SELECT 'counter', id, site_id FROM counter WHERE id = ANY($1)
            UNION ALL SELECT 'device', id, site_id FROM device WHERE id = ANY($1)""";

    private static final Set<String> KINDS = Set.of("service", "menu", "orientation");
    private static final Set<String> DEVICE_KINDS = Set.of("kiosk", "screen", "counter_screen");
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

    private final Pool pool;

    public DeploymentStore(Pool pool) {
        this.pool = pool;
    }

    /** Validates the whole deployment first, then writes it in one transaction; returns devices needing a token. */
    public Future<List<String>> apply(JsonObject deployment) {
        JsonArray sites = array(deployment, "sites");
        sites.forEach(site -> validateSite(asObject(site, "site")));
        List<String> needingToken = new ArrayList<>();
        return pool.withTransaction(conn -> {
            Future<Void> chain = checkOwnership(conn, sites);
            for (Object entry : sites) {
                JsonObject site = (JsonObject) entry;
                chain = chain.compose(done -> applySite(conn, site, needingToken));
            }
            return chain;
        }).map(done -> needingToken);
    }

    /** Ids are global: an id already used by another site must not be silently moved. */
    private Future<Void> checkOwnership(SqlConnection conn, JsonArray sites) {
        List<String> ids = new ArrayList<>();
        java.util.Map<String, String> siteOf = new java.util.HashMap<>();
        for (Object entry : sites) {
            JsonObject site = (JsonObject) entry;
            String siteId = site.getString("id");
            for (String list : List.of("rooms", "services", "counters", "devices")) {
                for (Object item : array(site, list)) {
                    String id = ((JsonObject) item).getString("id");
                    if (siteOf.put(id, siteId) != null) {
                        throw Failure.invalid("Id '" + id + "' is declared twice.");
                    }
                    ids.add(id);
                }
            }
        }
        return conn.preparedQuery(OWNER_OF).execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
            rows.forEach(row -> {
                String declaredSite = siteOf.get(row.getString("id"));
                if (declaredSite != null && !"site".equals(row.getString("kind"))
                        && !declaredSite.equals(row.getString("site_id"))) {
                    throw Failure.invalid("Id '" + row.getString("id") + "' already belongs to site '"
                            + row.getString("site_id") + "'.");
                }
            });
            return null;
        });
    }

    private Future<Void> applySite(SqlConnection conn, JsonObject site, List<String> needingToken) {
        String siteId = site.getString("id");
        Future<?> chain = conn.preparedQuery(UPSERT_SITE).execute(Tuple.of(siteId, site.getString("name"),
                site.getString("timeZone", "Europe/Paris"), site.getJsonObject("openingHours", new JsonObject()),
                CallingPolicy.fromJson(site.getJsonObject("callingPolicy")).toJson(), site.getString("footer")));
        List<Tuple> rooms = new ArrayList<>();
        for (Object item : array(site, "rooms")) {
            JsonObject room = (JsonObject) item;
            rooms.add(Tuple.of(room.getString("id"), siteId, room.getString("name")));
        }
        chain = batch(conn, chain, UPSERT_ROOM, rooms);
        List<Tuple> services = new ArrayList<>();
        List<Tuple> parents = new ArrayList<>();
        int order = 0;
        for (Object item : array(site, "services")) {
            JsonObject service = (JsonObject) item;
            order++;
            services.add(Tuple.of(service.getString("id"), siteId, service.getString("kind", "service"),
                            service.getString("name"), service.getJsonObject("translations", new JsonObject()),
                            service.getString("prefix"), service.getString("room"),
                            service.getInteger("targetWaitMinutes", 15))
                    .addValue(service.getInteger("order", order)).addValue(service.getJsonObject("orientation"))
                    .addValue(service.getBoolean("active", true)));
            parents.add(Tuple.of(service.getString("id"), service.getString("parent"), siteId));
        }
        chain = batch(conn, chain, UPSERT_SERVICE, services);
        chain = batch(conn, chain, SET_SERVICE_PARENT, parents);
        for (Object item : array(site, "counters")) {
            JsonObject counter = (JsonObject) item;
            String counterId = counter.getString("id");
            List<Tuple> links = new ArrayList<>();
            JsonArray served = array(counter, "services");
            for (int rank = 0; rank < served.size(); rank++) {
                links.add(Tuple.of(counterId, served.getString(rank), rank));
            }
            chain = chain
                    .compose(done -> conn.preparedQuery(UPSERT_COUNTER).execute(Tuple.of(counterId, siteId,
                            counter.getString("room"), counter.getString("name"), counter.getBoolean("active", true))))
                    .compose(done -> conn.preparedQuery(CLEAR_COUNTER_SERVICES).execute(Tuple.of(counterId)));
            chain = batch(conn, chain, INSERT_COUNTER_SERVICE, links);
        }
        for (Object item : array(site, "devices")) {
            JsonObject device = (JsonObject) item;
            chain = chain.compose(done -> conn.preparedQuery(UPSERT_DEVICE).execute(Tuple.of(device.getString("id"),
                            siteId, device.getString("kind"), device.getString("name", device.getString("id")),
                            device.getString("room"), device.getString("counter"), device.getString("language", "fr")))
                    .map(rows -> {
                        if (rows.size() > 0 && rows.iterator().next().getBoolean("needs_token")) {
                            needingToken.add(device.getString("id"));
                        }
                        return null;
                    }));
        }
        return chain.mapEmpty();
    }

    private static Future<?> batch(SqlConnection conn, Future<?> chain, String sql, List<Tuple> tuples) {
        if (tuples.isEmpty()) {
            return chain;
        }
        return chain.compose(done -> conn.preparedQuery(sql).executeBatch(tuples));
    }

    static void validateSite(JsonObject site) {
        String siteId = id(site, "site");
        required(site, "name", "site " + siteId);
        try {
            ZoneId.of(site.getString("timeZone", "Europe/Paris"));
        } catch (DateTimeException e) {
            throw Failure.invalid("Site '" + siteId + "': unknown time zone '"
                    + site.getString("timeZone") + "'.");
        }
        try {
            CallingPolicy.fromJson(site.getJsonObject("callingPolicy"));
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("Site '" + siteId + "': callingPolicy: " + e.getMessage());
        }
        Set<String> rooms = new java.util.HashSet<>();
        array(site, "rooms").forEach(item -> {
            JsonObject room = asObject(item, "room");
            rooms.add(id(room, "room"));
            required(room, "name", "room " + room.getString("id"));
        });
        Set<String> services = new java.util.HashSet<>();
        Set<String> ticketServices = new java.util.HashSet<>();
        array(site, "services").forEach(item -> services.add(id(asObject(item, "service"), "service")));
        array(site, "services").forEach(item -> {
            JsonObject service = (JsonObject) item;
            String where = "service " + service.getString("id");
            String kind = service.getString("kind", "service");
            required(service, "name", where);
            if (!KINDS.contains(kind)) {
                throw Failure.invalid(where + ": kind must be service, menu or orientation.");
            }
            String parent = service.getString("parent");
            if (parent != null && !services.contains(parent)) {
                throw Failure.invalid(where + ": parent '" + parent + "' is not a service of this site.");
            }
            if (kind.equals("service")) {
                String prefix = required(service, "prefix", where);
                if (!prefix.matches("[A-Z]{1,2}")) {
                    throw Failure.invalid(where + ": prefix must be one or two capital letters.");
                }
                if (!rooms.contains(required(service, "room", where))) {
                    throw Failure.invalid(where + ": room '" + service.getString("room")
                            + "' is not a room of this site.");
                }
                Integer target = service.getInteger("targetWaitMinutes", 15);
                if (target <= 0) {
                    throw Failure.invalid(where + ": targetWaitMinutes must be positive.");
                }
                ticketServices.add(service.getString("id"));
            }
            if (kind.equals("orientation") && service.getJsonObject("orientation") == null) {
                throw Failure.invalid(where + ": an orientation entry needs an 'orientation' block.");
            }
        });
        array(site, "counters").forEach(item -> {
            JsonObject counter = asObject(item, "counter");
            String where = "counter " + id(counter, "counter");
            required(counter, "name", where);
            if (!rooms.contains(required(counter, "room", where))) {
                throw Failure.invalid(where + ": room '" + counter.getString("room")
                        + "' is not a room of this site.");
            }
            array(counter, "services").forEach(service -> {
                if (!ticketServices.contains(service)) {
                    throw Failure.invalid(where + ": '" + service
                            + "' is not a ticket service of this site.");
                }
            });
        });
        Set<String> counters = new java.util.HashSet<>();
        array(site, "counters").forEach(item -> counters.add(((JsonObject) item).getString("id")));
        array(site, "devices").forEach(item -> {
            JsonObject device = asObject(item, "device");
            String where = "device " + id(device, "device");
            String kind = required(device, "kind", where);
            if (!DEVICE_KINDS.contains(kind)) {
                throw Failure.invalid(where + ": kind must be kiosk, screen or counter_screen.");
            }
            if (kind.equals("screen") && !rooms.contains(required(device, "room", where))) {
                throw Failure.invalid(where + ": a screen needs one of this site's rooms.");
            }
            if (kind.equals("counter_screen") && !counters.contains(required(device, "counter", where))) {
                throw Failure.invalid(where + ": a counter screen needs one of this site's counters.");
            }
        });
    }

    private static String id(JsonObject json, String what) {
        String id = json.getString("id");
        if (id == null || !id.matches(ID_PATTERN)) {
            throw Failure.invalid("Every " + what + " needs an id of lower-case letters, digits, - or _"
                    + (id == null ? "." : " (got '" + id + "')."));
        }
        return id;
    }

    private static String required(JsonObject json, String field, String where) {
        Object value = json.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw Failure.invalid(where + ": '" + field + "' is required.");
        }
        return text;
    }

    private static JsonArray array(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            throw Failure.invalid("'" + field + "' must be a list.");
        }
        return array;
    }

    private static JsonObject asObject(Object value, String what) {
        if (!(value instanceof JsonObject json)) {
            throw Failure.invalid("Each " + what + " must be an object.");
        }
        return json;
    }
}
