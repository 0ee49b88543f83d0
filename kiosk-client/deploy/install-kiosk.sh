#!/bin/sh
# Installs the Guichet kiosk client on a Raspberry Pi (run as root, from this deploy directory):
#   sudo sh install-kiosk.sh /path/to/guichet-kiosk-client-0.1.0-SNAPSHOT-all.jar
# Then: edit /etc/guichet/kiosk.yaml, sudo systemctl enable --now guichet-kiosk, and pair the kiosk with the code an
# administrator gives (or write its token to /var/lib/guichet-kiosk/kiosk.token).
set -eu
JAR="${1:?usage: install-kiosk.sh guichet-kiosk-client-all.jar}"
HERE="$(cd "$(dirname "$0")" && pwd)"

id guichet >/dev/null 2>&1 || useradd --system --home-dir /var/lib/guichet-kiosk --shell /usr/sbin/nologin guichet
for group in lp dialout gpio; do
    if getent group "$group" >/dev/null; then
        usermod -a -G "$group" guichet
    fi
done

# The accessible mode's spoken guidance: Chromium speaks through speech-dispatcher, here with espeak-ng's voices
# (the page picks one by language, French for Occitan when the engine offers no Occitan voice).
if command -v apt-get >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
fi

install -d -m 0755 /opt/guichet
install -m 0644 "$JAR" /opt/guichet/guichet-kiosk-client-all.jar
install -m 0755 "$HERE/kiosk-browser.sh" /opt/guichet/kiosk-browser.sh

install -d -m 0750 -o root -g guichet /etc/guichet
if [ ! -f /etc/guichet/kiosk.yaml ]; then
    install -m 0640 -o root -g guichet "$HERE/kiosk.example.yaml" /etc/guichet/kiosk.yaml
fi
# The token lives in the service's state directory, which its sandbox (ProtectSystem=strict) lets it write: pairing
# writes it there.
install -d -m 0750 -o guichet -g guichet /var/lib/guichet-kiosk
if [ ! -f /var/lib/guichet-kiosk/kiosk.token ]; then
    install -m 0600 -o guichet -g guichet /dev/null /var/lib/guichet-kiosk/kiosk.token
fi

install -m 0644 "$HERE/guichet-kiosk.service" /etc/systemd/system/guichet-kiosk.service
install -m 0644 "$HERE/99-guichet-printer.rules" /etc/udev/rules.d/99-guichet-printer.rules
install -m 0644 "$HERE/guichet-kiosk-browser.desktop" /etc/xdg/autostart/guichet-kiosk-browser.desktop
udevadm control --reload && udevadm trigger || true
systemctl daemon-reload

echo "Installed. Next: edit /etc/guichet/kiosk.yaml, then: sudo systemctl enable --now guichet-kiosk"
echo "and pair the kiosk with the code an administrator gives (or write its token to /var/lib/guichet-kiosk/kiosk.token)."
