package org.guichet.server.view;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatsCsvTest {

    private static final List<StatsCsv.Column> COLUMNS = List.of(
            new StatsCsv.Column("Libellé", "Label", row -> row.getValue("label")),
            new StatsCsv.Column("Attente (min)", "Wait (min)", row -> StatsCsv.minutes(row.getValue("wait"))),
            new StatsCsv.Column("Part (%)", "Share (%)", row -> StatsCsv.percent(row.getValue("share"))));

    @Test
    void french_semicolons_and_decimal_commas_with_a_byte_order_mark() {
        String csv = StatsCsv.write(COLUMNS, List.of(
                new JsonObject().put("label", "Accueil; information").put("wait", 645).put("share", 0.95234),
                new JsonObject().put("label", "Autonomie – APA").put("wait", null).put("share", null)),
                StatsCsv.Options.FRENCH);
        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv.substring(1)).isEqualTo("Libellé;Attente (min);Part (%)\r\n"
                + "\"Accueil; information\";10,75;95,2\r\n"
                + "Autonomie – APA;;\r\n");
    }

    @Test
    void english_commas_and_quotes() {
        String csv = StatsCsv.write(COLUMNS, List.of(
                new JsonObject().put("label", "Say \"hello\", please").put("wait", 60).put("share", 1.0)),
                StatsCsv.Options.ENGLISH);
        assertThat(csv.substring(1)).isEqualTo("Label,Wait (min),Share (%)\r\n\"Say \"\"hello\"\", please\",1,100\r\n");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(StatsCsv.cell("=HYPERLINK(\"x\")", StatsCsv.Options.FRENCH)).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(StatsCsv.cell("-service", StatsCsv.Options.ENGLISH)).isEqualTo("'-service");
        assertThat(StatsCsv.cell(-3, StatsCsv.Options.ENGLISH)).as("numbers are not text").isEqualTo("-3");
    }
}
