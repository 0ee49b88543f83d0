package org.guichet.server.view;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.PairingCodes;
import org.guichet.server.domain.Principal;
import org.guichet.server.service.Devices;

/** Pairing a device, as JSON: the code for the administrator (once), the new token for the device (once). */
public final class DeviceView {

    /** Where a screen opens its pairing code. */
    public static final String SCREEN_PAIRING_PAGE = "/display/pair";
    /** The kiosk client's local API, on the kiosk itself. */
    public static final String KIOSK_PAIRING_ENDPOINT = "http://127.0.0.1:8081/api/pair";

    private DeviceView() {
    }

    /**
     * For the administrator: the code (as typed and as shown), until when it can be redeemed, and how: the address a
     * screen opens once, or the command run on a kiosk (its local API).
     *
     * @param origin the server's address as the administrator reached it, e.g. {@code http://server:8080}
     */
    public static JsonObject pairing(Devices.PairingStarted started, String origin) {
        Device device = started.device();
        String code = started.code();
        JsonObject json = new JsonObject().put("deviceId", device.id()).put("kind", device.kind())
                .put("siteId", device.siteId()).put("name", device.name())
                .put("code", code).put("displayCode", PairingCodes.display(code))
                .put("expiresAt", started.expiresAt().toString())
                .put("validSeconds", PairingCodes.LIFETIME.toSeconds());
        if (Device.KIOSK.equals(device.kind())) {
            return json.put("path", null).put("url", null)
                    .put("command", "curl -s -X POST " + KIOSK_PAIRING_ENDPOINT
                                    + " -H 'Content-Type: application/json' -d '{\"code\":\"" + code + "\"}'");
        }
        String path = SCREEN_PAIRING_PAGE + "?code=" + code;
        return json.put("path", path).put("url", origin + path).put("command", null);
    }

    /** For the device: its new token (once) and what it is, with the page a screen shows from now on. */
    public static JsonObject paired(Devices.Paired paired) {
        Principal device = paired.device();
        String page = switch (device.deviceKind()) {
            case Device.SCREEN -> "/display/";
            case Device.COUNTER_SCREEN -> "/display/counter.html";
            default -> null;
        };
        return new JsonObject().put("deviceId", device.deviceId()).put("kind", device.deviceKind())
                .put("siteId", device.onlySite()).put("roomId", device.roomId()).put("counterId", device.counterId())
                .put("token", paired.token()).put("page", page);
    }
}
