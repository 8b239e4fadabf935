package org.precisionaid.security.password;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Camunda's password hashing replaced by PBKDF2-HMAC-SHA256 with a work factor (Spring Security Crypto). Stored as
 * {@code {PBKDF2-SHA256}<hash>}; the engine still reads the older {@code {SHA-512}} hashes, and
 * {@link AuditedIdentityProvider} replaces such a hash at the user's next successful login.
 */
public class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    public static final String NAME = "PBKDF2-SHA256";

    private final Pbkdf2PasswordEncoder encoder;

    public Pbkdf2PasswordEncryptor(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("password hash iterations must be positive");
        }
        this.encoder = new Pbkdf2PasswordEncoder("", 16, iterations,
                Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    }

    @Override
    public String encrypt(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean check(String password, String encrypted) {
        return encoder.matches(password, encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    /** Whether a stored password (with its prefix) was hashed by this encryptor. */
    public static boolean isCurrent(String storedPassword) {
        return storedPassword != null && storedPassword.startsWith("{" + NAME + "}");
    }
}
