package org.guichet.hardware.printer;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Visitor-facing wording of printed slips in French (default), English, Spanish and Occitan.
 * Dates are printed numerically (dd/MM/yyyy, 24-hour time) so that no language depends on locale data.
 */
public final class TicketMessages {

    public static final String DEFAULT_LANGUAGE = "fr";
    public static final List<String> SUPPORTED_LANGUAGES = List.of("fr", "en", "es", "oc");

    enum Key {
        YOUR_NUMBER,
        NOBODY_AHEAD,
        ONE_PERSON_AHEAD,
        PEOPLE_AHEAD,
        ESTIMATED_WAIT,
        WAIT_UNDER_ONE_MINUTE,
        NO_COUNTER_OPEN,
        PRIORITY,
        ISSUED_AT,
        FOLLOW_ON_PHONE,
        WAIT_IN,
        NOT_HANDLED_HERE,
        GO_TO,
        OPENING_HOURS,
        CONTACT
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private static final Map<String, Map<Key, String>> TEMPLATES = Map.of(
            "fr", templates(
                    "Votre numéro",
                    "Aucune personne avant vous",
                    "1 personne avant vous",
                    "%d personnes avant vous",
                    "Attente estimée : environ %s",
                    "Attente estimée : moins d'une minute",
                    "Aucun guichet encore ouvert",
                    "Ticket prioritaire",
                    "Le %s à %s",
                    "Suivez votre tour sur votre téléphone",
                    "Attendez en :",
                    "Cette démarche ne se fait pas ici",
                    "Adressez-vous à :",
                    "Horaires :",
                    "Contact :"),
            "en", templates(
                    "Your number",
                    "Nobody ahead of you",
                    "1 person ahead of you",
                    "%d people ahead of you",
                    "Estimated wait: about %s",
                    "Estimated wait: less than a minute",
                    "No counter open yet",
                    "Priority ticket",
                    "%s at %s",
                    "Follow your turn on your phone",
                    "Please wait in:",
                    "This matter is not handled here",
                    "Please go to:",
                    "Opening hours:",
                    "Contact:"),
            "es", templates(
                    "Su número",
                    "Nadie delante de usted",
                    "1 persona delante de usted",
                    "%d personas delante de usted",
                    "Espera estimada: unos %s",
                    "Espera estimada: menos de un minuto",
                    "Aún no hay ventanilla abierta",
                    "Ticket prioritario",
                    "El %s a las %s",
                    "Siga su turno en su teléfono",
                    "Espere en:",
                    "Este trámite no se realiza aquí",
                    "Diríjase a:",
                    "Horario:",
                    "Contacto:"),
            "oc", templates(
                    "Vòstre numèro",
                    "Degun abans de vos",
                    "1 persona abans de vos",
                    "%d personas abans de vos",
                    "Espèra estimada : environ %s",
                    "Espèra estimada : mens d'una minuta",
                    "Cap de guichet dobèrt encara",
                    "Bilhet prioritari",
                    "Lo %s a %s",
                    "Seguissètz vòstre torn sus vòstre telefòn",
                    "Esperatz dins :",
                    "Aquesta demarcha se fa pas aquí",
                    "Adreçatz-vos a :",
                    "Oraris :",
                    "Contacte :"));

    private final String language;
    private final Map<Key, String> templates;

    private TicketMessages(String language) {
        this.language = language;
        this.templates = TEMPLATES.get(language);
    }

    /**
     * Messages for a language tag such as "es" or "oc-FR"; unknown or missing languages fall back to French.
     */
    public static TicketMessages forLanguage(String languageTag) {
        String primaryLanguage = languageTag == null ? "" : languageTag.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return new TicketMessages(TEMPLATES.containsKey(primaryLanguage) ? primaryLanguage : DEFAULT_LANGUAGE);
    }

    /** The language actually used, after falling back. */
    public String language() {
        return language;
    }

    public String yourNumber() {
        return templates.get(Key.YOUR_NUMBER);
    }

    public String peopleAhead(int count) {
        return switch (count) {
            case 0 -> templates.get(Key.NOBODY_AHEAD);
            case 1 -> templates.get(Key.ONE_PERSON_AHEAD);
            default -> templates.get(Key.PEOPLE_AHEAD).formatted(count);
        };
    }

    public String estimatedWait(int minutes) {
        if (minutes < 1) {
            return templates.get(Key.WAIT_UNDER_ONE_MINUTE);
        }
        String duration = minutes < 60 ? minutes + " min" : "%d h %02d".formatted(minutes / 60, minutes % 60);
        return templates.get(Key.ESTIMATED_WAIT).formatted(duration);
    }

    public String priority() {
        return templates.get(Key.PRIORITY);
    }

    /** Said instead of an estimate while no counter serving the ticket's service is open. */
    public String noCounterOpen() {
        return templates.get(Key.NO_COUNTER_OPEN);
    }

    public String issuedAt(ZonedDateTime issuedAt) {
        return templates.get(Key.ISSUED_AT).formatted(DATE.format(issuedAt), TIME.format(issuedAt));
    }

    /** Said before where to wait: the room, building and floor, and the way there. */
    public String waitIn() {
        return template(Key.WAIT_IN);
    }

    public String followOnPhone() {
        return templates.get(Key.FOLLOW_ON_PHONE);
    }

    public String notHandledHere() {
        return templates.get(Key.NOT_HANDLED_HERE);
    }

    public String goTo() {
        return templates.get(Key.GO_TO);
    }

    public String openingHours() {
        return templates.get(Key.OPENING_HOURS);
    }

    public String contact() {
        return templates.get(Key.CONTACT);
    }

    /** Raw template of a key, for the completeness test. */
    String template(Key key) {
        return templates.get(key);
    }

    private static Map<Key, String> templates(String... texts) {
        Key[] keys = Key.values();
        if (texts.length != keys.length) {
            throw new IllegalStateException("expected " + keys.length + " messages, got " + texts.length);
        }
        Map<Key, String> byKey = new EnumMap<>(Key.class);
        for (int i = 0; i < keys.length; i++) {
            byKey.put(keys[i], texts[i]);
        }
        return Map.copyOf(byKey);
    }
}
