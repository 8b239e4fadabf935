package org.precisionaid.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.precisionaid.project.FundingRules;
import org.precisionaid.project.ProjectCodes.ProjectType;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The DMN tables of bpmn/funding-rules.dmn, as deployed, at their boundaries. */
@IntegrationTest
class FundingRulesTest {

    @Autowired FundingRules rules;
    @Autowired CandidateGroups groups;

    @Test
    void everyProjectTypeHasALeadUnitThatIsACountyRoleWithItsOwnGroup() {
        for (ProjectType type : ProjectType.values()) {
            String unit = rules.leadUnit(type.name());
            OfficialRole role = OfficialRole.fromKey(unit);
            assertThat(role.level()).as(type + " → " + unit).isEqualTo(RegionLevel.COUNTY);
            assertThat(groups.of("654224101201", unit)).as(type + " in Toli county").isEqualTo(unit + "-654224");
        }
        assertThat(Arrays.stream(ProjectType.values()).map(t -> rules.leadUnit(t.name())).distinct())
                .as("the 19 types are reviewed by 16 bureaus").hasSize(16);
    }

    @Test
    void everyProjectTypeHasALongestPeriodAndInfrastructureMayRunIntoTheNextYear() {
        for (ProjectType type : ProjectType.values()) {
            assertThat(rules.longestPeriodMonths(type.name())).as(type.name()).isBetween(12, 36);
        }
        assertThat(rules.longestPeriodMonths("INDUSTRY")).isEqualTo(12);
        assertThat(rules.longestPeriodMonths("ROADS")).isEqualTo(24);
        assertThat(rules.longestPeriodMonths("MICRO_CREDIT")).as("the loan term, §12").isEqualTo(36);
    }

    @Test
    void theLeadUnitsOfThePlan() {
        assertThat(rules.leadUnit("INDUSTRY")).isEqualTo("agriculture");
        assertThat(rules.leadUnit("TRAINING")).isEqualTo("hrss");
        assertThat(rules.leadUnit("WATER")).isEqualTo("water");
        assertThat(rules.leadUnit("ROADS")).isEqualTo("transport");
        assertThat(rules.leadUnit("HOUSING")).isEqualTo("construction");
        assertThat(rules.leadUnit("BROADBAND")).isEqualTo("commerce");
        assertThat(rules.leadUnit("VILLAGE_APPEARANCE")).isEqualTo("rural_office");
        assertThat(rules.leadUnit("MICRO_CREDIT")).isEqualTo("financial_office");
        assertThat(rules.leadUnit("SOCIAL_ASSISTANCE")).isEqualTo("civil_affairs");
    }

    @Test
    void upToTheThresholdTheCountyOfficeApprovesAboveItTheLeadingGroup() {
        assertThat(rules.approvalLevel(500_000.00)).isEqualTo("county");
        assertThat(rules.approvalLevel(500_000.01)).isEqualTo("leading_group");
        assertThat(rules.approvalLevel(0.01)).isEqualTo("county");
    }

    @Test
    void microCreditAtMost50000YuanPerHousehold() {
        assertThat(rules.microCreditViolations(50_000.00, 36, false)).isEmpty();
        assertThat(rules.microCreditViolations(50_000.01, 36, false)).containsOnlyKeys("amount")
                .hasEntrySatisfying("amount", rule -> assertThat(rule).contains("50,000"));
    }

    @Test
    void microCreditAtMostThreeYears() {
        assertThat(rules.microCreditViolations(10_000, 36, false)).isEmpty();
        assertThat(rules.microCreditViolations(10_000, 37, false)).containsOnlyKeys("loanTermMonths");
    }

    @Test
    void microCreditTakesNoMortgageOrGuaranteeAndNamesEveryBrokenRule() {
        assertThat(rules.microCreditViolations(10_000, 12, true)).containsOnlyKeys("secured");
        assertThat(rules.microCreditViolations(60_000, 48, true)).containsOnlyKeys("amount", "loanTermMonths", "secured");
    }
}
