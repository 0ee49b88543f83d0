package org.guichet.server.service;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals a visitor's contact details (a phone number to call back) before they reach the database, with AES-256-GCM
 * and a key kept outside it, in a file of the server (so that a database dump or backup alone reveals no number).
 * Each value gets a fresh 96-bit nonce; the purpose ("callback:&lt;site&gt;:&lt;request&gt;") is authenticated with
 * it, so a value copied into another row or purpose does not open.
 */
public final class ContactCipher {

    public static final int KEY_BYTES = 32;
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public ContactCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A contact key is " + KEY_BYTES + " bytes.");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        // A key of its own for the index, so that the hash and the cipher never share one.
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key, "HmacSHA256"));
            this.indexKey = new SecretKeySpec(derive.doFinal("guichet contact index".getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A cipher with a key of its own, kept nowhere: for a benchmark or a test whose numbers need not outlive it. */
    public static ContactCipher withFreshKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new ContactCipher(key);
    }

    /**
     * The key in this file (base64 of 32 bytes), made there with owner-only permissions if the file does not exist:
     * the first start of a server makes its key. Nodes of one cluster must be given the same file.
     */
    public static ContactCipher fromKeyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            make(file);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IllegalArgumentException notBase64) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The contact key file " + file + " must hold the base64 of "
                    + KEY_BYTES + " bytes (make one with: head -c 32 /dev/urandom | base64).");
        }
        return new ContactCipher(key);
    }

    /**
     * A fresh key, written whole to a private temporary file and then moved into place: another process never reads
     * a half-written key, and when two make one at once the first move wins and the other reads it.
     */
    private static void make(Path file) throws IOException {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, ".contact-key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            temporary = Files.createTempFile(directory, ".contact-key-", ".tmp");
        }
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh) + "\n");
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // another process made it first: theirs is read
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * What tells this key apart without revealing it: the start of an HMAC of a fixed label. Stored in the database,
     * it lets a node with another key refuse to start.
     */
    public byte[] fingerprint() {
        return Arrays.copyOf(mac("guichet contact key fingerprint"), 16);
    }

    /**
     * A keyed hash of a number for one purpose, equal for equal numbers: lets the database hold one open request
     * per number without the number. Useless without the key.
     */
    public byte[] index(String text, String purpose) {
        return mac(purpose + "\u0000" + text);
    }

    private byte[] mac(String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public byte[] seal(String text, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
            out[0] = FORMAT;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The text sealed for this purpose; a {@link Unreadable} when the key or the purpose is not the one used. */
    public String open(byte[] sealed, String purpose) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new Unreadable();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (AEADBadTagException wrongKey) {
            throw new Unreadable();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** A sealed value this key cannot open (another key, another purpose, or altered). */
    public static final class Unreadable extends RuntimeException {
        Unreadable() {
            super("A contact detail cannot be read with this server's key.", null, false, false);
        }
    }
}
