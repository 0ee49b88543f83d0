package org.guichet.server.domain;

import java.util.Map;

/** The SMS a visitor gets when their turn comes near, in the ticket's language; short enough for one message. */
public final class ReminderText {

    private static final Map<String, String> TEXTS = Map.of(
            "fr", "%s : plus que %d personne(s) avant votre ticket %s. Revenez dans la salle d'attente.",
            "en", "%s: only %d people before your ticket %s. Please come back to the waiting room.",
            "es", "%s: solo %d persona(s) antes de su turno %s. Vuelva a la sala de espera.",
            "oc", "%s : pas que %d persona(s) abans vòstre tiquet %s. Tornatz dins la sala d'espèra.");
    /** Nobody left before the ticket (it waited for a counter to free). */
    private static final Map<String, String> NEXT = Map.of(
            "fr", "%s : votre ticket %s est le prochain. Revenez dans la salle d'attente.",
            "en", "%s: your ticket %s is next. Please come back to the waiting room.",
            "es", "%s: su turno %s es el siguiente. Vuelva a la sala de espera.",
            "oc", "%s : vòstre tiquet %s es lo seguent. Tornatz dins la sala d'espèra.");

    private ReminderText() {
    }

    private static final Map<String, String> APPOINTMENT = Map.of(
            "fr", "%s : rendez-vous %s le %s à %s. À la borne, touchez « J'ai un rendez-vous » et tapez le code %s.",
            "en", "%s: appointment %s on %s at %s. At the kiosk, touch \"I have an appointment\" and type code %s.",
            "es", "%s: cita %s el %s a las %s. En el terminal, toque «Tengo cita» y escriba el código %s.",
            "oc", "%s : rendètz-vos %s lo %s a %s. A la bòrna, tocatz « Ai un rendètz-vos » e picatz lo còdi %s.");

    /** The reminder of an appointment: the service, the local day (dd/MM) and time, and the code to type. */
    public static String appointment(String language, String siteName, String serviceName,
                                     java.time.ZonedDateTime startsAt, String code) {
        String day = "%02d/%02d".formatted(startsAt.getDayOfMonth(), startsAt.getMonthValue());
        String time = "%02d:%02d".formatted(startsAt.getHour(), startsAt.getMinute());
        return APPOINTMENT.getOrDefault(language, APPOINTMENT.get(Languages.DEFAULT))
                .formatted(siteName, serviceName, day, time, code);
    }

    public static String text(String language, String siteName, int peopleAhead, String ticketNumber) {
        if (peopleAhead == 0) {
            return NEXT.getOrDefault(language, NEXT.get(Languages.DEFAULT)).formatted(siteName, ticketNumber);
        }
        String template = TEXTS.getOrDefault(language, TEXTS.get(Languages.DEFAULT));
        return template.formatted(siteName, peopleAhead, ticketNumber);
    }
}
