package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminPasswordGuardTest {

    @Test
    void withoutDemoProfileAMissingPasswordStopsTheStart() {
        assertThatThrownBy(() -> AdminPasswordGuard.check("", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PA_ADMIN_PASSWORD is not set");
        assertThatThrownBy(() -> AdminPasswordGuard.check(null, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutDemoProfileAShortPasswordStopsTheStart() {
        assertThatThrownBy(() -> AdminPasswordGuard.check("admin", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too short");
    }

    @Test
    void aLongPasswordOrTheDemoProfileStarts() {
        assertThatCode(() -> AdminPasswordGuard.check("correct-horse-battery", false)).doesNotThrowAnyException();
        assertThatCode(() -> AdminPasswordGuard.check("demo", true)).doesNotThrowAnyException();
    }
}
