package org.guichet.hardware.printer;

import java.util.List;
import java.util.Objects;

/**
 * Printed instead of a ticket when the visitor's matter is handled by another authority: it tells them where to go.
 *
 * @param matter        the matter, as the visitor chose it (e.g. "Carte grise / immatriculation")
 * @param authorityName who handles it (e.g. "Préfecture de l'Hérault")
 * @param addressLines  postal address, one line each; may be empty
 * @param openingHours  opening hours, one line each; may be empty
 * @param website       website address, also printed as a QR code; null for none
 * @param phone         phone number; null for none
 * @param language      visitor's language: "fr", "en", "es" or "oc" (anything else prints in French)
 */
public record OrientationSlip(
        String matter,
        String authorityName,
        List<String> addressLines,
        List<String> openingHours,
        String website,
        String phone,
        String language) {

    public OrientationSlip {
        Objects.requireNonNull(matter, "matter");
        Objects.requireNonNull(authorityName, "authorityName");
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
    }
}
