package org.guichet.hardware.printer;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TicketMessagesTest {

    @Test
    void every_language_has_its_own_text_for_every_message() {
        for (TicketMessages.Key key : TicketMessages.Key.values()) {
            Set<String> texts = new HashSet<>();
            for (String language : TicketMessages.SUPPORTED_LANGUAGES) {
                String text = TicketMessages.forLanguage(language).template(key);
                assertThat(text).as(language + " " + key).isNotBlank();
                texts.add(text);
            }
            assertThat(texts).as("distinct translations of " + key).hasSize(TicketMessages.SUPPORTED_LANGUAGES.size());
        }
    }

    @Test
    void every_message_prints_in_both_code_pages() {
        for (PrinterCodePage codePage : PrinterCodePage.values()) {
            for (String language : TicketMessages.SUPPORTED_LANGUAGES) {
                for (TicketMessages.Key key : TicketMessages.Key.values()) {
                    String text = TicketMessages.forLanguage(language).template(key);
                    assertThat(codePage.charset().newEncoder().canEncode(text)).as(codePage + " " + language + " " + key)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void unknown_or_regional_languages_fall_back_sensibly() {
        assertThat(TicketMessages.forLanguage(null).language()).isEqualTo("fr");
        assertThat(TicketMessages.forLanguage("de").language()).isEqualTo("fr");
        assertThat(TicketMessages.forLanguage("oc-FR").language()).isEqualTo("oc");
        assertThat(TicketMessages.forLanguage(" ES ").language()).isEqualTo("es");
    }

    @Test
    void people_ahead_uses_singular_and_plural() {
        TicketMessages french = TicketMessages.forLanguage("fr");

        assertThat(Arrays.asList(french.peopleAhead(0), french.peopleAhead(1), french.peopleAhead(12)))
                .containsExactly("Aucune personne avant vous", "1 personne avant vous", "12 personnes avant vous");
    }

    @Test
    void waits_of_an_hour_or_more_are_printed_in_hours_and_minutes() {
        TicketMessages english = TicketMessages.forLanguage("en");

        assertThat(english.estimatedWait(0)).isEqualTo("Estimated wait: less than a minute");
        assertThat(english.estimatedWait(59)).isEqualTo("Estimated wait: about 59 min");
        assertThat(english.estimatedWait(65)).isEqualTo("Estimated wait: about 1 h 05");
    }

    @Test
    void issue_time_is_printed_in_the_tickets_own_time_zone() {
        ZonedDateTime issuedAt = ZonedDateTime.of(2025, 12, 31, 23, 30, 0, 0, ZoneId.of("Europe/Paris"));

        assertThat(TicketMessages.forLanguage("oc").issuedAt(issuedAt)).isEqualTo("Lo 31/12/2025 a 23:30");
        assertThat(TicketMessages.forLanguage("es").issuedAt(issuedAt)).isEqualTo("El 31/12/2025 a las 23:30");
    }
}
