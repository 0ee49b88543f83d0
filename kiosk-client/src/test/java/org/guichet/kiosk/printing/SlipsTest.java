package org.guichet.kiosk.printing;

import io.vertx.core.json.JsonObject;
import org.guichet.hardware.printer.OrientationSlip;
import org.guichet.hardware.printer.TicketSlip;
import org.guichet.kiosk.server.IssuedTicket;
import org.guichet.kiosk.server.Menu;
import org.guichet.kiosk.server.MenuEntry;
import org.guichet.kiosk.testing.PrintedSlip;
import org.guichet.hardware.printer.TicketPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** From the server's JSON to what is printed. */
class SlipsTest {

    /** Shaped like GET /api/v1/sites/{siteId}/menu answers. */
    private static final Menu MENU = Menu.fromJson(new JsonObject("""
            {"site":{"id":"hdd-a","name":"Hôtel du Département","timeZone":"Pacific/Noumea","footer":"Merci",
                     "translations":{"en":{"footer":"Thank you"},"es":{"footer":"Gracias"}}},
             "languages":["fr","en","es","oc"],
             "entries":[
               {"id":"info","kind":"service","name":"Accueil","translations":{"en":"Reception","oc":"Acuèlh"}},
               {"id":"social","kind":"menu","name":"Solidarités","translations":{},
                "children":[{"id":"rsa","kind":"service","name":"RSA","translations":{"es":"Renta mínima"}}]},
               {"id":"immat","kind":"orientation","name":"Carte grise","translations":{"en":"Vehicle registration"},
                "orientation":{"authority":"Préfecture","address":["1 place de la Préfecture","34000 Montpellier"],
                               "hours":"Lundi–vendredi 9:00–12:00","contact":"ants.gouv.fr"}},
               {"id":"civil","kind":"orientation","name":"État civil",
                "orientation":{"authority":"Mairie","address":"Service état civil","hours":["Lun 9-12","Mar 14-17"],
                               "contact":"04 67 00 00 00"}}
             ]}"""));

    @Test
    void entries_are_found_in_sub_menus_and_named_in_the_visitors_language() {
        assertThat(MENU.find("rsa")).map(entry -> entry.label("es")).contains("Renta mínima");
        assertThat(MENU.find("rsa")).map(entry -> entry.label("oc")).contains("RSA");
        assertThat(MENU.find("info")).map(entry -> entry.label("oc")).contains("Acuèlh");
        assertThat(MENU.find("social")).map(MenuEntry::isMenu).contains(true);
        assertThat(MENU.find("nothing")).isEmpty();
    }

    @Test
    void a_ticket_slip_uses_the_site_zone_and_the_status_url_and_the_footer_in_the_tickets_language() {
        IssuedTicket ticket = IssuedTicket.fromJson(new JsonObject("""
                {"id":7,"number":"A042","serviceName":"Reception","statusToken":"tok_0123456789abcdef",
                 "statusPath":"/ticket/tok_0123456789abcdef","issuedAt":"2025-03-03T08:15:00Z","peopleAhead":3,
                 "estimatedWaitMinutes":12,"priority":"PRIORITY","language":"en"}"""), false);

        TicketSlip slip = Slips.ticket(MENU, ticket, URI.create("https://guichet.example.fr"));

        assertThat(slip.siteName()).isEqualTo("Hôtel du Département");
        assertThat(slip.serviceName()).isEqualTo("Reception");
        assertThat(slip.number()).isEqualTo("A042");
        assertThat(slip.issuedAt().getZone()).isEqualTo(ZoneId.of("Pacific/Noumea"));
        assertThat(slip.issuedAt().toInstant()).isEqualTo(Instant.parse("2025-03-03T08:15:00Z"));
        assertThat(slip.issuedAt().getHour()).isEqualTo(19);
        assertThat(slip.peopleAhead()).isEqualTo(3);
        assertThat(slip.estimatedWaitMinutes()).isEqualTo(12);
        assertThat(slip.statusUrl()).isEqualTo("https://guichet.example.fr/ticket/tok_0123456789abcdef");
        assertThat(slip.footer()).isEqualTo("Thank you");
        assertThat(slip.language()).isEqualTo("en");
        assertThat(slip.priority()).isTrue();
    }

    private static IssuedTicket ticketIn(String language, String serviceName) {
        return IssuedTicket.fromJson(new JsonObject("""
                {"id":7,"number":"A042","statusToken":"tok_0123456789abcdef","issuedAt":"2025-03-03T08:15:00Z",
                 "peopleAhead":3,"estimatedWaitMinutes":12,"priority":"PRIORITY"}""")
                .put("serviceName", serviceName).put("language", language), false);
    }

    private static List<String> printedLines(TicketSlip slip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TicketPrinter printer = TicketPrinter.writingTo(bytes)) {
            printer.printTicket(slip);
        }
        return PrintedSlip.read(bytes.toByteArray()).texts();
    }

    /**
     * Every line printed on the ticket, read back from its ESC/POS bytes; the site's own name stays as it is, its footer
     * is printed in the ticket's language when the site translated it (English, Spanish), else not at all (Occitan).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fr|Accueil|Votre numéro|Ticket prioritaire|Le 03/03/2025 à 19:15|3 personnes avant vous|"
            + "Attente estimée : environ 12 min|Suivez votre tour sur votre téléphone|Merci",
        "en|Reception|Your number|Priority ticket|03/03/2025 at 19:15|3 people ahead of you|"
            + "Estimated wait: about 12 min|Follow your turn on your phone|Thank you",
        "es|Recepción|Su número|Ticket prioritario|El 03/03/2025 a las 19:15|3 personas delante de usted|"
            + "Espera estimada: unos 12 min|Siga su turno en su teléfono|Gracias",
        "oc|Acuèlh|Vòstre numèro|Bilhet prioritari|Lo 03/03/2025 a 19:15|3 personas abans de vos|"
            + "Espèra estimada : environ 12 min|Seguissètz vòstre torn sus vòstre telefòn|"})
    void every_printed_line_follows_the_visitors_language_and_the_footer_only_where_the_site_translated_it(
            String language, String service, String yourNumber, String priority, String issuedAt, String ahead,
            String wait, String followOnPhone, String footer) throws IOException {
        TicketSlip slip = Slips.ticket(MENU, ticketIn(language, service), URI.create("https://guichet.example.fr"));

        List<String> expected = new ArrayList<>(List.of("Hôtel du Département", service, yourNumber, "A042", priority,
                issuedAt, ahead, wait, followOnPhone));
        if (footer != null) {
            expected.add(footer);
        }
        assertThat(printedLines(slip)).containsExactlyElementsOf(expected);
    }

    @Test
    void an_orientation_contact_that_looks_like_a_website_becomes_the_website_with_https() {
        OrientationSlip slip = Slips.orientation(MENU.find("immat").orElseThrow(), "en");

        assertThat(slip.matter()).isEqualTo("Vehicle registration");
        assertThat(slip.authorityName()).isEqualTo("Préfecture");
        assertThat(slip.addressLines()).containsExactly("1 place de la Préfecture", "34000 Montpellier");
        assertThat(slip.openingHours()).containsExactly("Lundi–vendredi 9:00–12:00");
        assertThat(slip.website()).isEqualTo("https://ants.gouv.fr");
        assertThat(slip.phone()).isNull();
    }

    @Test
    void an_orientation_contact_that_is_a_number_becomes_the_phone() {
        OrientationSlip slip = Slips.orientation(MENU.find("civil").orElseThrow(), "oc");

        assertThat(slip.matter()).isEqualTo("État civil");
        assertThat(slip.addressLines()).containsExactly("Service état civil");
        assertThat(slip.openingHours()).containsExactly("Lun 9-12", "Mar 14-17");
        assertThat(slip.phone()).isEqualTo("04 67 00 00 00");
        assertThat(slip.website()).isNull();
        assertThat(slip.language()).isEqualTo("oc");
    }

    @Test
    void the_ui_gets_every_label_and_the_tree() {
        JsonObject ui = MENU.toUiJson();

        assertThat(ui.getString("siteName")).isEqualTo("Hôtel du Département");
        JsonObject info = ui.getJsonArray("entries").getJsonObject(0);
        assertThat(info.getJsonObject("labels")).isEqualTo(new JsonObject("{\"fr\":\"Accueil\",\"en\":\"Reception\",\"oc\":\"Acuèlh\"}"));
        assertThat(ui.getJsonArray("entries").getJsonObject(1).getJsonArray("children").getJsonObject(0)
                .getString("id")).isEqualTo("rsa");
        assertThat(ui.getJsonArray("entries").getJsonObject(2).getJsonObject("orientation").getString("website"))
                .isEqualTo("ants.gouv.fr");
    }
}
