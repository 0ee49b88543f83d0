package org.guichet.hardware.printer;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

class PrintableTextTest {

    private static final Charset CP858 = PrinterCodePage.CP858.charset();

    @Test
    void letters_the_code_page_has_are_kept() {
        assertThat(PrintableText.forCharset("Çà òc, niña, 12 €", CP858)).isEqualTo("Çà òc, niña, 12 €");
    }

    @Test
    void typographic_punctuation_becomes_plain() {
        assertThat(PrintableText.forCharset("l’État — « oui »…", CP858)).isEqualTo("l'État - « oui »...");
    }

    @Test
    void missing_accented_letters_lose_their_accent_and_unknown_symbols_become_question_marks() {
        assertThat(PrintableText.forCharset("Erdős, col·lecció ŀl, 漢", CP858)).isEqualTo("Erdos, col·lecció l·l, ?");
    }

    @Test
    void control_characters_become_spaces() {
        assertThat(PrintableText.forCharset("a\u001Bb\u001Dc\u0010d\ne\u2028f", CP858)).isEqualTo("a b c d e f");
    }
}
