package org.precisionaid.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/assistance-scoring.dmn at its band edges, and the seeds' caps applied after it (§22). */
@IntegrationTest
class ScoringRulesTest {

    @Autowired ScoringRules rules;

    /** Figures with the given indicators; one household per 'paired' unless said otherwise. */
    static Figures figures(int paired, int due, int onSchedule, Long prev, Long now, int visits, int objections) {
        return new Figures(paired, due, onSchedule, prev == null ? 0 : 1, prev, now, visits, objections);
    }

    @Test
    void exitsOnSchedule_bandEdges() {
        // income +10 % (30), 12 visits each (20), no objection (10): the on-schedule points are the rest
        assertThat(rules.points(figures(5, 5, 5, 100L, 110L, 60, 0))).isEqualByComparingTo("100");
        assertThat(rules.points(figures(5, 5, 4, 100L, 110L, 60, 0))).as("exactly 80 %").isEqualByComparingTo("90");
        assertThat(rules.points(figures(4, 4, 2, 100L, 110L, 48, 0))).as("exactly 50 %").isEqualByComparingTo("75");
        assertThat(rules.points(figures(5, 5, 2, 100L, 110L, 60, 0))).as("40 %").isEqualByComparingTo("60");
        assertThat(rules.points(figures(5, 0, 0, 100L, 110L, 60, 0))).as("none due: nothing missed")
                .isEqualByComparingTo("100");
    }

    @Test
    void incomeGrowth_bandEdges() {
        // all on schedule (40), 12 visits (20), no objection (10) = 70 + income points
        assertThat(rules.points(figures(1, 1, 1, 1000L, 1100L, 12, 0))).as("exactly 10 %").isEqualByComparingTo("100");
        assertThat(rules.points(figures(1, 1, 1, 1000L, 1099L, 12, 0))).as("9.9 %").isEqualByComparingTo("90");
        assertThat(rules.points(figures(1, 1, 1, 1000L, 1050L, 12, 0))).as("exactly 5 %").isEqualByComparingTo("90");
        assertThat(rules.points(figures(1, 1, 1, 1000L, 1000L, 12, 0))).as("unchanged").isEqualByComparingTo("80");
        assertThat(rules.points(figures(1, 1, 1, 1000L, 999L, 12, 0))).as("falling").isEqualByComparingTo("70");
        assertThat(rules.points(figures(1, 1, 1, null, null, 12, 0))).as("no account").isEqualByComparingTo("70");
    }

    @Test
    void visitsAndObjections_bandEdges() {
        // all on schedule (40), income +10 % (30) = 70 + visits + objections
        assertThat(rules.points(figures(2, 2, 2, 100L, 110L, 12, 0))).as("6 per household").isEqualByComparingTo("94");
        assertThat(rules.points(figures(2, 2, 2, 100L, 110L, 4, 0))).as("2 per household").isEqualByComparingTo("88");
        assertThat(rules.points(figures(2, 2, 2, 100L, 110L, 3, 0))).as("1.5 per household").isEqualByComparingTo("80");
        assertThat(rules.points(figures(1, 1, 1, 100L, 110L, 12, 1))).as("one objection upheld").isEqualByComparingTo("95");
        assertThat(rules.points(figures(1, 1, 1, 100L, 110L, 12, 2))).as("two upheld").isEqualByComparingTo("90");
    }

    @Test
    void ratingBands() {
        assertThat(rules.rateCadre(figures(1, 0, 0, 100L, 110L, 12, 2)).rating()).as("90").isEqualTo("EXCELLENT");
        assertThat(rules.rateCadre(figures(1, 0, 0, 100L, 110L, 12, 1)).rating()).as("95").isEqualTo("EXCELLENT");
        assertThat(rules.rateCadre(figures(4, 4, 2, 100L, 110L, 48, 0)).rating()).as("75").isEqualTo("GOOD");
        assertThat(rules.rateCadre(figures(5, 5, 2, 100L, 110L, 60, 0)).rating()).as("60").isEqualTo("COMPETENT");
        assertThat(rules.rateCadre(figures(1, 1, 1, null, null, 0, 2)).rating()).as("40").isEqualTo("NOT_COMPETENT");
        assertThat(rules.rateUnit(figures(4, 4, 2, 100L, 110L, 48, 0)).pointsRating()).as("75").isEqualTo("GOOD");
        assertThat(rules.rateUnit(figures(1, 0, 0, 100L, 104L, 12, 1)).rating()).as("75, nothing missed")
                .isEqualTo("GOOD");
        assertThat(rules.rateUnit(figures(1, 1, 1, 100L, 99L, 12, 2)).rating()).as("70").isEqualTo("NOT_GOOD");
    }

    @Test
    void aCadreWithAMissedExitIsNeverExcellentWhateverThePoints() {
        ScoringRules.Rating rating = rules.rateCadre(figures(5, 5, 4, 100L, 110L, 60, 0));
        assertThat(rating.points()).isEqualByComparingTo("90");
        assertThat(rating.pointsRating()).isEqualTo("EXCELLENT");
        assertThat(rating.rating()).isEqualTo("GOOD");
        assertThat(rating.capReason()).contains("不能评为优秀").contains("1 household(s)");
        assertThat(rules.rateCadre(figures(5, 5, 5, 100L, 110L, 60, 0)).capReason()).isNull();
    }

    @Test
    void aUnitWithAMissedExitIsNeverGood() {
        ScoringRules.Rating rating = rules.rateUnit(figures(5, 5, 4, 100L, 110L, 60, 0));
        assertThat(rating.pointsRating()).isEqualTo("GOOD");
        assertThat(rating.rating()).isEqualTo("NOT_GOOD");
        assertThat(rating.capReason()).contains("不能评为好");
    }
}
