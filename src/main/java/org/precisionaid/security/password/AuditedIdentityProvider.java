package org.precisionaid.security.password;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.precisionaid.security.SecurityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's own user store, with our duties at every password check (webapp login, HTTP Basic on the REST APIs,
 * {@code identity/verify}) — the one depth that every login goes through:
 * <ul>
 * <li>failed logins are throttled per account and per client address with locks that end by themselves
 * ({@link LoginThrottle}, ADR 0018) instead of Camunda's lock for good; a locked account or address answers exactly
 * like a wrong password, and an unknown or locked account costs the same hash computation as a known one, so the
 * answer tells nobody whether an account exists;</li>
 * <li>a password verified a moment ago over HTTP Basic skips the key derivation ({@link VerifiedLogins}), but only
 * while the stored hash is the same and the account not locked: a change, lock or deletion counts at once;</li>
 * <li>the login is logged, succeeded or refused, with the user id and the client address, never the password;</li>
 * <li>a password still stored with Camunda's old salted SHA-512 is re-hashed when its owner logs in with it.</li>
 * </ul>
 */
public class AuditedIdentityProvider extends DbIdentityServiceProvider {

    static final Logger LOG = LoggerFactory.getLogger("org.precisionaid.security.login");

    @Override
    public boolean checkPassword(String userId, String password) {
        LoginThrottle throttle = LoginThrottle.of(Context.getProcessEngineConfiguration());
        String address = LoginClient.address();
        if (throttle.isAddressLocked(address)) {
            refused(userId, "too many failed logins from this address", address);
            return false;
        }
        UserEntity user = userId == null ? null : findUserById(userId);
        if (user == null || password == null || isUserLocked(user)) {
            // the same key derivation as for a real account: the time of the answer tells nothing either
            matchPassword(password == null ? "" : password, throttle.nobody(AuditedIdentityProvider::hashedNobody));
            throttle.addressFailed(address);
            refused(userId, user == null ? "unknown user" : password == null ? "no password"
                    : "account locked after failed logins", address);
            return false;
        }
        boolean basic = LoginClient.isHttpBasic();
        if (basic && throttle.verified().isRecentlyVerified(userId, password, user.getPassword())) {
            unlockUser(user); // writes only if failures were counted since
            return true;
        }
        if (!matchPassword(password, user)) {
            lockUser(user);
            throttle.addressFailed(address);
            refused(userId, "wrong password", address);
            return false;
        }
        unlockUser(user);
        LOG.info("login succeeded: user={}", userId);
        if (!Pbkdf2PasswordEncryptor.isCurrent(user.getPassword())) {
            user.setPassword(password);
            user.encryptPassword(); // the entity is flushed with the command: one UPDATE, new salt and hash
            LOG.info("password hash upgraded to {}: user={}", Pbkdf2PasswordEncryptor.NAME, userId);
        }
        if (basic) {
            throttle.verified().remember(userId, password, user.getPassword());
        }
        return true;
    }

    /** Locked while our lock has not ended; Camunda's count of failures alone never locks (ADR 0018). */
    @Override
    protected boolean isUserLocked(UserEntity user) {
        return LoginThrottle.of(Context.getProcessEngineConfiguration()).isLocked(user.getLockExpirationTime());
    }

    /** One more failure on the account; at the limit it is locked for the configured time, not for good. */
    @Override
    protected void lockUser(UserEntity user) {
        LoginThrottle.AccountLock lock = LoginThrottle.of(Context.getProcessEngineConfiguration())
                .accountFailed(user.getId(), user.getAttempts(), user.getLockExpirationTime());
        getIdentityInfoManager().updateUserLock(user, lock.attempts(), lock.lockedUntil());
    }

    private static void refused(String userId, String reason, String address) {
        LOG.warn("login refused: user={} reason={} address={}", printable(userId), reason,
                address == null ? "(none)" : address);
        org.precisionaid.security.SecurityMetrics.loginRefused(reason);
    }

    /** A user that cannot log in, with a hash of a random password made by the engine's own encryptor. */
    private static UserEntity hashedNobody() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        UserEntity nobody = new UserEntity("-");
        nobody.setPassword(HexFormat.of().formatHex(secret));
        nobody.encryptPassword();
        return nobody;
    }

    /** A user id as typed by anyone: no line breaks into the log, and not the whole of a long paste. */
    static String printable(String userId) {
        return SecurityLog.printable(userId);
    }
}
