package org.guichet.server.store;

import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.TicketLifecycle;
import org.guichet.server.domain.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each transition is one written-out statement: it sets the state the lifecycle says, records the event named after
 * the action, and only matches a ticket still in a state the action is allowed from.
 */
class TicketStatementsTest {

    private static final Pattern SETS_STATUS = Pattern.compile("UPDATE ticket SET status = '(\\w+)'");
    private static final Pattern RECORDS = Pattern.compile("SELECT id, site_id, service_id, '(\\w+)', \\$3");

    @ParameterizedTest
    @EnumSource(value = TicketAction.class, names = "ISSUE", mode = EnumSource.Mode.EXCLUDE)
    void the_statement_of_each_action_applies_the_lifecycle(TicketAction action) {
        String sql = TicketStore.TRANSITIONS.getOrDefault(action, TicketStore.HELD_TRANSITIONS.get(action));
        assertThat(sql).as(action.name()).isNotNull();
        assertThat(TicketStore.TRANSITIONS.containsKey(action) && TicketStore.HELD_TRANSITIONS.containsKey(action))
                .as(action + " has one statement").isFalse();
        Matcher sets = SETS_STATUS.matcher(sql);
        assertThat(sets.find()).as(action + " sets a status").isTrue();
        Set<TicketStatus> targets = EnumSet.noneOf(TicketStatus.class);
        TicketLifecycle.allowedFrom(action).forEach(from -> targets.add(TicketLifecycle.next(from, action)
                .orElseThrow()));
        assertThat(targets).containsExactly(TicketStatus.valueOf(sets.group(1)));
        Matcher records = RECORDS.matcher(sql);
        assertThat(records.find()).as(action + " records its event").isTrue();
        assertThat(records.group(1)).isEqualTo(action.name());
        assertThat(sql).contains("WHERE id = $1 AND status <> ALL($2)");
    }

    @Test
    void only_finish_takes_an_outcome() {
        TicketStore.TRANSITIONS.forEach((action, sql) -> assertThat(sql).as(action.name()).doesNotContain("$7"));
        TicketStore.HELD_TRANSITIONS.forEach((action, sql) -> assertThat(sql.contains("outcome = $8"))
                .as(action.name()).isEqualTo(action == TicketAction.FINISH));
    }

    @Test
    void the_actions_on_a_held_ticket_check_its_holder_and_site_as_they_change_it() {
        TicketStore.HELD_TRANSITIONS.forEach((action, sql) -> assertThat(sql).as(action.name())
                .contains("AND ($5::bigint IS NULL OR agent_id = $5) AND ($6::text[] IS NULL OR site_id = ANY($6))"));
    }
}
