#!/bin/sh
# Installs a Java 21 runtime on Raspberry Pi OS (64-bit recommended). Run as root: sudo sh install-java21.sh
# Raspberry Pi OS based on Debian 13 "trixie" ships OpenJDK 21; on Debian 12 "bookworm" the Eclipse Temurin 21 JRE
# comes from the Adoptium apt repository (arm64 and armhf).
set -eu

apt-get update
if apt-cache show openjdk-21-jre-headless >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends openjdk-21-jre-headless
else
    . /etc/os-release
    apt-get install -y --no-install-recommends wget gpg ca-certificates
    install -d -m 0755 /etc/apt/keyrings
    wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public \
        | gpg --dearmor --yes -o /etc/apt/keyrings/adoptium.gpg
    echo "deb [signed-by=/etc/apt/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb ${VERSION_CODENAME} main" \
        > /etc/apt/sources.list.d/adoptium.list
    apt-get update
    apt-get install -y --no-install-recommends temurin-21-jre || apt-get install -y --no-install-recommends temurin-21-jdk
fi
java -version
