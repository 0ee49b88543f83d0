package org.guichet.server.domain;

import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy.Scope;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole authorisation policy as one table: for each action and scope, who may (Y) and who may not (-). Every action
 * has rows; an action added without them fails here.
 */
class AccessPolicyTest {

    private static final long AGENT_ID = 1;
    private static final long COLLEAGUE_ID = 99;

    /** Columns, in the table's order. */
    private static final Map<String, Principal> WHO = new LinkedHashMap<>();

    static {
        WHO.put("agent s1", Principal.agent(AGENT_ID, "agent", Role.AGENT, Set.of("s1")));
        WHO.put("supervisor s1", Principal.agent(2, "supervisor", Role.SUPERVISOR, Set.of("s1")));
        WHO.put("admin s1", Principal.agent(3, "admin1", Role.ADMIN, Set.of("s1")));
        WHO.put("admin of all", Principal.agent(4, "admin", Role.ADMIN, Set.of()));
        WHO.put("kiosk s1", Principal.device("kiosk-1", Device.KIOSK, "s1", null, null));
        WHO.put("screen r1", Principal.device("screen-1", Device.SCREEN, "s1", "r1", null));
        WHO.put("counter screen c1", Principal.device("cs-1", Device.COUNTER_SCREEN, "s1", null, "c1"));
    }

    private static final Map<String, Scope> SCOPES = Map.ofEntries(
            Map.entry("none", Scope.none()),
            Map.entry("s1", Scope.site("s1")),
            Map.entry("s2", Scope.site("s2")),
            Map.entry("s1+s2", Scope.sites(Set.of("s1", "s2"))),
            Map.entry("every site", Scope.sites(Set.of())),
            Map.entry("agent account s1", Scope.account(Set.of("s1"), Role.AGENT)),
            Map.entry("admin account s1", Scope.account(Set.of("s1"), Role.ADMIN)),
            Map.entry("admin account s2", Scope.account(Set.of("s2"), Role.ADMIN)),
            Map.entry("admin of every site", Scope.account(Set.of(), Role.ADMIN)),
            Map.entry("room r1", Scope.room("s1", "r1")),
            Map.entry("room r1b", Scope.room("s1", "r1b")),
            Map.entry("room r2 (s2)", Scope.room("s2", "r2")),
            Map.entry("counter c1", Scope.counter("s1", "c1")),
            Map.entry("counter c2", Scope.counter("s1", "c2")),
            Map.entry("counter z1 (s2)", Scope.counter("s2", "z1")),
            Map.entry("held by nobody", Scope.heldBy("s1", null)),
            Map.entry("held by me", Scope.heldBy("s1", AGENT_ID)),
            Map.entry("held by a colleague", Scope.heldBy("s1", COLLEAGUE_ID)),
            Map.entry("held in s2", Scope.heldBy("s2", COLLEAGUE_ID)),
            Map.entry("copy of s1", Scope.site("formation:s1")),
            Map.entry("copy of s2", Scope.site("formation:s2")),
            Map.entry("room r1 of copy s1", Scope.room("formation:s1", "formation:s1:r1")),
            Map.entry("held by me in copy s1", Scope.heldBy("formation:s1", AGENT_ID)));

    /*
     * action                 scope                agent super admin admin kiosk screen counter
     *                                             s1    s1    s1    all   s1    r1     screen c1
     */
    private static final String TABLE = """
            ISSUE_TICKET           s1                   Y     Y     Y     Y     Y     -      -
            ISSUE_TICKET           s2                   -     -     -     Y     -     -      -
            READ_TICKET            s1                   Y     Y     Y     Y     -     -      -
            READ_TICKET            s2                   -     -     -     Y     -     -      -
            CALL_TICKET            s1                   Y     Y     Y     Y     -     -      -
            CALL_TICKET            s2                   -     -     -     Y     -     -      -
            ACT_ON_HELD_TICKET     held by me           Y     Y     Y     Y     -     -      -
            ACT_ON_HELD_TICKET     held by a colleague  -     Y     Y     Y     -     -      -
            ACT_ON_HELD_TICKET     held in s2           -     -     -     Y     -     -      -
            CANCEL_TICKET          s1                   Y     Y     Y     Y     -     -      -
            CANCEL_TICKET          s2                   -     -     -     Y     -     -      -
            READ_COUNTER           counter c1           Y     Y     Y     Y     -     -      Y
            READ_COUNTER           counter c2           Y     Y     Y     Y     -     -      -
            READ_COUNTER           counter z1 (s2)      -     -     -     Y     -     -      -
            READ_WAITING_LIST      s1                   Y     Y     Y     Y     -     -      -
            READ_WAITING_LIST      s2                   -     -     -     Y     -     -      -
            OPERATE_COUNTER        s1                   Y     Y     Y     Y     -     -      -
            OPERATE_COUNTER        s2                   -     -     -     Y     -     -      -
            OPERATE_HELD_COUNTER   held by nobody       Y     Y     Y     Y     -     -      -
            OPERATE_HELD_COUNTER   held by me           Y     Y     Y     Y     -     -      -
            OPERATE_HELD_COUNTER   held by a colleague  -     Y     Y     Y     -     -      -
            OPERATE_HELD_COUNTER   held in s2           -     -     -     Y     -     -      -
            READ_OWN_DAY           s1                   Y     Y     Y     Y     -     -      -
            READ_OWN_DAY           s2                   -     -     -     Y     -     -      -
            READ_SITE              s1                   Y     Y     Y     Y     Y     Y      Y
            READ_SITE              s2                   -     -     -     Y     -     -      -
            READ_ROOM_DISPLAY      room r1              Y     Y     Y     Y     -     Y      -
            READ_ROOM_DISPLAY      room r1b             Y     Y     Y     Y     -     -      -
            READ_ROOM_DISPLAY      room r2 (s2)         -     -     -     Y     -     -      -
            SEND_HEARTBEAT         none                 -     -     -     -     Y     Y      Y
            CHANGE_OWN_PASSWORD    none                 Y     Y     Y     Y     -     -      -
            CONFIGURE_SITES        s1                   -     -     Y     Y     -     -      -
            CONFIGURE_SITES        s1+s2                -     -     -     Y     -     -      -
            LIST_AGENTS            none                 -     Y     Y     Y     -     -      -
            READ_AGENT             s1                   -     Y     Y     Y     -     -      -
            READ_AGENT             s1+s2                -     Y     Y     Y     -     -      -
            READ_AGENT             s2                   -     -     -     Y     -     -      -
            READ_AGENT             every site           -     -     -     Y     -     -      -
            MANAGE_AGENT           none                 -     -     Y     Y     -     -      -
            MANAGE_AGENT           s1                   -     -     Y     Y     -     -      -
            MANAGE_AGENT           s1+s2                -     -     -     Y     -     -      -
            MANAGE_AGENT           every site           -     -     -     Y     -     -      -
            MANAGE_AGENT           agent account s1     -     -     Y     Y     -     -      -
            MANAGE_AGENT           admin account s1     -     -     Y     Y     -     -      -
            MANAGE_AGENT           admin account s2     -     -     -     Y     -     -      -
            MANAGE_AGENT           admin of every site  -     -     -     Y     -     -      -
            LIST_DEVICES           none                 -     Y     Y     Y     -     -      -
            READ_DEVICE            s1                   -     Y     Y     Y     -     -      -
            READ_DEVICE            s2                   -     -     -     Y     -     -      -
            MANAGE_DEVICE          s1                   -     -     Y     Y     -     -      -
            MANAGE_DEVICE          s2                   -     -     -     Y     -     -      -
            READ_STATS             none                 -     Y     Y     Y     -     -      -
            READ_STATS             s1                   -     Y     Y     Y     -     -      -
            READ_STATS             s2                   -     -     -     Y     -     -      -
            REBUILD_ROLLUPS        none                 -     -     Y     Y     -     -      -
            READ_DIRECTORY         none                 Y     Y     Y     Y     -     -      -
            MANAGE_DIRECTORY       every site           -     -     -     Y     -     -      -
            READ_AUDIT             none                 -     -     Y     Y     -     -      -
            READ_AUDIT             s1                   -     -     Y     Y     -     -      -
            READ_AUDIT             s2                   -     -     -     Y     -     -      -
            LISTEN_ROOM            room r1              Y     Y     Y     Y     -     Y      -
            LISTEN_ROOM            room r1b             Y     Y     Y     Y     -     -      -
            LISTEN_ROOM            room r2 (s2)         -     -     -     Y     -     -      -
            LISTEN_COUNTER         counter c1           Y     Y     Y     Y     -     -      Y
            LISTEN_COUNTER         counter c2           Y     Y     Y     Y     -     -      -
            LISTEN_COUNTER         counter z1 (s2)      -     -     -     Y     -     -      -
            LISTEN_SITE_QUEUE      s1                   Y     Y     Y     Y     Y     Y      -
            LISTEN_SITE_QUEUE      s2                   -     -     -     Y     -     -      -
            LISTEN_ALERTS          s1                   -     Y     Y     Y     -     -      -
            LISTEN_ALERTS          s2                   -     -     -     Y     -     -      -
            PRACTISE               s1                   Y     Y     Y     Y     -     -      -
            PRACTISE               s2                   -     -     -     Y     -     -      -
            RUN_TRAINING           copy of s1           -     Y     Y     Y     -     -      -
            RUN_TRAINING           copy of s2           -     -     -     Y     -     -      -
            REQUEST_CALLBACK       s1                   Y     Y     Y     Y     -     -      -
            REQUEST_CALLBACK       s2                   -     -     -     Y     -     -      -
            CALL_BACK              s1                   Y     Y     Y     Y     -     -      -
            CALL_BACK              s2                   -     -     -     Y     -     -      -
            ISSUE_TICKET           copy of s1           Y     Y     Y     Y     -     -      -
            CALL_TICKET            copy of s1           Y     Y     Y     Y     -     -      -
            CALL_TICKET            copy of s2           -     -     -     Y     -     -      -
            ACT_ON_HELD_TICKET     held by me in copy s1  Y   Y     Y     Y     -     -      -
            LISTEN_ROOM            room r1 of copy s1   Y     Y     Y     Y     -     -      -
            """;

    private record Row(Action action, String scope, List<Boolean> allowed) {
    }

    private static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.trim().split("\\s{2,}");
            List<Boolean> allowed = new ArrayList<>();
            for (int i = 2; i < cells.length; i++) {
                allowed.add(cells[i].equals("Y"));
            }
            assertThat(allowed).as(line).hasSize(WHO.size());
            assertThat(SCOPES).as(line).containsKey(cells[1]);
            rows.add(new Row(Action.valueOf(cells[0]), cells[1], allowed));
        }
        return rows;
    }

    @Test
    void every_cell_of_the_table() {
        List<String> wrong = new ArrayList<>();
        List<String> names = List.copyOf(WHO.keySet());
        for (Row row : table()) {
            for (int i = 0; i < names.size(); i++) {
                Principal who = WHO.get(names.get(i));
                boolean allowed = AccessPolicy.allows(who, row.action(), SCOPES.get(row.scope()));
                if (allowed != row.allowed().get(i)) {
                    wrong.add(row.action() + " on " + row.scope() + " by " + names.get(i) + ": "
                            + (allowed ? "allowed" : "refused (" + AccessPolicy.refusal(who, row.action(),
                            SCOPES.get(row.scope())).orElse("") + ")"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_action_has_rows() {
        Set<Action> covered = EnumSet.noneOf(Action.class);
        table().forEach(row -> covered.add(row.action()));
        assertThat(covered).containsExactlyInAnyOrder(Action.values());
    }

    @Test
    void a_refusal_says_why_and_require_fails_as_not_allowed() {
        Principal kiosk = WHO.get("kiosk s1");
        assertThat(AccessPolicy.refusal(kiosk, Action.READ_STATS, Scope.none()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("agent account"));
        assertThat(AccessPolicy.refusal(WHO.get("agent s1"), Action.READ_STATS, Scope.none()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("supervisor"));
        assertThat(AccessPolicy.refusal(WHO.get("supervisor s1"), Action.READ_STATS, Scope.site("s2")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("s2"));
        try {
            AccessPolicy.require(kiosk, Action.CALL_TICKET, Scope.site("s1"));
            throw new AssertionError("a kiosk called a ticket");
        } catch (Failure failure) {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.NOT_ALLOWED);
            assertThat(failure.getMessage()).isNotBlank();
        }
    }

    @Test
    void the_held_ticket_filter_says_what_the_policy_says_for_every_principal_site_and_holder() {
        for (Principal principal : WHO.values()) {
            for (String site : List.of("s1", "s2", "formation:s1")) {
                for (Long holder : List.of(AGENT_ID, COLLEAGUE_ID, 2L, 3L, 4L)) {
                    boolean allowed = AccessPolicy.allows(principal, Action.ACT_ON_HELD_TICKET,
                            Scope.heldBy(site, holder));
                    boolean filtered = AccessPolicy.heldTicketFilter(principal)
                            .map(filter -> (filter.holderId() == null || filter.holderId().equals(holder))
                                           && (filter.siteIds() == null || filter.siteIds().contains(site)))
                            .orElse(false);
                    assertThat(filtered).as("%s on a ticket of %s held by %d", principal.username() == null
                            ? principal.deviceId() : principal.username(), site, holder).isEqualTo(allowed);
                }
            }
        }
    }
}
