package org.guichet.kiosk.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a visitor goes for a matter another authority handles, from an orientation entry's {@code orientation} block:
 * {@code authority}, {@code address} and {@code hours} (a line or a list of lines), and {@code contact}, which is read
 * as a website when it looks like one (service-public.fr, https://...) and as a phone number otherwise. Explicit
 * {@code website} and {@code phone} keys win.
 */
public record Orientation(String authority, List<String> addressLines, List<String> hours, String website,
                          String phone) {

    private static final Pattern WEBSITE = Pattern.compile("(?i)^(https?://)?[a-z0-9-]+(\\.[a-z0-9-]+)+(/\\S*)?$");

    public Orientation {
        addressLines = List.copyOf(addressLines);
        hours = List.copyOf(hours);
    }

    public static Orientation fromJson(JsonObject json) {
        String contact = blankToNull(json.getString("contact"));
        String website = blankToNull(json.getString("website"));
        String phone = blankToNull(json.getString("phone"));
        if (contact != null) {
            if (WEBSITE.matcher(contact).matches()) {
                website = website == null ? contact : website;
            } else {
                phone = phone == null ? contact : phone;
            }
        }
        String authority = blankToNull(json.getString("authority"));
        return new Orientation(authority == null ? "" : authority, lines(json.getValue("address")),
                lines(json.getValue("hours")), website, phone);
    }

    JsonObject toJson() {
        return new JsonObject().put("authority", authority).put("address", new JsonArray(addressLines))
                .put("hours", new JsonArray(hours)).put("website", website).put("phone", phone);
    }

    private static List<String> lines(Object value) {
        List<String> lines = new ArrayList<>();
        if (value instanceof String text && !text.isBlank()) {
            lines.add(text.trim());
        } else if (value instanceof JsonArray array) {
            for (Object line : array) {
                if (line != null && !line.toString().isBlank()) {
                    lines.add(line.toString().trim());
                }
            }
        }
        return lines;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
