package org.guichet.server.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaa", "AAAAAAAAAAAA", "abcabcabcabc", "121212121212",
            "123456789012", "098765432109", "motdepasse2024", "MotDePasse123!", "M0tD3P@sse2025", "P@ssw0rd2024",
            "password1234", "passwordpassword", "azertyuiop123", "AZERTYUIOP!!", "qwertyuiop12", "azertyqsdfgh",
            "Guichet2026!", "guichetguichet", "bonjour-soleil", "Soleil@2024!", "departement34", "1234qwerty!!",
            "motdepasseguichet", "azertyazerty", "wxcvbnwxcvbn", "administrateur", "Bienvenue2026", "jetaime123456"})
    void refuses_common_and_guessable_passwords_whatever_the_case(String password) {
        assertThat(PasswordRules.problem(password)).get().asString().contains("too common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "long-enough-password", "agent-password-for-tests",
            "Le chat dort sur le radiateur", "vélo rouge du facteur", "kT9#vQ2!mL4z", "tournesol-ardoise-7"})
    void accepts_long_unusual_passwords_without_composition_rules(String password) {
        assertThat(PasswordRules.problem(password, "jdupont", "Jean Dupont")).isEmpty();
    }

    @Test
    void needs_twelve_characters_counted_as_people_see_them() {
        assertThat(PasswordRules.problem("tournesol-7x")).isEmpty();
        assertThat(PasswordRules.problem("tournesol-7")).get().asString().contains("at least 12");
        // Eleven letters with accents written as two chars each in UTF-16 would be 22 chars; it is still 11.
        assertThat(PasswordRules.problem("éèàùçéèàùçé")).get().asString().contains("at least 12");
        assertThat(PasswordRules.problem("😀tournesol-7")).isEmpty();
    }

    @Test
    void one_maximum_for_setting_and_for_trying() {
        String longest = "tournesol ardoise ".repeat(20).substring(0, PasswordRules.MAX_LENGTH);
        assertThat(PasswordRules.problem(longest)).isEmpty();
        assertThat(PasswordRules.tooLongToTry(longest)).isFalse();
        String tooLong = longest + "x";
        assertThat(PasswordRules.problem(tooLong)).get().asString().contains("at most");
        assertThat(PasswordRules.tooLongToTry(tooLong)).isTrue();
        String threeHundred = "tournesol ardoise ".repeat(20).substring(0, 300);
        assertThat(PasswordRules.problem(threeHundred)).isPresent();
        assertThat(PasswordRules.tooLongToTry(threeHundred)).isTrue();
    }

    @Test
    void the_account_name_is_not_a_password() {
        assertThat(PasswordRules.problem("jean.dupont.montpellier", "jean.dupont.montpellier")).get().asString()
                .contains("username or name");
        assertThat(PasswordRules.problem("JeanDupontMontpellier!", "jdupont", "Jean Dupont Montpellier")).get()
                .asString().contains("username or name");
        assertThat(PasswordRules.problem("marie-lefevre-2024", "mlefevre", "Marie Lefèvre")).get().asString()
                .contains("username or name");
        assertThat(PasswordRules.problem("marie-lefevre-velo-rouge", "mlefevre", "Marie Lefèvre")).isEmpty();
        assertThat(PasswordRules.problem("2024marielefevre", "marielefevre")).get().asString()
                .contains("username or name");
    }

    @Test
    void require_throws_an_invalid_failure_with_the_reason() {
        assertThatThrownBy(() -> PasswordRules.require("aaaaaaaaaaaa"))
                .isInstanceOfSatisfying(Failure.class, failure -> assertThat(failure.kind())
                        .isEqualTo(Failure.Kind.INVALID));
    }
}
