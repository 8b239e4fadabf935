package org.precisionaid.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CandidateGroupsTest {

    private final CandidateGroups groups = new CandidateGroups();

    @Test
    void aVillageCaseIsReviewedByTheGroupsOfItsOwnTownshipAndCounty() {
        assertThat(groups.of("654224101201", "clerk")).isEqualTo("clerk-654224101201");
        assertThat(groups.of("654224101201", "village")).isEqualTo("village-654224101201");
        assertThat(groups.of("654224101201", "township")).isEqualTo("township-654224101");
        assertThat(groups.of("654224101201", "county")).isEqualTo("county-654224");
        assertThat(groups.of("654224101201", "city")).isEqualTo("city-6542");
    }

    @Test
    void neighbouringTownshipsGetDifferentGroups() {
        assertThat(groups.of("654224101201", "township")).isNotEqualTo(groups.of("654224100201", "township"));
    }

    @Test
    void auditorsOfEveryEnclosingLevelMayReadAVillageCase() {
        assertThat(groups.auditorsOf("654224101201")).containsExactly(
                "auditor-6542", "auditor-654224", "auditor-654224101", "auditor-654224101201");
        assertThat(groups.of("654224000000", "auditor")).isEqualTo("auditor-654224");
    }

    @Test
    void aRoleBelowTheRegionIsRejected() {
        assertThatThrownBy(() -> groups.of("654224000000", "township"))
                .isInstanceOf(RoleLevelMismatchException.class)
                .hasMessageContaining("township").hasMessageContaining("654224000000");
    }

    @Test
    void anUnknownRoleIsRejectedNamingIt() {
        assertThatThrownBy(() -> groups.of("654224101201", "mayor"))
                .isInstanceOf(UnknownRoleException.class)
                .hasMessageContaining("'mayor'").hasMessageContaining("township");
    }
}
