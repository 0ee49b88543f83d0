package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.CallingPolicy;
import org.guichet.server.domain.DeploymentDiff;
import org.guichet.server.domain.DeploymentDocument;
import org.guichet.server.domain.DeploymentRules;
import org.guichet.server.domain.EntityKeys;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Languages;
import org.guichet.server.domain.Tokens;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Upserts a deployment (sites with their rooms, services, counters and devices) as declared in the configuration file or
 * sent to the admin API. Nothing is deleted: an entry left out of a later file keeps its history; mark it inactive.
 * Devices that have no token yet are returned so the caller can issue and show their tokens once. Reads it back in the
 * same shape.
 */
public final class DeploymentStore {

    static final String UPSERT_SITE = """
            INSERT INTO site (id, name, time_zone, opening_hours, calendar, calling_policy, footer, address, template_id,
                              active, translations, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
            ON CONFLICT (id) DO UPDATE SET name = $2, time_zone = $3, opening_hours = $4, calendar = $5,
                                           calling_policy = $6, footer = $7, address = $8, template_id = $9,
                                           active = $10, translations = $11, updated_at = now()""";
    static final String SELECT_REVISIONS = "SELECT id, revision FROM site WHERE id = ANY($1)";
    static final String BUMP_REVISIONS = "UPDATE site SET revision = revision + 1 WHERE id = ANY($1)";
    static final String UPSERT_ROOM = """
            INSERT INTO waiting_room (id, site_id, name, code, building, floor, directions, translations)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO UPDATE SET name = $3, building = $5, floor = $6, directions = $7, translations = $8
            WHERE waiting_room.site_id = $2""";
    static final String UPSERT_SERVICE = """
            INSERT INTO service (id, site_id, kind, name, translations, prefix, room_id, target_wait_minutes,
                                 menu_order, orientation, active, code, outcomes, callback_target_minutes,
                                 appointment_slot_minutes, appointment_capacity)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (id) DO UPDATE SET kind = $3, name = $4, translations = $5, prefix = $6, room_id = $7,
                                           target_wait_minutes = $8, menu_order = $9, orientation = $10, active = $11,
                                           outcomes = $13, callback_target_minutes = $14,
                                           appointment_slot_minutes = $15, appointment_capacity = $16
            WHERE service.site_id = $2""";
    static final String SET_SERVICE_PARENT = "UPDATE service SET parent_id = $2 WHERE id = $1 AND site_id = $3";
    static final String UPSERT_COUNTER = """
            INSERT INTO counter (id, site_id, room_id, name, active, code) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE SET room_id = $3, name = $4, active = $5 WHERE counter.site_id = $2""";
    static final String CLEAR_COUNTER_SERVICES = "DELETE FROM counter_service WHERE counter_id = $1";
    static final String INSERT_COUNTER_SERVICE =
            "INSERT INTO counter_service (counter_id, service_id, rank) VALUES ($1, $2, $3)";
    /**
     * Also answers the token hash of a device given another kind, room or counter ({@code rebound_token_hash}): what
     * was remembered of it, and the sockets it opened for its former place, must go.
     */
    static final String UPSERT_DEVICE = """
            WITH before AS (SELECT kind, room_id, counter_id FROM device WHERE id = $1)
            INSERT INTO device (id, site_id, kind, name, room_id, counter_id, language, code)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO UPDATE SET kind = $3, name = $4, room_id = $5, counter_id = $6, language = $7
            WHERE device.site_id = $2
            RETURNING id, token_hash IS NULL AND revoked_at IS NULL AS needs_token,
                      CASE WHEN EXISTS (SELECT 1 FROM before b WHERE b.kind IS DISTINCT FROM $3::text
                                        OR b.room_id IS DISTINCT FROM $5::text
                                        OR b.counter_id IS DISTINCT FROM $6::text)
                           THEN token_hash END AS rebound_token_hash""";
    /** The keys of the declared sites' entities, and of any entity whose key is one of the declared codes. */
    static final String SELECT_KEYS = """
            SELECT 'ROOM' AS kind, site_id, code, id FROM waiting_room WHERE site_id = ANY($1) OR id = ANY($2)
            UNION ALL SELECT 'SERVICE', site_id, code, id FROM service WHERE site_id = ANY($1) OR id = ANY($2)
            UNION ALL SELECT 'COUNTER', site_id, code, id FROM counter WHERE site_id = ANY($1) OR id = ANY($2)
            UNION ALL SELECT 'DEVICE', site_id, code, id FROM device WHERE site_id = ANY($1) OR id = ANY($2)""";
    /** Applies wait for each other, so that what one reads as "before" is not half another's "after". */
    static final String LOCK_DEPLOYMENT = "SELECT pg_advisory_xact_lock(hashtext('guichet.deployment'))";
    /** The sites of a deployment ($1, or all when null): training copies are not part of it. */
    private static final String DEPLOYED = "training_of IS NULL AND ($1::text[] IS NULL OR id = ANY($1))";
    static final String SELECT_SITES = """
            SELECT id, name, time_zone, opening_hours, calendar, calling_policy, footer, address, template_id, active,
                   revision, translations
            FROM site
            WHERE %s ORDER BY id""".formatted(DEPLOYED);
    private static final String OF_DEPLOYED_SITES = "site_id IN (SELECT id FROM site WHERE " + DEPLOYED + ")";
    // Read back by code, as the deployment declares them: every reference too is the code of what it names.
    static final String SELECT_ROOMS = """
            SELECT code, site_id, name, building, floor, directions, translations FROM waiting_room
            WHERE %s
            ORDER BY site_id, code""".formatted(OF_DEPLOYED_SITES);
    static final String SELECT_SERVICES = """
            SELECT s.code, s.site_id, p.code AS parent, s.kind, s.name, s.translations, s.prefix, r.code AS room,
                   s.target_wait_minutes, s.menu_order, s.orientation, s.active, s.outcomes,
                   s.callback_target_minutes, s.appointment_slot_minutes, s.appointment_capacity
            FROM service s LEFT JOIN service p ON p.id = s.parent_id LEFT JOIN waiting_room r ON r.id = s.room_id
            WHERE s.%s ORDER BY s.site_id, s.menu_order, s.code""".formatted(OF_DEPLOYED_SITES);
    static final String SELECT_COUNTERS = """
            SELECT c.code, c.site_id, r.code AS room, c.name, c.active,
                   coalesce(array_agg(s.code ORDER BY cs.rank) FILTER (WHERE s.code IS NOT NULL), '{}') AS services
            FROM counter c JOIN waiting_room r ON r.id = c.room_id
                 LEFT JOIN counter_service cs ON cs.counter_id = c.id LEFT JOIN service s ON s.id = cs.service_id
            WHERE c.%s
            GROUP BY c.id, r.code ORDER BY c.site_id, c.code""".formatted(OF_DEPLOYED_SITES);
    static final String SELECT_DEVICES = """
            SELECT d.code, d.site_id, d.kind, d.name, r.code AS room, c.code AS counter, d.language
            FROM device d LEFT JOIN waiting_room r ON r.id = d.room_id LEFT JOIN counter c ON c.id = d.counter_id
            WHERE d.%s ORDER BY d.site_id, d.code""".formatted(OF_DEPLOYED_SITES);

    /**
     * What an apply did: the devices that need a token, every declared device (by key), each site's changes, and the
     * {@link org.guichet.server.domain.Tokens#key}s of the devices moved to another room or counter (or kind).
     */
    public record Applied(List<String> needingToken, List<String> declaredDevices,
                          List<DeploymentDiff.SiteChanges> changes, List<String> reboundTokenKeys) {
    }


    private final Pool pool;

    public DeploymentStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Validates the whole deployment first, then writes it in one transaction with an audit entry for each entity it
     * added or changed (told apart by reading its sites before and after); answers the devices needing a token.
     *
     * @param entries makes the audit entries of the changes
     */
    public Future<Applied> apply(JsonObject declared,
                                 Function<List<DeploymentDiff.SiteChanges>, List<AuditEntry>> entries) {
        JsonObject deployment = DeploymentRules.withoutEmptyFields(declared);
        DeploymentRules.validate(deployment);
        String[] siteIds = siteIds(DeploymentRules.list(deployment, "sites"));
        List<String> needingToken = new ArrayList<>();
        List<String> declaredDevices = new ArrayList<>();
        List<String> rebound = new ArrayList<>();
        return pool.withTransaction(conn -> conn.query(LOCK_DEPLOYMENT).execute()
                .compose(locked -> requireRevisions(conn, deployment))
                .compose(current -> keyed(conn, deployment))
                .compose(keyed -> read(conn, siteIds).compose(before -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (Object entry : DeploymentRules.list(keyed, "sites")) {
                        JsonObject site = (JsonObject) entry;
                        DeploymentRules.list(site, "devices")
                                .forEach(device -> declaredDevices.add(((JsonObject) device).getString("id")));
                        chain = chain.compose(done -> applySite(conn, site, needingToken, rebound));
                    }
                    return chain.compose(done -> read(conn, siteIds))
                            .map(after -> DeploymentDiff.between(before, after))
                            .compose(changes -> bumpRevisions(conn, changes).map(done -> changes));
                }))
                .compose(changes -> AuditStore.append(conn, entries.apply(changes))
                        .map(done -> new Applied(needingToken, declaredDevices, changes, rebound))))
                .recover(Sql::refused);
    }

    /** What applying the deployment would change, nothing written; refused as {@link #apply} would refuse it. */
    public Future<List<DeploymentDiff.SiteChanges>> preview(JsonObject declared) {
        JsonObject deployment = DeploymentRules.withoutEmptyFields(declared);
        DeploymentRules.validate(deployment);
        String[] siteIds = siteIds(DeploymentRules.list(deployment, "sites"));
        return pool.withConnection(conn -> requireRevisions(conn, deployment).compose(current -> read(conn, siteIds)))
                .map(before -> DeploymentDiff.between(before, DeploymentDocument.normalize(deployment)));
    }

    /**
     * The deployment as stored, in the shape {@link #apply} takes ({@link DeploymentDocument}), device tokens never
     * included.
     *
     * @param siteIds the sites to read, or null for all
     */
    public Future<JsonObject> read(Set<String> siteIds) {
        return pool.withConnection(conn -> read(conn, siteIds == null ? null : siteIds.toArray(String[]::new)));
    }

    private static Future<JsonObject> read(SqlConnection conn, String[] siteIds) {
        Tuple sites = Tuple.of((Object) siteIds);
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        return conn.preparedQuery(SELECT_SITES).execute(sites)
                .compose(rows -> {
                    rows.forEach(row -> {
                        JsonObject site = new JsonObject().put("id", row.getString("id"))
                                .put("name", row.getString("name")).put("timeZone", row.getString("time_zone"))
                                .put("openingHours", row.getValue("opening_hours"))
                                .put("calendar", row.getValue("calendar"))
                                .put("callingPolicy", row.getValue("calling_policy"));
                        putIfPresent(site, "footer", row.getString("footer"));
                        putIfPresent(site, "address", row.getString("address"));
                        putIfPresent(site, "template", row.getString("template_id"));
                        JsonObject translations = (JsonObject) row.getValue("translations");
                        if (!translations.isEmpty()) {
                            site.put("translations", translations);
                        }
                        site.put("active", row.getBoolean("active")).put("revision", row.getInteger("revision"));
                        DeploymentDocument.SITE_PARTS.forEach(part -> site.put(part, new JsonArray()));
                        byId.put(row.getString("id"), site);
                    });
                    return conn.preparedQuery(SELECT_ROOMS).execute(sites);
                })
                .compose(rows -> {
                    rows.forEach(row -> {
                        JsonObject room = new JsonObject().put("id", row.getString("code"))
                                .put("name", row.getString("name"));
                        putIfPresent(room, "building", row.getString("building"));
                        putIfPresent(room, "floor", row.getString("floor"));
                        putIfPresent(room, "directions", row.getString("directions"));
                        add(byId, row, "rooms", room.put("translations", row.getValue("translations")));
                    });
                    return conn.preparedQuery(SELECT_SERVICES).execute(sites);
                })
                .compose(rows -> {
                    rows.forEach(row -> {
                        JsonObject service = new JsonObject().put("id", row.getString("code"))
                                .put("kind", row.getString("kind")).put("name", row.getString("name"));
                        putIfPresent(service, "parent", row.getString("parent"));
                        putIfPresent(service, "prefix", row.getString("prefix"));
                        putIfPresent(service, "room", row.getString("room"));
                        service.put("targetWaitMinutes", row.getInteger("target_wait_minutes"))
                                .put("order", row.getInteger("menu_order"))
                                .put("translations", row.getValue("translations"));
                        int callbackTarget = row.getInteger("callback_target_minutes");
                        if (callbackTarget != DeploymentRules.DEFAULT_CALLBACK_TARGET_MINUTES) {
                            service.put("callbackTargetMinutes", callbackTarget);
                        }
                        if (row.getInteger("appointment_slot_minutes") != null) {
                            service.put("appointments", new JsonObject()
                                    .put("slotMinutes", row.getInteger("appointment_slot_minutes"))
                                    .put("capacity", row.getInteger("appointment_capacity")));
                        }
                        putIfPresent(service, "orientation", row.getValue("orientation"));
                        JsonArray outcomes = (JsonArray) row.getValue("outcomes");
                        if (!outcomes.isEmpty()) {
                            service.put("outcomes", outcomes);
                        }
                        add(byId, row, "services", service.put("active", row.getBoolean("active")));
                    });
                    return conn.preparedQuery(SELECT_COUNTERS).execute(sites);
                })
                .compose(rows -> {
                    rows.forEach(row -> add(byId, row, "counters", new JsonObject().put("id", row.getString("code"))
                            .put("name", row.getString("name")).put("room", row.getString("room"))
                            .put("services", new JsonArray(List.of(row.getArrayOfStrings("services"))))
                            .put("active", row.getBoolean("active"))));
                    return conn.preparedQuery(SELECT_DEVICES).execute(sites);
                })
                .map(rows -> {
                    rows.forEach(row -> {
                        JsonObject device = new JsonObject().put("id", row.getString("code"))
                                .put("kind", row.getString("kind")).put("name", row.getString("name"));
                        putIfPresent(device, "room", row.getString("room"));
                        putIfPresent(device, "counter", row.getString("counter"));
                        add(byId, row, "devices", device.put("language", row.getString("language")));
                    });
                    return new JsonObject().put("sites", new JsonArray(new ArrayList<>(byId.values())));
                });
    }

    private static void add(Map<String, JsonObject> sites, Row row, String part, JsonObject entity) {
        sites.get(row.getString("site_id")).getJsonArray(part).add(entity);
    }

    private static void putIfPresent(JsonObject json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static String[] siteIds(JsonArray sites) {
        return sites.stream().map(site -> ((JsonObject) site).getString("id")).toArray(String[]::new);
    }

    /**
     * A site sent with the revision it was exported at is refused (409 {@code stale}, with the sites as they are now)
     * when another apply changed it since; a site sent without one is not checked.
     */
    private static Future<Void> requireRevisions(SqlConnection conn, JsonObject deployment) {
        Map<String, Integer> sent = new HashMap<>();
        DeploymentRules.list(deployment, "sites").forEach(site -> {
            if (((JsonObject) site).getValue("revision") instanceof Integer revision) {
                sent.put(((JsonObject) site).getString("id"), revision);
            }
        });
        if (sent.isEmpty()) {
            return Future.succeededFuture();
        }
        return conn.preparedQuery(SELECT_REVISIONS).execute(Tuple.of((Object) sent.keySet().toArray(String[]::new)))
                .compose(rows -> {
                    List<String> stale = new ArrayList<>();
                    rows.forEach(row -> {
                        if (!row.getInteger("revision").equals(sent.get(row.getString("id")))) {
                            stale.add(row.getString("id"));
                        }
                    });
                    if (stale.isEmpty()) {
                        return Future.succeededFuture();
                    }
                    return read(conn, stale.toArray(String[]::new)).map(current -> {
                        throw Failure.stale("Site(s) " + String.join(", ", stale) + " changed since this was "
                                + "exported: export again and make the change on what is there now.", current);
                    });
                });
    }

    private static Future<Void> bumpRevisions(SqlConnection conn, List<DeploymentDiff.SiteChanges> changes) {
        String[] changed = changes.stream().filter(site -> !site.added().isEmpty() || !site.changed().isEmpty())
                .map(DeploymentDiff.SiteChanges::siteId).toArray(String[]::new);
        return changed.length == 0 ? Future.succeededFuture()
                : conn.preparedQuery(BUMP_REVISIONS).execute(Tuple.of((Object) changed)).mapEmpty();
    }

    /** The deployment in keys rather than codes ({@link EntityKeys}): existing entities keep theirs. */
    private static Future<JsonObject> keyed(SqlConnection conn, JsonObject deployment) {
        List<EntityKeys.Ref> declared = EntityKeys.declared(deployment);
        String[] siteIds = siteIds(DeploymentRules.list(deployment, "sites"));
        String[] codes = declared.stream().map(EntityKeys.Ref::code).distinct().toArray(String[]::new);
        return conn.preparedQuery(SELECT_KEYS).execute(Tuple.of(siteIds, (Object) codes)).map(rows -> {
            Map<EntityKeys.Ref, String> existing = new HashMap<>();
            Map<EntityKeys.Kind, Set<String>> taken = new EnumMap<>(EntityKeys.Kind.class);
            rows.forEach(row -> {
                EntityKeys.Kind kind = EntityKeys.Kind.valueOf(row.getString("kind"));
                existing.put(new EntityKeys.Ref(kind, row.getString("site_id"), row.getString("code")),
                        row.getString("id"));
                taken.computeIfAbsent(kind, k -> new HashSet<>()).add(row.getString("id"));
            });
            return EntityKeys.keyed(deployment, EntityKeys.assign(declared, existing, taken));
        });
    }

    private Future<Void> applySite(SqlConnection conn, JsonObject site, List<String> needingToken,
                                   List<String> rebound) {
        String siteId = site.getString("id");
        Future<?> chain = conn.preparedQuery(UPSERT_SITE).execute(Tuple.of(siteId, site.getString("name"),
                site.getString("timeZone", DeploymentRules.DEFAULT_TIME_ZONE),
                site.getJsonObject("openingHours", new JsonObject()), site.getJsonObject("calendar", new JsonObject()),
                CallingPolicy.fromJson(site.getJsonObject("callingPolicy")).toJson(), site.getString("footer"),
                site.getString("address"), site.getString("template"), site.getBoolean("active", true))
                .addValue(site.getJsonObject("translations", new JsonObject())));
        List<Tuple> rooms = new ArrayList<>();
        for (Object item : DeploymentRules.list(site, "rooms")) {
            JsonObject room = (JsonObject) item;
            rooms.add(Tuple.of(room.getString("id"), siteId, room.getString("name"), room.getString("code"),
                    room.getString("building"), room.getString("floor"))
                    .addValue(room.getString("directions"))
                    .addValue(room.getJsonObject("translations", new JsonObject())));
        }
        chain = batch(conn, chain, UPSERT_ROOM, rooms);
        List<Tuple> services = new ArrayList<>();
        List<Tuple> parents = new ArrayList<>();
        int order = 0;
        for (Object item : DeploymentRules.list(site, "services")) {
            JsonObject service = (JsonObject) item;
            order++;
            services.add(Tuple.of(service.getString("id"), siteId, service.getString("kind", "service"),
                            service.getString("name"), service.getJsonObject("translations", new JsonObject()),
                            service.getString("prefix"), service.getString("room"),
                            service.getInteger("targetWaitMinutes", DeploymentRules.DEFAULT_TARGET_WAIT_MINUTES))
                    .addValue(service.getInteger("order", order)).addValue(service.getJsonObject("orientation"))
                    .addValue(service.getBoolean("active", true)).addValue(service.getString("code"))
                    .addValue(service.getJsonArray("outcomes", new JsonArray()))
                    .addValue(service.getInteger("callbackTargetMinutes",
                            DeploymentRules.DEFAULT_CALLBACK_TARGET_MINUTES))
                    .addValue(appointmentsOf(service, "slotMinutes"))
                    .addValue(appointmentsOf(service, "capacity")));
            parents.add(Tuple.of(service.getString("id"), service.getString("parent"), siteId));
        }
        chain = batch(conn, chain, UPSERT_SERVICE, services);
        chain = batch(conn, chain, SET_SERVICE_PARENT, parents);
        for (Object item : DeploymentRules.list(site, "counters")) {
            JsonObject counter = (JsonObject) item;
            String counterId = counter.getString("id");
            List<Tuple> links = new ArrayList<>();
            JsonArray served = DeploymentRules.list(counter, "services");
            for (int rank = 0; rank < served.size(); rank++) {
                links.add(Tuple.of(counterId, served.getString(rank), rank));
            }
            chain = chain
                    .compose(done -> conn.preparedQuery(UPSERT_COUNTER).execute(Tuple.of(counterId, siteId,
                            counter.getString("room"), counter.getString("name"), counter.getBoolean("active", true),
                            counter.getString("code"))))
                    .compose(done -> conn.preparedQuery(CLEAR_COUNTER_SERVICES).execute(Tuple.of(counterId)));
            chain = batch(conn, chain, INSERT_COUNTER_SERVICE, links);
        }
        for (Object item : DeploymentRules.list(site, "devices")) {
            JsonObject device = (JsonObject) item;
            chain = chain.compose(done -> conn.preparedQuery(UPSERT_DEVICE).execute(Tuple.of(device.getString("id"),
                            siteId, device.getString("kind"), device.getString("name", device.getString("code")),
                            device.getString("room"), device.getString("counter"),
                            device.getString("language", Languages.DEFAULT), device.getString("code")))
                    .map(rows -> {
                        if (rows.size() > 0 && rows.iterator().next().getBoolean("needs_token")) {
                            needingToken.add(device.getString("id"));
                        }
                        Buffer reboundToken = rows.size() > 0 ? rows.iterator().next().getBuffer("rebound_token_hash")
                                : null;
                        if (reboundToken != null) {
                            rebound.add(Tokens.hex(reboundToken.getBytes()));
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

    /** A service's appointments setting ({@code appointments: {slotMinutes, capacity}}), or null without one. */
    private static Integer appointmentsOf(JsonObject service, String key) {
        JsonObject appointments = service.getJsonObject("appointments");
        return appointments == null ? null : appointments.getInteger(key, key.equals("capacity") ? 1 : null);
    }
}
