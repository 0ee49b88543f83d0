package org.guichet.server.service;

import org.guichet.server.domain.Tokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashes_verify_and_differ_by_salt() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(second);
        assertThat(hasher.verify("correct horse battery", first)).isTrue();
        assertThat(hasher.verify("correct horse batterz", first)).isFalse();
        assertThat(hasher.verify("", first)).isFalse();
    }

    @Test
    void parameters_are_read_from_the_stored_hash() {
        String weaker = new PasswordHasher(8 * 1024, 1, 1).hash("un mot de passe");
        assertThat(weaker).contains("m=8192,t=1,p=1");
        assertThat(hasher.verify("un mot de passe", weaker)).isTrue();
    }

    @Test
    void foreign_or_broken_hashes_never_verify() {
        assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("x", "plain")).isFalse();
    }

    @Test
    void tokens_are_long_random_and_prefixed() {
        String token = Tokens.newToken(Tokens.DEVICE_PREFIX);
        assertThat(token).startsWith("gd_").hasSizeGreaterThan(40).isNotEqualTo(Tokens.newToken(Tokens.DEVICE_PREFIX));
        assertThat(Tokens.hash(token)).hasSize(32);
        assertThat(Tokens.newStatusToken()).matches("[A-Za-z0-9_-]{22}");
    }
}
