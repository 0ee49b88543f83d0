package org.guichet.kiosk.core;

import org.guichet.kiosk.config.KioskConfig;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One visitor action: the menu entry chosen, priority class, language, and the key that identifies the action.
 * The key is created once per action (touch screen: when the visitor taps; button: per press) and reused on every
 * retry, so one action never yields two tickets. A large-print request gets its ticket printed in double-size text.
 */
public record VisitorRequest(String entryId, String priority, String language, String actionKey, boolean largePrint) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");

    /** A request for an ordinary ticket. */
    public VisitorRequest(String entryId, String priority, String language, String actionKey) {
        this(entryId, priority, language, actionKey, false);
    }

    public VisitorRequest {
        Objects.requireNonNull(entryId, "entryId");
        if (!"NORMAL".equals(priority) && !"PRIORITY".equals(priority)) {
            throw new IllegalArgumentException("priority must be NORMAL or PRIORITY");
        }
        if (!KioskConfig.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be one of fr, en, es, oc");
        }
        if (actionKey == null || !KEY.matcher(actionKey).matches()) {
            throw new IllegalArgumentException("the action key must be 8 to 100 letters, digits, - or _");
        }
    }

    /** A request with a fresh key, for a physical button press. */
    public static VisitorRequest newAction(String entryId, String priority, String language) {
        return new VisitorRequest(entryId, priority, language, "kiosk-" + UUID.randomUUID());
    }
}
