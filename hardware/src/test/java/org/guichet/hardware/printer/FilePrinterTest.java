package org.guichet.hardware.printer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FilePrinterTest {

    private static final TicketSlip TICKET = new TicketSlip("Mairie de Saint-Gély-du-Fesc", "État civil", "A042",
            ZonedDateTime.of(2025, 3, 5, 14, 7, 0, 0, ZoneId.of("Europe/Paris")), 3, 15,
            "https://guichet.example.fr/t/7f3a9c2e", "Merci de votre patience", "fr");

    @TempDir
    Path printed;

    @Test
    void each_slip_becomes_the_exact_bytes_and_a_readable_preview() throws IOException {
        try (TicketPrinter printer = new TicketPrinter(PrinterConnections.open("file:" + printed))) {
            printer.printTicket(TICKET);
        }

        assertThat(fileNames()).containsExactly("ticket-0001.bin", "ticket-0001.txt");
        byte[] bytes = Files.readAllBytes(printed.resolve("ticket-0001.bin"));
        assertThat(bytes).isEqualTo(new SlipLayout(PrinterCodePage.CP858).ticket(TICKET));
        String preview = Files.readString(printed.resolve("ticket-0001.txt"), StandardCharsets.UTF_8);
        assertThat(preview.lines().map(String::strip).toList()).containsSubsequence(
                "Mairie de Saint-Gély-du-Fesc",
                "État civil",
                "Votre numéro",
                "A042",
                "Le 05/03/2025 à 14:07",
                "3 personnes avant vous",
                "Attente estimée : environ 15 min",
                "[QR: https://guichet.example.fr/t/7f3a9c2e]",
                "Suivez votre tour sur votre téléphone",
                "Merci de votre patience",
                "- - - - - - - - cut - - - - - - - -");
        assertThat(preview).doesNotContain("\u001B", "\u001D");
    }

    @Test
    void centred_lines_are_centred_on_48_columns_counting_wide_characters() throws IOException {
        try (TicketPrinter printer = new TicketPrinter(PrinterConnections.fileDirectory(printed))) {
            printer.printTicket(TICKET);
        }

        List<String> preview = Files.readAllLines(printed.resolve("ticket-0001.txt"), StandardCharsets.UTF_8);
        assertThat(preview).contains(" ".repeat((48 - 4 * 4) / 2) + "A042");
        assertThat(preview).contains(" ".repeat((48 - "Votre numéro".length()) / 2) + "Votre numéro");
    }

    @Test
    void numbering_continues_after_slips_already_in_the_directory() throws IOException {
        Files.write(printed.resolve("ticket-0041.bin"), new byte[] {1});
        OrientationSlip orientation = new OrientationSlip("Carte grise", "Préfecture", List.of(), List.of(),
                null, "3939", "fr");

        try (TicketPrinter printer = new TicketPrinter(PrinterConnections.fileDirectory(printed))) {
            printer.printTicket(TICKET);
            printer.printOrientationSlip(orientation);
        }

        assertThat(fileNames()).contains("ticket-0042.bin", "ticket-0042.txt", "ticket-0043.bin", "ticket-0043.txt");
        assertThat(Files.readString(printed.resolve("ticket-0043.txt"))).contains("Carte grise", "3939")
                .doesNotContain("A042");
    }

    @Test
    void the_file_printer_is_always_online() throws IOException {
        try (TicketPrinter printer = new TicketPrinter(PrinterConnections.fileDirectory(printed.resolve("new")))) {
            assertThat(printer.readStatus()).isEqualTo(PrinterStatus.online());
        }
        assertThat(printed.resolve("new")).isEmptyDirectory();
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(printed)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
