package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PhoneNumberTest {

    @Test
    void french_numbers_are_read_however_they_are_written() {
        for (String typed : List.of("06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678",
                " 06 12 34 56 78 ", "06\u00a012\u00a034\u00a056\u00a078", "+33 6 12 34 56 78", "+33612345678",
                "0033612345678", "00 33 6 12 34 56 78")) {
            assertThat(PhoneNumber.parse(typed).e164()).as(typed).isEqualTo("+33612345678");
        }
        assertThat(PhoneNumber.parse("01 44 55 66 77").e164()).isEqualTo("+33144556677");
    }

    @Test
    void numbers_abroad_are_read_in_e164_form() {
        assertThat(PhoneNumber.parse("+34 612 345 678").e164()).isEqualTo("+34612345678");
        assertThat(PhoneNumber.parse("+1-202-555-0143").e164()).isEqualTo("+12025550143");
        assertThat(PhoneNumber.parse("+4930123456").e164()).isEqualTo("+4930123456");
        assertThat(PhoneNumber.parse("+123456789012345").e164()).isEqualTo("+123456789012345");
    }

    @Test
    void anything_else_is_refused_without_repeating_what_was_typed() {
        List<String> refused = Arrays.asList(null, "", "   ", "6 12 34 56 78", "06 12 34 56 7", "06 12 34 56 789",
                "00 12 34 56 78", "+33 06 12 34 56 78", "+33 6 12 34 56", "+33 6 12 34 56 789", "+1234567",
                "+1234567890123456", "+0612345678", "0034612345678", "06 12 34 56 7a", "06/12/34/56/78",
                "tel:+33612345678", "+33 (0)6 12 34 56 78");
        Set<String> messages = new HashSet<>();
        for (String typed : refused) {
            Failure failure = catchThrowableOfType(Failure.class, () -> PhoneNumber.parse(typed));
            assertThat(failure).as(typed).isNotNull();
            assertThat(failure.kind()).isEqualTo(Failure.Kind.INVALID);
            assertThat(failure.code()).isEqualTo("bad_phone_number");
            messages.add(failure.getMessage());
        }
        // One sentence for every input: it says what is expected and cannot repeat what was typed.
        assertThat(messages).singleElement().asString().contains("06 12 34 56 78").contains("+34 612 345 678");
    }

    @Test
    void a_stored_number_must_already_be_in_e164_form() {
        assertThatThrownBy(() -> new PhoneNumber("0612345678")).isInstanceOf(Failure.class)
                .hasMessageNotContaining("0612345678");
        assertThatThrownBy(() -> new PhoneNumber("+3361234567")).isInstanceOf(Failure.class);
        assertThatThrownBy(() -> new PhoneNumber(null)).isInstanceOf(Failure.class);
        assertThat(new PhoneNumber("+33612345678")).isEqualTo(PhoneNumber.parse("06 12 34 56 78"));
    }

    @Test
    void french_numbers_are_shown_the_french_way_others_in_e164() {
        assertThat(PhoneNumber.parse("+33612345678").national()).isEqualTo("06 12 34 56 78");
        assertThat(PhoneNumber.parse("0144556677").national()).isEqualTo("01 44 55 66 77");
        assertThat(PhoneNumber.parse("+34 612 345 678").national()).isEqualTo("+34612345678");
    }

    @Test
    void masking_keeps_the_first_and_last_digits_and_the_country_code() {
        assertThat(PhoneNumber.parse("06 12 34 56 78").masked()).isEqualTo("06 •• •• •• 78");
        assertThat(PhoneNumber.parse("+34 612 345 678").masked()).isEqualTo("+34 ••• 678");
        assertThat(PhoneNumber.parse("+1 202 555 0143").masked()).isEqualTo("+1 ••• 143");
        assertThat(PhoneNumber.parse("+212 612 345 678").masked()).isEqualTo("+212 ••• 678");
        assertThat(PhoneNumber.parse("+44 7911 123456").masked()).isEqualTo("+44 ••• 456");
        // Eight digits with a three-digit country code: only one more is shown, four stay hidden.
        assertThat(PhoneNumber.parse("+35212345").masked()).isEqualTo("+352 ••• 5");
    }

    @Test
    void a_number_printed_by_mistake_is_masked() {
        PhoneNumber number = PhoneNumber.parse("06 12 34 56 78");
        assertThat(number.toString()).isEqualTo(number.masked());
        assertThat("to " + number).doesNotContain("612345678").doesNotContain("12 34 56");
    }

    @Test
    void french_mobiles_start_with_06_or_07_and_numbers_abroad_count_as_mobiles() {
        assertThat(PhoneNumber.parse("06 12 34 56 78").mobile()).isTrue();
        assertThat(PhoneNumber.parse("07 12 34 56 78").mobile()).isTrue();
        assertThat(PhoneNumber.parse("01 44 55 66 77").mobile()).isFalse();
        assertThat(PhoneNumber.parse("09 70 12 34 56").mobile()).isFalse();
        assertThat(PhoneNumber.parse("+34 612 345 678").mobile()).isTrue();
    }
}
