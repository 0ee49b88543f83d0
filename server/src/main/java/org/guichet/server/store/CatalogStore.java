package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.guichet.server.domain.CallingPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.OpeningCalendar;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the deployment (sites, rooms, services, counters) as one immutable {@link Catalog}. */
public final class CatalogStore {

    static final String SELECT_SITES =
            "SELECT id, name, time_zone, opening_hours, calendar, calling_policy, footer, address, active, translations "
                    + "FROM site";
    static final String SELECT_ROOMS =
            "SELECT id, site_id, name, building, floor, directions, translations FROM waiting_room";
    static final String SELECT_SERVICES = """
            SELECT id, site_id, parent_id, kind, name, translations, prefix, room_id, target_wait_minutes, menu_order,
                   orientation, active, outcomes, appointment_slot_minutes, appointment_capacity
            FROM service""";
    static final String SELECT_COUNTERS = """
            SELECT c.id, c.site_id, c.room_id, c.name, c.active,
                   coalesce(array_agg(cs.service_id ORDER BY cs.rank) FILTER (WHERE cs.service_id IS NOT NULL), '{}')
                       AS service_ids
            FROM counter c LEFT JOIN counter_service cs ON cs.counter_id = c.id
            GROUP BY c.id""";

    private final Pool pool;

    public CatalogStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Catalog> load() {
        Map<String, Catalog.Site> sites = new LinkedHashMap<>();
        Map<String, Catalog.Room> rooms = new LinkedHashMap<>();
        Map<String, Catalog.Service> services = new LinkedHashMap<>();
        Map<String, Catalog.Counter> counters = new HashMap<>();
        return pool.query(SELECT_SITES).execute()
                .compose(rows -> {
                    for (Row row : rows) {
                        sites.put(row.getString("id"), new Catalog.Site(row.getString("id"), row.getString("name"),
                                ZoneId.of(row.getString("time_zone")),
                                OpeningCalendar.parse(json(row, "opening_hours"), json(row, "calendar")),
                                CallingPolicy.fromJson(json(row, "calling_policy")), row.getString("footer"),
                                row.getString("address"), row.getBoolean("active"), json(row, "translations")));
                    }
                    return pool.query(SELECT_ROOMS).execute();
                })
                .compose(rows -> {
                    for (Row row : rows) {
                        rooms.put(row.getString("id"), new Catalog.Room(row.getString("id"), row.getString("site_id"),
                                row.getString("name"), new Catalog.Wayfinding(row.getString("building"),
                                row.getString("floor"), row.getString("directions"), json(row, "translations"))));
                    }
                    return pool.query(SELECT_SERVICES).execute();
                })
                .compose(rows -> {
                    for (Row row : rows) {
                        services.put(row.getString("id"), new Catalog.Service(row.getString("id"),
                                row.getString("site_id"), row.getString("parent_id"), row.getString("kind"),
                                row.getString("name"), json(row, "translations"), row.getString("prefix"),
                                row.getString("room_id"), row.getInteger("target_wait_minutes"),
                                row.getInteger("menu_order"), (JsonObject) row.getValue("orientation"),
                                row.getBoolean("active"),
                                Catalog.Outcome.fromJson((JsonArray) row.getValue("outcomes")),
                                row.getInteger("appointment_slot_minutes") == null ? null
                                : new Catalog.Appointments(row.getInteger("appointment_slot_minutes"),
                                        row.getInteger("appointment_capacity"))));
                    }
                    return pool.query(SELECT_COUNTERS).execute();
                })
                .map(rows -> {
                    for (Row row : rows) {
                        counters.put(row.getString("id"), new Catalog.Counter(row.getString("id"),
                                row.getString("site_id"), row.getString("room_id"), row.getString("name"),
                                List.copyOf(new ArrayList<>(List.of(row.getArrayOfStrings("service_ids")))),
                                row.getBoolean("active")));
                    }
                    return new Catalog(Map.copyOf(sites), Map.copyOf(rooms), Map.copyOf(services),
                            Map.copyOf(counters));
                });
    }

    private static JsonObject json(Row row, String column) {
        Object value = row.getValue(column);
        return value instanceof JsonObject json ? json : new JsonObject();
    }
}
