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

    public static String text(String language, String siteName, int peopleAhead, String ticketNumber) {
        if (peopleAhead == 0) {
            return NEXT.getOrDefault(language, NEXT.get(Languages.DEFAULT)).formatted(siteName, ticketNumber);
        }
        String template = TEXTS.getOrDefault(language, TEXTS.get(Languages.DEFAULT));
        return template.formatted(siteName, peopleAhead, ticketNumber);
    }
}
