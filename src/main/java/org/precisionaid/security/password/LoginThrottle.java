package org.precisionaid.security.password;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.precisionaid.security.SecurityLog;

/**
 * Failed logins throttled per account and per client address, with locks that end by themselves (ADR 0018). It
 * replaces Camunda's lockout, which locks an account for good after ten failures until an administrator unlocks it:
 * with predictable user ids ({@code clerk.<village>}) anyone could lock a county out.
 *
 * <ul>
 * <li><b>Account</b>: after {@code accountFailures} failed logins in a row the account is locked for {@code lockTime}.
 * The count and the end of the lock are Camunda's own columns ({@code ATTEMPTS_}, {@code LOCK_EXP_TIME_}), so the
 * lock holds on every node and across a restart, and Camunda Admin's "unlock" ({@code identityService.unlockUser})
 * ends it early. A success resets the count; after an expired lock the count starts again from nothing.
 * <li><b>Address</b>: after {@code addressFailures} failed logins from one client address within {@code lockTime}
 * (whatever the accounts), every login from it is refused for {@code lockTime}: one address cannot lock account after
 * account nor guess its way through them. Kept in memory, per node: a restart forgets it.
 * </ul>
 *
 * Time is the engine's ({@link ClockUtil}), like Camunda's own lock columns; tests move it instead of sleeping. The
 * engine commands reach this object as a command-context session ({@link LoginThrottlePlugin}).
 */
public class LoginThrottle implements Session {

    private static final int MAX_ADDRESSES = 100_000;

    /** Without {@link LoginThrottlePlugin} (an engine built by hand): the documented defaults, no address throttle. */
    private static final LoginThrottle DEFAULTS = new LoginThrottle(10, 0, Duration.ofMinutes(15), Duration.ZERO,
            () -> ClockUtil.getCurrentTime().toInstant());

    private final int accountFailures;
    private final int addressFailures;
    private final Duration lockTime;
    private final Supplier<Instant> now;
    private final VerifiedLogins verified;
    private final Map<String, AddressRecord> addresses = new ConcurrentHashMap<>();
    private volatile UserEntity nobody;

    /** Failures from one address since {@code since}; refused until {@code lockedUntil} once there are too many. */
    private record AddressRecord(int failures, Instant since, Instant lockedUntil) {
    }

    /** The attempts and lock end to store after one more failed login on an account. */
    record AccountLock(int attempts, Date lockedUntil) {
        boolean locks() {
            return lockedUntil != null;
        }
    }

    /**
     * @param addressFailures 0 turns the address throttle off
     * @param verifiedLoginCache how long a verified HTTP Basic login is remembered (ADR 0007); 0 turns that off
     */
    public LoginThrottle(int accountFailures, int addressFailures, Duration lockTime, Duration verifiedLoginCache,
            Supplier<Instant> now) {
        if (accountFailures < 1 || addressFailures < 0 || lockTime.isNegative() || lockTime.isZero()) {
            throw new IllegalArgumentException("login-lock: account-failures must be at least 1, address-failures 0 "
                    + "or more, duration positive");
        }
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.lockTime = lockTime;
        this.now = now;
        this.verified = new VerifiedLogins(verifiedLoginCache, now);
    }

    /** The throttle of the engine whose command is running. */
    static LoginThrottle of(ProcessEngineConfigurationImpl configuration) {
        if (configuration != null && configuration.getSessionFactories() != null
                && configuration.getSessionFactories().containsKey(LoginThrottle.class)) {
            return org.camunda.bpm.engine.impl.context.Context.getCommandContext().getSession(LoginThrottle.class);
        }
        return DEFAULTS;
    }

    Instant now() {
        return now.get();
    }

    VerifiedLogins verified() {
        return verified;
    }

    /** A user that cannot log in, hashed once per engine: checked against when there is no real hash to check. */
    UserEntity nobody(Supplier<UserEntity> hashed) {
        UserEntity made = nobody;
        if (made == null) {
            made = hashed.get();
            nobody = made;
        }
        return made;
    }

    /** Whether an account whose lock ends at {@code lockedUntil} (may be null) is locked now. */
    boolean isLocked(Date lockedUntil) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(now());
    }

    /** One more failed login on an account that is not locked now; logs the lock if this one locks it. */
    AccountLock accountFailed(String userId, int attempts, Date lockedUntil) {
        Instant at = now();
        // a lock that has ended starts the count again: the attacker's failures before it do not count twice
        int failures = (lockedUntil != null && !lockedUntil.toInstant().isAfter(at) ? 0 : attempts) + 1;
        if (failures < accountFailures) {
            return new AccountLock(failures, null);
        }
        Instant until = at.plus(lockTime);
        verified.forget(userId);
        SecurityLog.loginLocked("user", userId, until, failures);
        return new AccountLock(failures, Date.from(until));
    }

    /** Whether logins from this address are refused now ({@code null}: not over HTTP, never). */
    boolean isAddressLocked(String address) {
        if (address == null || addressFailures == 0) {
            return false;
        }
        AddressRecord record = addresses.get(address);
        return record != null && record.lockedUntil() != null && record.lockedUntil().isAfter(now());
    }

    /** One more failed login from this address; logs the lock if this one locks it. */
    void addressFailed(String address) {
        if (address == null || addressFailures == 0) {
            return;
        }
        Instant at = now();
        if (addresses.size() >= MAX_ADDRESSES) {
            addresses.values().removeIf(r -> !r.since().plus(lockTime).isAfter(at)
                    && (r.lockedUntil() == null || !r.lockedUntil().isAfter(at)));
            if (addresses.size() >= MAX_ADDRESSES) {
                addresses.clear(); // a flood of distinct addresses: start over rather than grow
            }
        }
        AddressRecord updated = addresses.compute(address, (key, record) -> {
            if (record != null && record.lockedUntil() != null && record.lockedUntil().isAfter(at)) {
                return record; // locked already: the lock is not prolonged
            }
            boolean fresh = record == null || !record.since().plus(lockTime).isAfter(at)
                    || record.lockedUntil() != null;
            int failures = fresh ? 1 : record.failures() + 1;
            Instant since = fresh ? at : record.since();
            return new AddressRecord(failures, since, failures >= addressFailures ? at.plus(lockTime) : null);
        });
        if (updated.failures() >= addressFailures && at.plus(lockTime).equals(updated.lockedUntil())) {
            SecurityLog.loginLocked("address", address, updated.lockedUntil(), updated.failures());
        }
    }

    @Override
    public void flush() {
        // nothing to write: the account columns are written by the identity provider in the command's transaction
    }

    @Override
    public void close() {
        // shared by all commands: nothing to release
    }
}
