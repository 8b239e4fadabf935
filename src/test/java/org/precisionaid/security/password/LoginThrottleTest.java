package org.precisionaid.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The throttle's rules with a clock the test moves: locks per account and per client address that end by
 * themselves. The same rules over HTTP, with the engine's clock, are in {@code LoginLockTest}; the address is
 * tested here because every test request comes from the same address.
 */
class LoginThrottleTest {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    final AtomicReference<Instant> now = new AtomicReference<>(START);
    final LoginThrottle throttle = new LoginThrottle(10, 30, Duration.ofMinutes(15), Duration.ofMinutes(2), now::get);

    @Test
    void theTenthFailureInARowLocksTheAccountForFifteenMinutesAndThenTheCountStartsAgain() {
        int attempts = 0;
        Date lockedUntil = null;
        for (int i = 1; i <= 9; i++) {
            LoginThrottle.AccountLock lock = throttle.accountFailed("clerk.654224101201", attempts, lockedUntil);
            assertThat(lock.locks()).isFalse();
            attempts = lock.attempts();
        }
        LoginThrottle.AccountLock tenth = throttle.accountFailed("clerk.654224101201", attempts, null);
        assertThat(tenth.locks()).isTrue();
        assertThat(tenth.lockedUntil().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(throttle.isLocked(tenth.lockedUntil())).isTrue();

        now.set(START.plus(Duration.ofMinutes(14)).plusSeconds(59));
        assertThat(throttle.isLocked(tenth.lockedUntil())).isTrue();
        now.set(START.plus(Duration.ofMinutes(15)));
        assertThat(throttle.isLocked(tenth.lockedUntil())).isFalse();

        // after the lock one more mistake does not lock again: the count starts from nothing
        LoginThrottle.AccountLock afterwards = throttle.accountFailed("clerk.654224101201", tenth.attempts(),
                tenth.lockedUntil());
        assertThat(afterwards.attempts()).isEqualTo(1);
        assertThat(afterwards.locks()).isFalse();
    }

    @Test
    void anAddressWithTooManyFailuresIsRefusedForFifteenMinutesWhateverTheAccounts() {
        String attacker = "203.0.113.7";
        for (int i = 1; i < 30; i++) {
            throttle.addressFailed(attacker);
            assertThat(throttle.isAddressLocked(attacker)).as("after %d failures", i).isFalse();
        }
        throttle.addressFailed(attacker);
        assertThat(throttle.isAddressLocked(attacker)).isTrue();
        assertThat(throttle.isAddressLocked("198.51.100.20")).as("an official elsewhere").isFalse();

        // failing on while locked does not prolong the lock
        now.set(START.plus(Duration.ofMinutes(10)));
        throttle.addressFailed(attacker);
        now.set(START.plus(Duration.ofMinutes(15)));
        assertThat(throttle.isAddressLocked(attacker)).isFalse();
        // and afterwards the address starts again from nothing
        throttle.addressFailed(attacker);
        assertThat(throttle.isAddressLocked(attacker)).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLockAnAddress() {
        String office = "198.51.100.20"; // many officials behind one address, each mistyping now and then
        for (int i = 0; i < 100; i++) {
            throttle.addressFailed(office);
            now.set(now.get().plus(Duration.ofMinutes(1)));
        }
        assertThat(throttle.isAddressLocked(office)).isFalse();
    }

    @Test
    void aCheckWithoutAnHttpRequestIsNeverLockedByAddressAndZeroTurnsTheAddressThrottleOff() {
        for (int i = 0; i < 40; i++) {
            throttle.addressFailed(null);
        }
        assertThat(throttle.isAddressLocked(null)).isFalse();

        LoginThrottle off = new LoginThrottle(10, 0, Duration.ofMinutes(15), Duration.ZERO, now::get);
        for (int i = 0; i < 40; i++) {
            off.addressFailed("203.0.113.7");
        }
        assertThat(off.isAddressLocked("203.0.113.7")).isFalse();
    }

    @Test
    void aRememberedPasswordCountsOnlyWithTheSameStoredHashAndForTwoMinutes() {
        VerifiedLogins verified = throttle.verified();
        verified.remember("county.654225", "Long-Enough-Secret-1", "{PBKDF2-SHA256}old");
        assertThat(verified.isRecentlyVerified("county.654225", "Long-Enough-Secret-1", "{PBKDF2-SHA256}old")).isTrue();
        assertThat(verified.isRecentlyVerified("county.654225", "Long-Enough-Secret-1", "{PBKDF2-SHA256}new"))
                .as("the password was changed").isFalse();
        assertThat(verified.isRecentlyVerified("county.654225", "another password", "{PBKDF2-SHA256}old")).isFalse();
        now.set(START.plus(Duration.ofMinutes(2)).plusSeconds(1));
        assertThat(verified.isRecentlyVerified("county.654225", "Long-Enough-Secret-1", "{PBKDF2-SHA256}old")).isFalse();
    }

    @Test
    void aLockForgetsTheRememberedPassword() {
        throttle.verified().remember("clerk.654224101201", "Long-Enough-Secret-1", "{PBKDF2-SHA256}h");
        throttle.accountFailed("clerk.654224101201", 9, null);
        assertThat(throttle.verified().isRecentlyVerified("clerk.654224101201", "Long-Enough-Secret-1",
                "{PBKDF2-SHA256}h")).isFalse();
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new LoginThrottle(0, 30, Duration.ofMinutes(15), Duration.ZERO, now::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account-failures");
        assertThatThrownBy(() -> new LoginThrottle(10, 30, Duration.ZERO, Duration.ZERO, now::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
    }
}
