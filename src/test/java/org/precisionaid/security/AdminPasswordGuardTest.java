package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminPasswordGuardTest {

    @Test
    void withoutDemoProfileAMissingPasswordStopsTheStart() {
        assertThatThrownBy(() -> AdminPasswordGuard.check("admin", "", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PA_ADMIN_PASSWORD is not set");
        assertThatThrownBy(() -> AdminPasswordGuard.check("admin", null, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutDemoProfileAPasswordAgainstThePolicyStopsTheStartNamingTheRule() {
        assertThatThrownBy(() -> AdminPasswordGuard.check("admin", "short-pw", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> AdminPasswordGuard.check("admin", "my-admin-secret-2026", false))
                .hasMessageContaining("must not contain the user id");
        assertThatThrownBy(() -> AdminPasswordGuard.check("root", "password1234!", false))
                .hasMessageContaining("commonly used");
    }

    @Test
    void aStrongPasswordOrTheDemoProfileStarts() {
        assertThatCode(() -> AdminPasswordGuard.check("admin", "correct-horse-battery", false)).doesNotThrowAnyException();
        assertThatCode(() -> AdminPasswordGuard.check("admin", "demo", true)).doesNotThrowAnyException();
    }
}
