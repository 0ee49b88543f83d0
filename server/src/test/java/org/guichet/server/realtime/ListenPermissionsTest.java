package org.guichet.server.realtime;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.OpeningCalendar;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ListenPermissionsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Catalog CATALOG = new Catalog(
            Map.of("s1", new Catalog.Site("s1", "Site 1", PARIS, OpeningCalendar.ALWAYS_OPEN, null, null),
                    "s2", new Catalog.Site("s2", "Site 2", PARIS, OpeningCalendar.ALWAYS_OPEN, null, null)),
            Map.of("r1", new Catalog.Room("r1", "s1", "Salle 1"),
                    "r1b", new Catalog.Room("r1b", "s1", "Salle 1 bis"),
                    "r2", new Catalog.Room("r2", "s2", "Salle 2")),
            Map.of(),
            Map.of("c1", new Catalog.Counter("c1", "s1", "r1", "Guichet 1", List.of(), true),
                    "c2", new Catalog.Counter("c2", "s1", "r1", "Guichet 2", List.of(), true),
                    "z1", new Catalog.Counter("z1", "s2", "r2", "Guichet Z", List.of(), true)));

    private static final Principal SCREEN_R1 = Principal.device("screen-1", "screen", "s1", "r1", null);
    private static final Principal COUNTER_SCREEN_C1 = Principal.device("cs-1", "counter_screen", "s1", null, "c1");
    private static final Principal KIOSK_S1 = Principal.device("kiosk-1", "kiosk", "s1", null, null);
    private static final Principal AGENT_S1 = Principal.agent(1, "a", Role.AGENT, Set.of("s1"));
    private static final Principal SUPERVISOR_S1 = Principal.agent(2, "s", Role.SUPERVISOR, Set.of("s1"));
    private static final Principal ADMIN_ALL = Principal.agent(3, "admin", Role.ADMIN, Set.of());

    private static boolean may(Principal principal, String address) {
        return ListenPermissions.mayListen(principal, address, CATALOG);
    }

    @Test
    void a_screen_hears_its_own_room_and_its_sites_queue_only() {
        assertThat(may(SCREEN_R1, "guichet.room.r1")).isTrue();
        assertThat(may(SCREEN_R1, "guichet.site.s1.queue")).isTrue();
        assertThat(may(SCREEN_R1, "guichet.room.r1b")).isFalse();
        assertThat(may(SCREEN_R1, "guichet.room.r2")).isFalse();
        assertThat(may(SCREEN_R1, "guichet.site.s2.queue")).isFalse();
        assertThat(may(SCREEN_R1, "guichet.counter.c1")).isFalse();
        assertThat(may(SCREEN_R1, "guichet.site.s1.alerts")).isFalse();
    }

    @Test
    void a_counter_screen_hears_its_own_counter_only() {
        assertThat(may(COUNTER_SCREEN_C1, "guichet.counter.c1")).isTrue();
        assertThat(may(COUNTER_SCREEN_C1, "guichet.counter.c2")).isFalse();
        assertThat(may(COUNTER_SCREEN_C1, "guichet.room.r1")).isFalse();
        assertThat(may(COUNTER_SCREEN_C1, "guichet.site.s1.queue")).isFalse();
    }

    @Test
    void a_kiosk_hears_its_sites_queue_only() {
        assertThat(may(KIOSK_S1, "guichet.site.s1.queue")).isTrue();
        assertThat(may(KIOSK_S1, "guichet.site.s2.queue")).isFalse();
        assertThat(may(KIOSK_S1, "guichet.room.r1")).isFalse();
        assertThat(may(KIOSK_S1, "guichet.counter.c1")).isFalse();
    }

    @Test
    void agents_hear_their_sites_and_supervisors_also_their_alerts() {
        assertThat(may(AGENT_S1, "guichet.room.r1b")).isTrue();
        assertThat(may(AGENT_S1, "guichet.counter.c2")).isTrue();
        assertThat(may(AGENT_S1, "guichet.site.s1.queue")).isTrue();
        assertThat(may(AGENT_S1, "guichet.site.s1.alerts")).isFalse();
        assertThat(may(AGENT_S1, "guichet.room.r2")).isFalse();
        assertThat(may(AGENT_S1, "guichet.counter.z1")).isFalse();
        assertThat(may(SUPERVISOR_S1, "guichet.site.s1.alerts")).isTrue();
        assertThat(may(SUPERVISOR_S1, "guichet.site.s2.alerts")).isFalse();
        assertThat(may(ADMIN_ALL, "guichet.site.s2.alerts")).isTrue();
        assertThat(may(ADMIN_ALL, "guichet.counter.z1")).isTrue();
    }

    @Test
    void unknown_rooms_counters_sites_and_malformed_addresses_are_refused() {
        for (String address : List.of("guichet.room.nowhere", "guichet.counter.none", "guichet.site.s9.queue",
                "guichet.room.r1.extra", "guichet.site.s1", "guichet.site.s1.other", "guichet.room.",
                "guichet.internal.auth.revoked", "guichet.internal.device.health", "somewhere.else", "")) {
            assertThat(may(ADMIN_ALL, address)).as(address).isFalse();
        }
        assertThat(may(ADMIN_ALL, null)).isFalse();
    }

    @Test
    void a_ticket_channel_needs_no_token_but_a_proper_token() {
        assertThat(may(null, "guichet.ticket.D9YcpLG8kwUsx2jLtgTpbw")).isTrue();
        assertThat(may(null, "guichet.ticket.short")).isFalse();
        assertThat(may(null, "guichet.ticket.D9YcpLG8kwUsx2jLtgTpbw.more")).isFalse();
        assertThat(may(null, "guichet.room.r1")).isFalse();
        assertThat(may(null, "guichet.site.s1.queue")).isFalse();
    }

    @Test
    void every_address_anyone_may_hear_is_inside_the_outbound_permission() {
        Pattern outbound = Pattern.compile(ListenPermissions.OUTBOUND_REGEX);
        for (String address : List.of("guichet.room.r1", "guichet.counter.c1", "guichet.site.s1.queue",
                "guichet.site.s1.alerts", "guichet.ticket.D9YcpLG8kwUsx2jLtgTpbw")) {
            assertThat(outbound.matcher(address).matches()).as(address).isTrue();
        }
        assertThat(outbound.matcher("guichet.internal.auth.revoked").matches()).isFalse();
    }
}
