package org.precisionaid.village;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/village-exit.dmn at its boundaries: "below 3 %" excludes 3 %, "50,000 yuan or more" (以上) includes 50,000. */
@IntegrationTest
class VillageExitRulesTest {

    static final String TACHENG_VILLAGE = "654224101201";
    static final String BEIJING_VILLAGE = "110101001001";

    @Autowired VillageExitRules rules;

    static VillageExitRules.Figures figures(String village, long poor, int agricultural, long income, boolean broadband) {
        return new VillageExitRules.Figures(village, poor, agricultural, income, true, true, true, broadband, true,
                false, false);
    }

    @Test
    void incidenceExactlyThreePercentIsNotBelowTheThreshold() {
        VillageExitRules.Check check = rules.check(figures(TACHENG_VILLAGE, 12, 400, 60_000, true));
        assertThat(check.incidence()).isEqualByComparingTo("0.03");
        assertThat(check.maxIncidence()).isEqualByComparingTo("0.03");
        assertThat(check.eligible()).isFalse();
        assertThat(check.shortfalls()).extracting(VillageExitRules.Shortfall::criterion).containsExactly("INCIDENCE");
        assertThat(check.shortfallText()).contains("贫困发生率未低于门槛");
    }

    @Test
    void justBelowThreePercentWithEverythingElseMetIsEligible() {
        VillageExitRules.Check check = rules.check(figures(TACHENG_VILLAGE, 11, 400, 60_000, true));
        assertThat(check.incidence()).isEqualByComparingTo("0.0275");
        assertThat(check.eligible()).isTrue();
        assertThat(check.thresholdSource()).contains("Tacheng");
    }

    @Test
    void collectiveIncomeOfExactlyFiftyThousandYuanIsEnoughAndOneYuanLessIsNot() {
        assertThat(rules.check(figures(TACHENG_VILLAGE, 0, 400, 50_000, true)).eligible()).isTrue();
        VillageExitRules.Check short1 = rules.check(figures(TACHENG_VILLAGE, 0, 400, 49_999, true));
        assertThat(short1.eligible()).isFalse();
        assertThat(short1.minCollectiveIncomeYuan()).isEqualTo(50_000);
        assertThat(short1.shortfalls()).extracting(VillageExitRules.Shortfall::criterion)
                .containsExactly("COLLECTIVE_INCOME");
    }

    @Test
    void everyUnmetConditionIsNamedAtOnce() {
        VillageExitRules.Check check = rules.check(new VillageExitRules.Figures(TACHENG_VILLAGE, 20, 400, 10_000,
                false, false, false, false, false, true, true));
        assertThat(check.shortfalls()).extracting(VillageExitRules.Shortfall::criterion).containsExactlyInAnyOrder(
                "INCIDENCE", "COLLECTIVE_INCOME", "ROAD", "DRINKING_WATER", "ELECTRICITY", "BROADBAND", "CLINIC");
    }

    @Test
    void noBroadbandKeepsTheVillageInPoverty() {
        VillageExitRules.Check check = rules.check(figures(TACHENG_VILLAGE, 0, 400, 80_000, false));
        assertThat(check.shortfalls()).extracting(VillageExitRules.Shortfall::reason).containsExactly(
                "未通宽带 / No broadband");
    }

    @Test
    void outsideTheWesternRegionTheThresholdIsTwoPercent() {
        VillageExitRules.Check atTwo = rules.check(figures(BEIJING_VILLAGE, 8, 400, 60_000, true));
        assertThat(atTwo.maxIncidence()).isEqualByComparingTo("0.02");
        assertThat(atTwo.eligible()).isFalse();
        assertThat(rules.check(figures(BEIJING_VILLAGE, 7, 400, 60_000, true)).eligible()).isTrue();
        // the same 2.5 % passes in Xinjiang (western region, 3 %)
        assertThat(rules.check(figures("654301001001", 10, 400, 60_000, true)).eligible()).isTrue();
    }
}
