package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoped administration of accounts: who changes, deactivates and reactivates whom. */
class AgentRulesTest {

    private static final Principal NETWORK_ADMIN = Principal.agent(1, "root", Role.ADMIN, Set.of());
    private static final Principal SITE_ADMIN = Principal.agent(2, "admin1", Role.ADMIN, Set.of("s1", "s3"));
    private static final Principal SUPERVISOR = Principal.agent(3, "super1", Role.SUPERVISOR, Set.of("s1"));

    private static Agent agent(long id, Role role, String... sites) {
        return new Agent(id, "user" + id, "User " + id, role, true, List.of(sites), 4);
    }

    private static Failure.Kind refusal(Runnable action) {
        try {
            action.run();
            return null;
        } catch (Failure failure) {
            assertThat(failure.getMessage()).isNotBlank();
            return failure.kind();
        }
    }

    @Test
    void a_site_administrator_changes_accounts_within_their_sites_only() {
        Agent inS1 = agent(10, Role.AGENT, "s1");
        Agent after = AgentRules.changed(SITE_ADMIN, inS1,
                new AgentRules.Change(" Jeanne Martin ", Role.SUPERVISOR, List.of("s1", "s3", "s1")));
        assertThat(after.displayName()).isEqualTo("Jeanne Martin");
        assertThat(after.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(after.siteIds()).containsExactly("s1", "s3");
        assertThat(after.version()).isEqualTo(4);
        assertThat(AgentRules.accessChanges(inS1, after)).isTrue();

        Agent renamed = AgentRules.changed(SITE_ADMIN, inS1, new AgentRules.Change("Other", null, null));
        assertThat(AgentRules.accessChanges(inS1, renamed)).isFalse();
        assertThat(renamed.siteIds()).containsExactly("s1");

        // An account of a site outside theirs, even partly, or of every site.
        assertThat(refusal(() -> AgentRules.changed(SITE_ADMIN, agent(11, Role.AGENT, "s1", "s2"),
                new AgentRules.Change("x", null, null)))).isEqualTo(Failure.Kind.NOT_ALLOWED);
        assertThat(refusal(() -> AgentRules.changed(SITE_ADMIN, agent(12, Role.ADMIN),
                new AgentRules.Change("x", null, null)))).isEqualTo(Failure.Kind.NOT_ALLOWED);
        // Giving a site outside theirs, or making an administrator of every site.
        assertThat(refusal(() -> AgentRules.changed(SITE_ADMIN, inS1,
                new AgentRules.Change(null, null, List.of("s2"))))).isEqualTo(Failure.Kind.NOT_ALLOWED);
        assertThat(refusal(() -> AgentRules.changed(SITE_ADMIN, agent(13, Role.ADMIN, "s1"),
                new AgentRules.Change(null, null, List.of())))).isEqualTo(Failure.Kind.NOT_ALLOWED);
        // A site administrator of their own sites may be made.
        assertThat(AgentRules.changed(SITE_ADMIN, inS1, new AgentRules.Change(null, Role.ADMIN, null)).role())
                .isEqualTo(Role.ADMIN);
        // A network administrator may do all of it.
        assertThat(AgentRules.changed(NETWORK_ADMIN, agent(11, Role.AGENT, "s1", "s2"),
                new AgentRules.Change(null, Role.ADMIN, List.of())).networkAdmin()).isTrue();
    }

    @Test
    void supervisors_and_agents_manage_no_one() {
        assertThat(refusal(() -> AgentRules.changed(SUPERVISOR, agent(10, Role.AGENT, "s1"),
                new AgentRules.Change("x", null, null)))).isEqualTo(Failure.Kind.NOT_ALLOWED);
        assertThat(refusal(() -> AgentRules.requireActivation(SUPERVISOR, agent(10, Role.AGENT, "s1"), false)))
                .isEqualTo(Failure.Kind.NOT_ALLOWED);
        assertThat(refusal(() -> AgentRules.requireManage(SUPERVISOR, Role.AGENT, List.of("s1"))))
                .isEqualTo(Failure.Kind.NOT_ALLOWED);
    }

    @Test
    void nobody_changes_their_own_access_nor_deactivates_themself() {
        Agent self = agent(2, Role.ADMIN, "s1", "s3");
        assertThat(AgentRules.changed(SITE_ADMIN, self, new AgentRules.Change("New name", null, null)).displayName())
                .isEqualTo("New name");
        assertThat(refusal(() -> AgentRules.changed(SITE_ADMIN, self, new AgentRules.Change(null, null,
                List.of("s1"))))).isEqualTo(Failure.Kind.NOT_ALLOWED);
        assertThat(refusal(() -> AgentRules.changed(NETWORK_ADMIN, agent(1, Role.ADMIN),
                new AgentRules.Change(null, Role.SUPERVISOR, List.of("s1"))))).isEqualTo(Failure.Kind.NOT_ALLOWED);
        assertThat(refusal(() -> AgentRules.requireActivation(NETWORK_ADMIN, agent(1, Role.ADMIN), false)))
                .isEqualTo(Failure.Kind.NOT_ALLOWED);
    }

    @Test
    void activation_goes_only_from_one_state_to_the_other() {
        Agent active = agent(10, Role.AGENT, "s1");
        AgentRules.requireActivation(SITE_ADMIN, active, false);
        assertThat(refusal(() -> AgentRules.requireActivation(SITE_ADMIN, active, true)))
                .isEqualTo(Failure.Kind.CONFLICT);
        Agent inactive = new Agent(10, "u", "U", Role.AGENT, false, List.of("s1"), 5);
        AgentRules.requireActivation(SITE_ADMIN, inactive, true);
        assertThat(refusal(() -> AgentRules.requireActivation(SITE_ADMIN, inactive, false)))
                .isEqualTo(Failure.Kind.CONFLICT);
    }

    @Test
    void invalid_changes_say_why() {
        Agent inS1 = agent(10, Role.AGENT, "s1");
        assertThatThrownBy(() -> AgentRules.changed(NETWORK_ADMIN, inS1, new AgentRules.Change(null, null, null)))
                .isInstanceOf(Failure.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> AgentRules.changed(NETWORK_ADMIN, inS1, new AgentRules.Change("  ", null, null)))
                .isInstanceOf(Failure.class).hasMessageContaining("display name");
        assertThatThrownBy(() -> AgentRules.changed(NETWORK_ADMIN, inS1, new AgentRules.Change(null, null,
                List.of()))).isInstanceOf(Failure.class).hasMessageContaining("at least one site");
        assertThat(AgentRules.usernameProblem("jean dupont")).isNotNull();
        assertThat(AgentRules.usernameProblem("jean.dupont@cd.fr")).isNull();
    }
}
