package org.guichet.server.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which address a request came from. Behind a reverse proxy (HAProxy) every connection comes from the proxy, which
 * names the client in X-Forwarded-For; anyone can write that header, so it is believed only on a connection from a
 * proxy listed as trusted, and then read from the right: the last address a trusted proxy did not add is the client.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

    /** An address or a network ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) given as trusted. */
    private record Network(byte[] address, int prefixBits) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[whole] & mask) == (address[whole] & mask);
        }
    }

    private final List<Network> trusted;

    private ClientAddress(List<Network> trusted) {
        this.trusted = trusted;
    }

    /** No proxy trusted: the connection's address is the client's. */
    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    /** The trusted proxies, each an IP address or a CIDR network; fails as invalid on anything else. */
    public static ClientAddress trusting(List<String> proxies) {
        List<Network> networks = new ArrayList<>();
        for (String proxy : proxies) {
            String entry = proxy.strip();
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw Failure.invalid("A trusted proxy must be an IP address or a network such as 10.0.0.0/8, not '"
                                      + entry + "'.");
            }
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw Failure.invalid("Bad network prefix in trusted proxy '" + entry + "'.");
                }
            }
            networks.add(new Network(address, bits));
        }
        return new ClientAddress(List.copyOf(networks));
    }

    /**
     * The client's address, from the connection's ({@code remote}) and the X-Forwarded-For header (null when absent;
     * several headers joined with commas).
     */
    public String of(String remote, String forwardedFor) {
        if (remote == null || forwardedFor == null || !isTrusted(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                // Garbage where an address should be: the client is the last hop that could be told, the proxy.
                return i == hops.length - 1 ? remote : hops[i + 1].strip();
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    public boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(network -> network.contains(bytes));
    }

    /** The bytes of an IP literal, or null when it is not one (never a name lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.contains(":") && IPV6_CHARACTERS.matcher(text).matches();
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            byte[] bytes = new byte[4];
            String[] parts = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        try {
            // A literal with a colon is parsed as IPv6, never looked up as a name.
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return bytes.length == 16 && isMappedV4(bytes) ? java.util.Arrays.copyOfRange(bytes, 12, 16) : bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }
}
