package org.guichet.server.store;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedAuthenticationTest {

    @Test
    void passwords_are_long_letters_and_digits_and_differ() {
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            passwords.add(EmbeddedAuthentication.newPassword());
        }
        assertThat(passwords).hasSize(100)
                .allSatisfy(password -> assertThat(password).hasSize(32).matches("[A-Za-z0-9]+"));
        assertThat(EmbeddedAuthentication.newPassword(new Random(7)))
                .isEqualTo(EmbeddedAuthentication.newPassword(new Random(7)));
    }

    @Test
    void the_written_rules_require_the_password_of_everyone() {
        assertThat(EmbeddedAuthentication.requiresPasswordOfEveryone(EmbeddedAuthentication.HBA)).isTrue();
    }

    @Test
    void one_rule_letting_a_client_in_otherwise_is_enough_to_rewrite() {
        String initdbTrust = """
                # CAUTION: configuring the system for local "trust" authentication
                local   all             all                                     trust
                host    all             all             127.0.0.1/32            trust
                """;
        assertThat(EmbeddedAuthentication.requiresPasswordOfEveryone(initdbTrust)).isFalse();
        assertThat(EmbeddedAuthentication.requiresPasswordOfEveryone("""
                local all all scram-sha-256
                local replication all peer
                """)).isFalse();
        assertThat(EmbeddedAuthentication.requiresPasswordOfEveryone("""
                host all all 127.0.0.1 255.255.255.255 md5
                """)).isFalse();
        assertThat(EmbeddedAuthentication.requiresPasswordOfEveryone("""
                host all all 127.0.0.1 255.255.255.255 scram-sha-256
                host all all ::1/128 scram-sha-256 # the loopback
                """)).isTrue();
    }

    @Test
    void a_file_without_rules_lets_nobody_in_but_is_not_what_was_written() {
        assertThat(EmbeddedAuthentication.requiresPasswordOfEveryone("# nothing\n\n")).isFalse();
    }
}
