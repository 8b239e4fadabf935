package org.precisionaid.security.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic sends the password with every REST call, and checking it against a PBKDF2 hash costs a fraction of a
 * second of CPU by design. A password that the engine accepted is remembered here for a short time as a keyed
 * HMAC (key random per process start, never stored) over the user id, the password <em>and the stored hash it was
 * checked against</em>, so repeated calls skip the key derivation. The caller reads the user's row on every call:
 * a changed password (new salt, new hash), a deleted or a locked account no longer matches at once, on every node
 * (ADR 0007, issue #20). A wrong password, or any password once the time is up, goes to the full check again.
 */
final class VerifiedLogins {

    private static final int MAX_ENTRIES = 50_000;

    private final Duration ttl;
    private final Supplier<Instant> now;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] mac, Instant expires) {
    }

    VerifiedLogins(Duration ttl, Supplier<Instant> now) {
        this.ttl = ttl;
        this.now = now;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    boolean isRecentlyVerified(String userId, String password, String storedHash) {
        if (ttl.isZero() || storedHash == null) {
            return false;
        }
        Entry entry = entries.get(userId);
        if (entry == null) {
            return false;
        }
        if (entry.expires().isBefore(now.get())) {
            entries.remove(userId, entry);
            return false;
        }
        return MessageDigest.isEqual(entry.mac(), mac(userId, password, storedHash));
    }

    void remember(String userId, String password, String storedHash) {
        if (ttl.isZero() || storedHash == null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // a flood of distinct accounts: start over rather than grow
        }
        entries.put(userId, new Entry(mac(userId, password, storedHash), now.get().plus(ttl)));
    }

    void forget(String userId) {
        entries.remove(userId);
    }

    private byte[] mac(String userId, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
