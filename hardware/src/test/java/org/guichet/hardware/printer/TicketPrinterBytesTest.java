package org.guichet.hardware.printer;

import org.guichet.hardware.printer.EscPosStream.Command;
import org.guichet.hardware.printer.EscPosStream.LineFeed;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketPrinterBytesTest {

    private static final Charset CP858 = Charset.forName("IBM00858");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final ZonedDateTime ISSUED_AT = ZonedDateTime.of(2025, 3, 5, 14, 7, 0, 0, ZoneId.of("Europe/Paris"));
    private static final String STATUS_URL = "https://guichet.example.fr/t/7f3a9c2e";
    private static final String ACCENTS = "é è à ç ô ñ ò í ü €";

    private static TicketSlip ticket(String language) {
        return new TicketSlip("Mairie de Saint-Gély-du-Fesc", "État civil", "A042", ISSUED_AT, 3, 15,
                STATUS_URL, "Merci de votre patience", language);
    }

    private static byte[] print(TicketSlip slip) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (TicketPrinter printer = TicketPrinter.writingTo(printed)) {
            printer.printTicket(slip);
        }
        return printed.toByteArray();
    }

    private static Command qrFunction(EscPosStream stream, int function) {
        return stream.commandsNamed("GS ( k").stream()
                .filter(command -> command.parameter(0) == 49 && command.parameter(1) == function)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no QR function " + function + " in " + stream.commands()));
    }

    @Test
    void a_ticket_resets_the_printer_then_selects_code_page_858_before_any_text() throws IOException {
        EscPosStream stream = EscPosStream.parse(print(ticket("fr")));

        assertThat(stream.elements().get(0)).isEqualTo(stream.commandsNamed("ESC @").get(0));
        Command codePage = stream.commandsNamed("ESC t").get(0);
        assertThat(codePage.parameters()).containsExactly(19);
        assertThat(stream.indexOfCommand("ESC t")).isLessThan(stream.indexOfFirstText());
    }

    @Test
    void french_ticket_prints_site_service_number_date_queue_and_footer_in_order() throws IOException {
        EscPosStream stream = EscPosStream.parse(print(ticket("fr")));

        List<String> printedLines = stream.lines(CP858).stream().filter(line -> !line.isBlank()).toList();
        assertThat(printedLines).containsSubsequence(
                "Mairie de Saint-Gély-du-Fesc",
                "État civil",
                "Votre numéro",
                "A042",
                "Le 05/03/2025 à 14:07",
                "3 personnes avant vous",
                "Attente estimée : environ 15 min",
                "Suivez votre tour sur votre téléphone",
                "Merci de votre patience");
    }

    @Test
    void accented_letters_and_euro_sign_are_encoded_in_pc858_and_decode_back() throws IOException {
        TicketSlip slip = new TicketSlip("Préfecture", "Servici", "B007", ISSUED_AT, 0, null, null, ACCENTS, "oc");

        EscPosStream stream = EscPosStream.parse(print(slip));

        assertThat(stream.lines(CP858)).contains(ACCENTS);
        int footer = stream.indexOfText(ACCENTS, CP858);
        byte[] footerBytes = ((EscPosStream.Text) stream.elements().get(footer)).bytes();
        // PC858 code points, written out independently of Java's charset tables.
        assertThat(footerBytes).containsExactly(0x82, ' ', 0x8A, ' ', 0x85, ' ', 0x87, ' ', 0x93, ' ', 0xA4, ' ', 0x95,
                ' ', 0xA1, ' ', 0x81, ' ', 0xD5);
    }

    @Test
    void windows_1252_code_page_selects_table_16_and_encodes_text_with_it() throws IOException {
        TicketSlip slip = new TicketSlip("Préfecture", "Trámites", "C001", ISSUED_AT, 1, 5, null, ACCENTS, "es");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new TicketPrinter(PrinterConnections.outputOnly(printed), PrinterCodePage.WPC1252).printTicket(slip);

        EscPosStream stream = EscPosStream.parse(printed.toByteArray());
        assertThat(stream.commandsNamed("ESC t").get(0).parameters()).containsExactly(16);
        assertThat(stream.lines(WINDOWS_1252)).contains(ACCENTS, "Trámites", "1 persona delante de usted");
        byte[] footerBytes = ((EscPosStream.Text) stream.elements().get(stream.indexOfText(ACCENTS, WINDOWS_1252))).bytes();
        assertThat(footerBytes[footerBytes.length - 1]).isEqualTo((byte) 0x80);
    }

    @Test
    void the_number_alone_is_printed_quadruple_size_bold_and_centred() throws IOException {
        EscPosStream stream = EscPosStream.parse(print(ticket("fr")));

        int number = stream.indexOfText("A042", CP858);
        assertThat(stream.lastCommandBefore(number, "GS !").parameters()).containsExactly(0x33);
        assertThat(stream.lastCommandBefore(number, "ESC E").parameters()).containsExactly(1);
        assertThat(stream.lastCommandBefore(number, "ESC a").parameters()).containsExactly('1');
        assertThat(stream.commandsNamed("GS !").stream().filter(size -> size.parameter(0) == 0x33)).hasSize(1);
    }

    @Test
    void qr_code_stores_exactly_the_status_url_then_prints_it_as_model_2() throws IOException {
        EscPosStream stream = EscPosStream.parse(print(ticket("fr")));

        Command store = qrFunction(stream, 80);
        int[] data = Arrays.copyOfRange(store.parameters(), 3, store.parameters().length);
        assertThat(store.parameter(2)).isEqualTo(48);
        assertThat(new String(toBytes(data), StandardCharsets.US_ASCII)).isEqualTo(STATUS_URL);
        assertThat(qrFunction(stream, 65).parameters()).containsExactly(49, 65, 50, 0);
        assertThat(qrFunction(stream, 67).parameter(2)).isEqualTo(SlipLayout.QR_MODULE_SIZE_IN_DOTS);
        assertThat(stream.commandsNamed("GS ( k").indexOf(qrFunction(stream, 81)))
                .isGreaterThan(stream.commandsNamed("GS ( k").indexOf(store));
    }

    @Test
    void a_status_url_with_accents_or_spaces_is_percent_encoded_so_the_qr_length_stays_right() throws IOException {
        TicketSlip slip = new TicketSlip("Mairie", "Accueil", "A001", ISSUED_AT, 0, 0,
                "https://guichet.example.fr/suivi/é 1", null, "fr");

        EscPosStream stream = EscPosStream.parse(print(slip));

        Command store = qrFunction(stream, 80);
        byte[] data = toBytes(Arrays.copyOfRange(store.parameters(), 3, store.parameters().length));
        assertThat(new String(data, StandardCharsets.US_ASCII)).isEqualTo("https://guichet.example.fr/suivi/%C3%A9%201");
    }

    @Test
    void a_ticket_ends_with_a_feed_and_a_full_cut() throws IOException {
        EscPosStream stream = EscPosStream.parse(print(ticket("fr")));

        List<EscPosStream.Element> elements = stream.elements();
        assertThat(elements.get(elements.size() - 1)).isInstanceOf(Command.class);
        assertThat(((Command) elements.get(elements.size() - 1)).name()).isEqualTo("GS V");
        assertThat(((Command) elements.get(elements.size() - 1)).parameters()).containsExactly(48);
        assertThat(elements.subList(elements.size() - 1 - SlipLayout.LINES_FED_BEFORE_CUT, elements.size() - 1))
                .allMatch(LineFeed.class::isInstance);
        assertThat(stream.commandsNamed("GS V")).hasSize(1);
    }

    @Test
    void line_spacing_stays_the_printer_default() throws IOException {
        EscPosStream stream = EscPosStream.parse(print(ticket("fr")));

        assertThat(stream.commandsNamed("ESC 3")).isEmpty();
        assertThat(stream.commandsNamed("ESC 2")).isNotEmpty();
    }

    @Test
    void where_to_wait_is_printed_in_bold_after_the_wait_in_the_visitors_language() throws IOException {
        TicketSlip slip = new TicketSlip("Hôtel du Département", "Autonomie (APA, PCH)", "P007", ISSUED_AT, 2, 10,
                STATUS_URL, null, "es", false, false,
                List.of("Sala Autonomía - Edificio B, 1.er piso", "Siga la línea verde", " "));
        EscPosStream stream = EscPosStream.parse(print(slip));

        List<String> printedLines = stream.lines(CP858).stream().filter(line -> !line.isBlank()).toList();
        assertThat(printedLines).containsSubsequence("Espera estimada: unos 10 min", "Espere en:",
                "Sala Autonomía - Edificio B, 1.er piso", "Siga la línea verde", "Siga su turno en su teléfono");
        int where = stream.indexOfText("Sala Autonomía - Edificio B, 1.er piso", CP858);
        Command style = stream.elements().subList(0, where).stream().filter(Command.class::isInstance)
                .map(Command.class::cast).filter(command -> command.name().equals("ESC E"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(style.parameter(0)).as("bold").isEqualTo(1);
        assertThat(EscPosStream.parse(print(ticket("es"))).lines(CP858)).as("a site that says nothing of its rooms")
                .doesNotContain("Espere en:");
    }

    @Test
    void english_spanish_and_occitan_tickets_are_localised() throws IOException {
        assertThat(EscPosStream.parse(print(ticket("en"))).lines(CP858))
                .contains("Your number", "3 people ahead of you", "Estimated wait: about 15 min", "05/03/2025 at 14:07");
        assertThat(EscPosStream.parse(print(ticket("es"))).lines(CP858))
                .contains("Su número", "3 personas delante de usted", "Espera estimada: unos 15 min");
        assertThat(EscPosStream.parse(print(ticket("oc"))).lines(CP858))
                .contains("Vòstre numèro", "3 personas abans de vos", "Espèra estimada : environ 15 min");
    }

    @Test
    void a_priority_ticket_says_so_under_its_number_in_the_visitors_language() throws IOException {
        TicketSlip priority = new TicketSlip("Mairie", "Accueil", "A001", ISSUED_AT, 0, 0, null, null, "es", true);
        TicketSlip ordinary = new TicketSlip("Mairie", "Accueil", "A002", ISSUED_AT, 0, 0, null, null, "es");

        List<String> lines = EscPosStream.parse(print(priority)).lines(CP858);

        assertThat(lines).containsSubsequence("A001", "Ticket prioritario");
        assertThat(EscPosStream.parse(print(ordinary)).lines(CP858)).doesNotContain("Ticket prioritario");
    }

    /** GS ! n: high nibble = width - 1, low nibble = height - 1. */
    private static final int NORMAL_SIZE = 0x00;
    private static final int DOUBLE_SIZE = 0x11;
    private static final int QUADRUPLE_SIZE = 0x33;

    /** The GS ! size each printed text run is printed at, by its decoded text. */
    private static java.util.Map<String, Integer> sizeOfEachText(EscPosStream stream) {
        java.util.Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < stream.elements().size(); i++) {
            if (stream.elements().get(i) instanceof EscPosStream.Text text && !text.decode(CP858).isBlank()) {
                sizes.put(text.decode(CP858), stream.lastCommandBefore(i, "GS !").parameter(0));
            }
        }
        return sizes;
    }

    @Test
    void a_large_print_ticket_prints_every_line_at_double_width_and_height_and_the_number_at_quadruple_size()
            throws IOException {
        TicketSlip large = new TicketSlip("Mairie", "État civil", "A042", ISSUED_AT, 3, 15, STATUS_URL,
                null, "fr", true, true);

        EscPosStream stream = EscPosStream.parse(print(large));

        assertThat(sizeOfEachText(stream)).containsExactly(
                java.util.Map.entry("Mairie", DOUBLE_SIZE),
                java.util.Map.entry("État civil", DOUBLE_SIZE),
                java.util.Map.entry("Votre numéro", DOUBLE_SIZE),
                java.util.Map.entry("A042", QUADRUPLE_SIZE),
                java.util.Map.entry("Ticket prioritaire", DOUBLE_SIZE),
                java.util.Map.entry("Le 05/03/2025 à 14:07", DOUBLE_SIZE),
                java.util.Map.entry("3 personnes avant vous", DOUBLE_SIZE),
                java.util.Map.entry("Attente estimée : environ 15 min", DOUBLE_SIZE),
                java.util.Map.entry("Suivez votre tour sur votre téléphone", DOUBLE_SIZE));
        // The QR code is the same as on an ordinary ticket: a phone reads it as well.
        assertThat(qrFunction(stream, 80).parameters()).isEqualTo(
                qrFunction(EscPosStream.parse(print(ticket("fr"))), 80).parameters());
    }

    @Test
    void an_ordinary_ticket_keeps_normal_size_text_and_a_large_print_one_a_long_number_at_triple_size()
            throws IOException {
        assertThat(sizeOfEachText(EscPosStream.parse(print(ticket("fr")))))
                .containsEntry("Votre numéro", NORMAL_SIZE).containsEntry("A042", QUADRUPLE_SIZE);
        TicketSlip longNumber = new TicketSlip("Mairie", "Accueil", "ACC-000042", ISSUED_AT, 0, 0, null, null, "fr",
                false, true);
        assertThat(sizeOfEachText(EscPosStream.parse(print(longNumber)))).containsEntry("ACC-000042", 0x22);
    }

    @Test
    void no_one_ahead_and_no_estimate_prints_the_singular_line_and_that_no_counter_is_open_yet() throws IOException {
        TicketSlip slip = new TicketSlip("Mairie", "Accueil", "A001", ISSUED_AT, 0, null, null, null, "fr");

        List<String> lines = EscPosStream.parse(print(slip)).lines(CP858);

        assertThat(lines).containsSubsequence("Aucune personne avant vous", "Aucun guichet encore ouvert");
        assertThat(lines).noneMatch(line -> line.startsWith("Attente"));
        assertThat(lines).noneMatch(line -> line.contains("téléphone"));
    }

    @Test
    void printer_commands_hidden_in_slip_text_are_neutralised() throws IOException {
        TicketSlip slip = new TicketSlip("Mairie\u001B@\u001DV0", "Accueil\u0010\u0004\u0001", "A001", ISSUED_AT, 2, 4,
                null, "À bientôt\u2009!", "fr");

        EscPosStream stream = EscPosStream.parse(print(slip));

        assertThat(stream.commandsNamed("ESC @")).hasSize(1);
        assertThat(stream.commandsNamed("GS V")).hasSize(1);
        assertThat(stream.commands()).noneMatch(command -> command.name().startsWith("DLE"));
        assertThat(stream.lines(CP858)).contains("Mairie @ V0", "À bientôt !");
    }

    @Test
    void orientation_slip_tells_where_to_go_and_ends_with_a_cut() throws IOException {
        OrientationSlip slip = new OrientationSlip("Carte grise / immatriculation", "Préfecture de l’Hérault",
                List.of("34 place des Martyrs de la Résistance", "34000 Montpellier"),
                List.of("Lundi – vendredi : 8 h 30 – 12 h"), "https://www.herault.gouv.fr", "04 67 61 61 61", "fr");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        TicketPrinter.writingTo(printed).printOrientationSlip(slip);

        EscPosStream stream = EscPosStream.parse(printed.toByteArray());
        assertThat(stream.commandsNamed("ESC t").get(0).parameters()).containsExactly(19);
        assertThat(stream.lines(CP858).stream().filter(line -> !line.isBlank()).toList()).containsSubsequence(
                "Cette démarche ne se fait pas ici",
                "Carte grise / immatriculation",
                "Adressez-vous à :",
                "Préfecture de l'Hérault",
                "34 place des Martyrs de la Résistance",
                "34000 Montpellier",
                "Horaires :",
                "Lundi - vendredi : 8 h 30 - 12 h",
                "Contact :",
                "04 67 61 61 61",
                "https://www.herault.gouv.fr");
        Command store = qrFunction(stream, 80);
        assertThat(new String(toBytes(Arrays.copyOfRange(store.parameters(), 3, store.parameters().length)),
                StandardCharsets.US_ASCII)).isEqualTo("https://www.herault.gouv.fr");
        assertThat(((Command) stream.elements().get(stream.elements().size() - 1)).name()).isEqualTo("GS V");
        assertThat(stream.commandsNamed("GS !")).noneMatch(size -> size.parameter(0) == 0x33);
    }

    private static byte[] toBytes(int[] unsigned) {
        byte[] bytes = new byte[unsigned.length];
        for (int i = 0; i < unsigned.length; i++) {
            bytes[i] = (byte) unsigned[i];
        }
        return bytes;
    }
}
