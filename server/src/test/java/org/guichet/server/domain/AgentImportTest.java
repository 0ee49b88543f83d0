package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a CSV list of accounts and deciding, line by line, what may be created. */
class AgentImportTest {

    private static final Principal NETWORK_ADMIN = Principal.agent(1, "root", Role.ADMIN, Set.of());
    private static final Principal SITE_ADMIN = Principal.agent(2, "admin1", Role.ADMIN, Set.of("s1"));

    private static AgentImport.Plan plan(Principal importer, String csv) {
        AtomicInteger made = new AtomicInteger();
        return AgentImport.plan(importer, AgentImport.parse(csv), Set.of("s1", "s2")::contains, Set.of("taken"),
                () -> "generated-" + made.incrementAndGet());
    }

    @Test
    void semicolons_bom_quotes_and_crlf_as_french_excel_writes_them() {
        String csv = "\uFEFFusername;displayName;role;sites;password\r\n"
                     + "jdupont;\"Dupont; Jean\";agent;s1|s2;long-enough-password\r\n"
                     + ";;;;\r\n"
                     + "mmartin;\"Marie \"\"M\"\"\";supervisor; s1 ;\r\n";
        AgentImport.Plan plan = plan(NETWORK_ADMIN, csv);
        assertThat(plan.rejected()).isEmpty();
        assertThat(plan.accepted()).extracting(AgentImport.Candidate::line).containsExactly(2, 4);
        AgentImport.Candidate first = plan.accepted().get(0);
        assertThat(first.displayName()).isEqualTo("Dupont; Jean");
        assertThat(first.siteIds()).containsExactly("s1", "s2");
        assertThat(first.password()).isEqualTo("long-enough-password");
        assertThat(first.generated()).isFalse();
        AgentImport.Candidate second = plan.accepted().get(1);
        assertThat(second.displayName()).isEqualTo("Marie \"M\"");
        assertThat(second.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(second.password()).isEqualTo("generated-1");
        assertThat(second.generated()).isTrue();
    }

    @Test
    void commas_and_columns_in_another_order() {
        String csv = "Role,Sites,Username,DisplayName\nagent,s1,abc,Abc\n";
        AgentImport.Plan plan = plan(NETWORK_ADMIN, csv);
        assertThat(plan.accepted()).singleElement().satisfies(candidate -> {
            assertThat(candidate.username()).isEqualTo("abc");
            assertThat(candidate.generated()).isTrue();
        });
    }

    @Test
    void each_refused_line_says_why() {
        String csv = String.join("\n",
                "username;displayName;role;sites;password",
                "ok1;Ok;agent;s1;long-enough-password",
                "ok1;Twice;agent;s1;long-enough-password",
                "taken;Taken;agent;s1;long-enough-password",
                "x1;Unknown site;agent;s9;long-enough-password",
                "x2;Role;boss;s1;long-enough-password",
                "x3;Other site;agent;s2;long-enough-password",
                "x4;Network admin;admin;;long-enough-password",
                "x5;Weak;agent;s1;short",
                ";No name;agent;s1;long-enough-password",
                "x6;No role;;s1;long-enough-password",
                "x7;No site;agent;;long-enough-password",
                "bad name;Bad;agent;s1;long-enough-password",
                "ok2;Admin of s1;admin;s1;long-enough-password",
                "x8;Common;agent;s1;Motdepasse2024",
                "x9;Own name;agent;s1;Own-Name-2024!");
        AgentImport.Plan plan = plan(SITE_ADMIN, csv);
        assertThat(plan.accepted()).extracting(AgentImport.Candidate::username).containsExactly("ok1", "ok2");
        assertThat(plan.rejected()).extracting(r -> r.line() + " " + r.reason()).containsExactly(
                "3 Username 'ok1' is already on line 2 of the file.",
                "4 Username 'taken' is taken by an existing account.",
                "5 Unknown site 's9'.",
                "6 Unknown role 'boss'; use agent, supervisor or admin.",
                "7 Your account does not cover site 's2'.",
                "8 Only an administrator of every site can manage an account of every site.",
                "9 A password needs at least 12 characters.",
                "10 Missing field: username.",
                "11 Missing field: role.",
                "12 Missing field: sites. An agent or supervisor needs at least one site.",
                "13 A username has 2 to 64 letters, digits, dots, dashes or @.",
                "15 This password is too common or too easy to guess; choose another (a few unrelated words make a "
                + "good one).",
                "16 A password may not be the account's username or name.");
    }

    @Test
    void an_unusable_file_is_refused_as_a_whole() {
        assertThatThrownBy(() -> AgentImport.parse("\uFEFF\n  \n")).isInstanceOf(Failure.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> AgentImport.parse("username;role;sites\njd;agent;s1"))
                .hasMessageContaining("displayName");
        assertThatThrownBy(() -> AgentImport.parse("username;displayName;role;sites;email\n"))
                .hasMessageContaining("Unknown column 'email'");
        assertThatThrownBy(() -> AgentImport.parse("username;displayName;role;sites\n\n"))
                .hasMessageContaining("no account");
        String tooMany = "username;displayName;role;sites\n" + "a;b;agent;s1\n".repeat(AgentImport.MAX_LINES + 1);
        assertThatThrownBy(() -> AgentImport.parse(tooMany)).hasMessageContaining("at most");
        assertThat(AgentImport.parse("username;displayName;role;sites\n" + "a;b;agent;s1\n".repeat(3)))
                .extracting(AgentImport.Line::number).containsExactly(2, 3, 4);
    }

    @Test
    void fields_split_on_the_separator_outside_quotes() {
        assertThat(AgentImport.fields("a; \"b;c\" ;\"d\"\"e\";", ';')).containsExactly("a", "b;c", "d\"e", "");
        assertThat(AgentImport.fields("a,b;c", ',')).containsExactly("a", "b;c");
    }
}
