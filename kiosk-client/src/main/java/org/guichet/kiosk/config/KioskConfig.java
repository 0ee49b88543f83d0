package org.guichet.kiosk.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.hardware.gpio.ButtonWiring;
import org.guichet.hardware.gpio.StatusLightPins;
import org.guichet.kiosk.core.ScreenButton;
import org.guichet.hardware.printer.PrinterCodePage;
import org.guichet.hardware.printer.TicketMessages;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a kiosk is started with, read from its YAML or JSON file (see deploy/kiosk.example.yaml).
 * Only the server's address ({@code server.url}, or several in {@code server.urls}) is required; everything else has
 * a default that suits a Raspberry Pi kiosk.
 */
public record KioskConfig(Server server, Http http, Printer printer, Screen screen, Gpio gpio) {

    /** The languages a slip can be printed in; the kiosk offers no other. */
    public static final Set<String> LANGUAGES = Set.copyOf(TicketMessages.SUPPORTED_LANGUAGES);

    /**
     * @param urls            base URLs of the Guichet servers the kiosk may talk to, in order of preference, e.g.
     *                        https://guichet.example.fr; it moves to the next when the one in use fails
     * @param publicUrl       base URL printed in the ticket's QR code (what a visitor's phone can reach)
     * @param token           where the device token is read from
     * @param requestTimeout  per HTTP request to the server
     * @param issueAttempts   attempts to issue one ticket (same idempotency key each time)
     * @param retryDelay      pause before the first retry; doubled for each next one
     * @param healthCheckEvery how often the kiosk checks the server is there
     * @param heartbeatEvery  how often the kiosk reports its health to the server
     * @param menuRefreshEvery how often the menu is fetched again
     */
    public record Server(List<URI> urls, URI publicUrl, TokenSource token, Duration requestTimeout, int issueAttempts,
                         Duration retryDelay, Duration healthCheckEvery, Duration heartbeatEvery,
                         Duration menuRefreshEvery) {

        public Server {
            urls = List.copyOf(urls);
        }
    }

    /** Where the touch UI is served; keep the host on loopback so nobody else on the network can issue tickets. */
    public record Http(String host, int port) {
    }

    /**
     * @param connection         printer connection string (usb:/dev/usb/lp0, serial:/dev/ttyUSB0, tcp:host:9100,
     *                           file:./printed)
     * @param statusTimeout      wait for each DLE EOT answer
     * @param pollEvery          how often the printer status is read when the kiosk is idle
     * @param trustUnknownStatus print even when the printer cannot report its status (USB printers without
     *                           bidirectional mode); off by default, so that no ticket is issued blindly
     */
    public record Printer(String connection, PrinterCodePage codePage, Duration statusTimeout, Duration pollEvery,
                          boolean trustUnknownStatus) {
    }

    /**
     * @param idleTimeout      back to the start screen after this long without a touch
     * @param ticketScreenTime how long "take your ticket" stays on screen
     * @param whereToGo        sentence telling visitors where to go when the kiosk cannot issue, per language
     */
    public record Screen(Duration idleTimeout, Duration ticketScreenTime, Map<String, String> whereToGo) {
    }

    public enum GpioProvider {
        /** gpiod when the machine has a GPIO chip (/dev/gpiochip0), mock otherwise. */
        AUTO,
        /** Raspberry Pi GPIO through libgpiod (pi4j-plugin-gpiod). */
        GPIOD,
        /** Pi4J's mock platform: no hardware; for workstations and tests. */
        MOCK,
        /** No buttons and no light. */
        NONE
    }

    /** GPIO buttons and status light; {@code light} and {@code buttons} are null when not fitted. */
    public record Gpio(GpioProvider provider, StatusLightPins light, Buttons buttons) {

        public boolean anyDevice() {
            return provider != GpioProvider.NONE && (light != null || buttons != null);
        }
    }

    /**
     * @param mappings  which menu entry each button issues
     * @param debounce  contact bounce guard
     * @param wiring    how the buttons are wired
     * @param language  language of tickets printed from buttons
     */
    public record Buttons(List<ButtonMapping> mappings, Duration debounce, ButtonWiring wiring, String language) {
    }

    /**
     * One physical button: its BCM pin and either the menu entry (service or orientation) it issues, with its
     * priority class, or the screen button it is ({@code screenButton} non-null, {@code entryId} null).
     */
    public record ButtonMapping(int pin, String entryId, String priority, ScreenButton screenButton) {

        public ButtonMapping(int pin, String entryId, String priority) {
            this(pin, entryId, priority, null);
        }

        public static ButtonMapping screen(int pin, ScreenButton button) {
            return new ButtonMapping(pin, null, "NORMAL", button);
        }

        public boolean drivesScreen() {
            return screenButton != null;
        }

        public String buttonId() {
            return "bcm" + pin + "-" + (drivesScreen() ? screenButton.configName() : entryId);
        }
    }

    /** Default sentences when the config gives none: where to go when no ticket can be had. */
    public static final Map<String, String> DEFAULT_WHERE_TO_GO = Map.of(
            "fr", "Adressez-vous à l'accueil : un agent va vous aider.",
            "en", "Please go to the reception desk: a member of staff will help you.",
            "es", "Diríjase a la recepción: un agente le atenderá.",
            "oc", "Anatz a l'acuèlh : un agent vos ajudarà.");

    /**
     * Reads a config document.
     *
     * @param json        the parsed file
     * @param environment variables that override the file: GUICHET_SERVER_URL (one address, or several separated
     *                    by commas), GUICHET_PUBLIC_URL, GUICHET_DEVICE_TOKEN, GUICHET_KIOSK_PORT
     * @param baseDir     directory relative paths (token file) are resolved against
     */
    public static KioskConfig fromJson(JsonObject json, Map<String, String> environment, Path baseDir) {
        JsonObject server = object(json, "server");
        List<URI> serverUrls = serverUrls(server, environment.get("GUICHET_SERVER_URL"));
        String publicUrl = firstNonBlank(environment.get("GUICHET_PUBLIC_URL"), server.getString("publicUrl"));
        String tokenFile = server.getString("deviceTokenFile");
        Server serverSettings = new Server(serverUrls,
                publicUrl == null ? serverUrls.get(0) : httpUri(publicUrl, "server.publicUrl"),
                new TokenSource(environment.get("GUICHET_DEVICE_TOKEN"),
                        tokenFile == null ? null : baseDir.resolve(tokenFile), server.getString("deviceToken")),
                duration(server, "requestTimeout", "4s", "server"),
                positive(server.getInteger("issueAttempts", 3), "server.issueAttempts"),
                duration(server, "retryDelay", "300ms", "server"),
                positiveDuration(server, "healthCheckEvery", "5s", "server"),
                positiveDuration(server, "heartbeatEvery", "30s", "server"),
                positiveDuration(server, "menuRefreshEvery", "5m", "server"));

        JsonObject http = object(json, "http");
        String port = firstNonBlank(environment.get("GUICHET_KIOSK_PORT"), String.valueOf(http.getValue("port", 8081)));
        Http httpSettings = new Http(http.getString("host", "127.0.0.1"), port(port, "http.port"));

        JsonObject printer = object(json, "printer");
        Printer printerSettings = new Printer(printer.getString("connection", "file:./printed"),
                codePage(printer.getString("codePage", "CP858")),
                positiveDuration(printer, "statusTimeout", "500ms", "printer"),
                positiveDuration(printer, "pollEvery", "15s", "printer"),
                printer.getBoolean("trustUnknownStatus", false));

        JsonObject screen = object(json, "screen");
        Screen screenSettings = new Screen(positiveDuration(screen, "idleTimeout", "30s", "screen"),
                positiveDuration(screen, "ticketScreenTime", "12s", "screen"), whereToGo(screen));

        return new KioskConfig(serverSettings, httpSettings, printerSettings, screenSettings, gpio(object(json, "gpio")));
    }

    /**
     * The servers, in order: GUICHET_SERVER_URL (comma-separated) when set, else {@code server.urls} (a list) or
     * {@code server.url} (one address; several separated by commas are accepted too), not both.
     */
    private static List<URI> serverUrls(JsonObject server, String fromEnvironment) {
        List<String> texts = new ArrayList<>();
        String where;
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            texts.addAll(Arrays.asList(fromEnvironment.split(",")));
            where = "GUICHET_SERVER_URL";
        } else {
            Object one = server.getValue("url");
            Object several = server.getValue("urls");
            if (one != null && several != null) {
                throw new IllegalArgumentException("server.url and server.urls are both given: keep one (server.urls "
                        + "lists every server, e.g. [http://a:8080, http://b:8080])");
            }
            if (several instanceof JsonArray || one instanceof JsonArray) {
                ((JsonArray) (several != null ? several : one)).forEach(url -> texts.add(String.valueOf(url)));
                where = several != null ? "server.urls" : "server.url";
            } else if (several != null) {
                throw new IllegalArgumentException("server.urls must be a list of addresses, e.g. "
                        + "[http://a:8080, http://b:8080]");
            } else {
                texts.addAll(one == null ? List.of() : Arrays.asList(String.valueOf(one).split(",")));
                where = "server.url";
            }
        }
        List<URI> urls = new ArrayList<>();
        for (String text : texts) {
            if (text.isBlank()) {
                continue;
            }
            URI url = httpUri(text, where);
            if (urls.contains(url)) {
                throw new IllegalArgumentException(where + " lists " + url + " twice");
            }
            urls.add(url);
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("server.url is required (the Guichet server, e.g. "
                    + "https://guichet.example.fr), or server.urls with several servers");
        }
        return List.copyOf(urls);
    }

    private static Gpio gpio(JsonObject gpio) {
        GpioProvider provider = enumValue(GpioProvider.class, gpio.getString("provider", "auto"), "gpio.provider");
        JsonObject light = gpio.getJsonObject("light");
        StatusLightPins pins = light == null ? null : new StatusLightPins(required(light, "green", "gpio.light"),
                required(light, "amber", "gpio.light"), required(light, "red", "gpio.light"),
                light.getBoolean("activeLow", false));
        JsonObject buttons = gpio.getJsonObject("buttons");
        return new Gpio(provider, pins, buttons == null ? null : buttons(buttons));
    }

    private static Buttons buttons(JsonObject buttons) {
        JsonArray map = buttons.getJsonArray("map", new JsonArray());
        List<ButtonMapping> mappings = new ArrayList<>();
        Set<Integer> pins = new HashSet<>();
        for (int i = 0; i < map.size(); i++) {
            String where = "gpio.buttons.map[" + i + "]";
            JsonObject entry = map.getJsonObject(i);
            int pin = required(entry, "pin", where);
            if (!pins.add(pin)) {
                throw new IllegalArgumentException(where + ": pin " + pin + " is used twice");
            }
            String action = entry.getString("action");
            if (action != null) {
                if (entry.containsKey("entry") || entry.containsKey("service")) {
                    throw new IllegalArgumentException(where + ": a button has an 'entry' or an 'action', not both");
                }
                try {
                    mappings.add(ButtonMapping.screen(pin, ScreenButton.fromConfigName(action)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
                continue;
            }
            String entryId = entry.getString("entry", entry.getString("service"));
            if (entryId == null || entryId.isBlank()) {
                throw new IllegalArgumentException(where + ": 'entry' (the service id the button issues) or 'action' "
                        + "(accessible, next or select) is required");
            }
            String priority = entry.getString("priority", "NORMAL").toUpperCase(Locale.ROOT);
            if (!priority.equals("NORMAL") && !priority.equals("PRIORITY")) {
                throw new IllegalArgumentException(where + ": priority must be NORMAL or PRIORITY");
            }
            mappings.add(new ButtonMapping(pin, entryId, priority));
        }
        if (mappings.isEmpty()) {
            throw new IllegalArgumentException("gpio.buttons.map needs at least one button");
        }
        String wiring = buttons.getString("wiring", "to-ground");
        String language = buttons.getString("language", "fr");
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("gpio.buttons.language must be one of " + LANGUAGES);
        }
        return new Buttons(List.copyOf(mappings), duration(buttons, "debounce", "50ms", "gpio.buttons"),
                switch (wiring) {
                    case "to-ground" -> ButtonWiring.TO_GROUND_WITH_PULL_UP;
                    case "to-3v3" -> ButtonWiring.TO_3V3_WITH_PULL_DOWN;
                    default -> throw new IllegalArgumentException("gpio.buttons.wiring must be to-ground or to-3v3");
                }, language);
    }

    private static Map<String, String> whereToGo(JsonObject screen) {
        Map<String, String> sentences = new LinkedHashMap<>(DEFAULT_WHERE_TO_GO);
        Object configured = screen.getValue("whereToGo");
        if (configured instanceof String sentence) {
            sentences.put("fr", sentence);
        } else if (configured instanceof JsonObject perLanguage) {
            for (String language : perLanguage.fieldNames()) {
                if (!LANGUAGES.contains(language)) {
                    throw new IllegalArgumentException("screen.whereToGo: unknown language " + language);
                }
                sentences.put(language, perLanguage.getString(language));
            }
        } else if (configured != null) {
            throw new IllegalArgumentException("screen.whereToGo must be a sentence or one sentence per language");
        }
        return Map.copyOf(sentences);
    }

    private static JsonObject object(JsonObject parent, String key) {
        Object value = parent.getValue(key);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(key + " must be a section (key: value lines)");
        }
        return object;
    }

    private static Duration duration(JsonObject section, String key, String fallback, String where) {
        return Durations.parse(section.getValue(key, fallback), where + "." + key);
    }

    private static Duration positiveDuration(JsonObject section, String key, String fallback, String where) {
        Duration duration = duration(section, key, fallback, where);
        if (duration.isZero()) {
            throw new IllegalArgumentException(where + "." + key + " must be more than zero");
        }
        return duration;
    }

    private static int required(JsonObject section, String key, String where) {
        Integer value = section.getInteger(key);
        if (value == null) {
            throw new IllegalArgumentException(where + "." + key + " is required");
        }
        return value;
    }

    private static int positive(int value, String where) {
        if (value < 1) {
            throw new IllegalArgumentException(where + " must be 1 or more");
        }
        return value;
    }

    private static int port(String value, String where) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a port number, got " + value);
        }
    }

    private static URI httpUri(String text, String where) {
        String trimmed = text.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a valid URL: " + text);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(where + " must be an http:// or https:// URL, got " + text);
        }
        return uri;
    }

    private static PrinterCodePage codePage(String name) {
        return enumValue(PrinterCodePage.class, name, "printer.codePage");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String where) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " must be one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", got " + name);
        }
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }
}
