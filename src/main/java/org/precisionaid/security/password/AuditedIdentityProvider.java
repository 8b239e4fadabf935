package org.precisionaid.security.password;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's own user store, with two duties at every password check (webapp login, HTTP Basic on the REST APIs):
 * it logs the login, succeeded or refused, with the user id and never the password; and it re-hashes a password
 * still stored with Camunda's old salted SHA-512 when its owner logs in with it.
 */
public class AuditedIdentityProvider extends DbIdentityServiceProvider {

    static final Logger LOG = LoggerFactory.getLogger("org.precisionaid.security.login");

    @Override
    public boolean checkPassword(String userId, String password) {
        UserEntity user = userId == null ? null : findUserById(userId);
        boolean locked = user != null && isUserLocked(user);
        boolean accepted = super.checkPassword(userId, password);
        if (accepted) {
            LOG.info("login succeeded: user={}", userId);
            if (!Pbkdf2PasswordEncryptor.isCurrent(user.getPassword())) {
                user.setPassword(password);
                user.encryptPassword(); // the entity is flushed with the command: one UPDATE, new salt and hash
                LOG.info("password hash upgraded to {}: user={}", Pbkdf2PasswordEncryptor.NAME, userId);
            }
        } else {
            String reason = user == null ? "unknown user" : locked ? "account locked after failed attempts" : "wrong password";
            LOG.warn("login refused: user={} reason={}", printable(userId), reason);
            org.precisionaid.security.SecurityMetrics.loginRefused(reason);
        }
        return accepted;
    }

    /** A user id as typed by anyone: no line breaks into the log, and not the whole of a long paste. */
    static String printable(String userId) {
        if (userId == null) {
            return "(none)";
        }
        String clean = userId.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
