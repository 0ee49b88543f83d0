#!/bin/sh
# Starts Chromium full screen on the kiosk's touch UI once the kiosk client answers.
# Installed as /opt/guichet/kiosk-browser.sh and started with the desktop session of the kiosk's user
# (see guichet-kiosk-browser.desktop, or add this script to ~/.config/labwc/autostart).
URL="${GUICHET_KIOSK_URL:-http://127.0.0.1:8081/}"

for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then
        BROWSER="$candidate"
        break
    fi
done
if [ -z "${BROWSER:-}" ]; then
    echo "Chromium is not installed: sudo apt install chromium" >&2
    exit 1
fi

# Wait for the kiosk client (it shows "starting" by itself until it has reached the server).
i=0
while ! wget -q -O /dev/null "${URL}api/state" && [ "$i" -lt 120 ]; do
    sleep 1
    i=$((i + 1))
done

# A crash or power cut must not bring up a "restore pages?" bubble.
PROFILE="$HOME/.config/chromium"
if [ -f "$PROFILE/Default/Preferences" ]; then
    sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[^"]*"/"exit_type":"Normal"/' \
        "$PROFILE/Default/Preferences"
fi

exec "$BROWSER" --kiosk --noerrdialogs --disable-infobars --no-first-run --disable-session-crashed-bubble \
    --disable-translate --disable-features=Translate,TouchpadOverscrollHistoryNavigation \
    --overscroll-history-navigation=0 --check-for-update-interval=31536000 \
    --password-store=basic --autoplay-policy=no-user-gesture-required --enable-speech-dispatcher "$URL"
