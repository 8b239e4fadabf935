package org.precisionaid.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The DMN tables in bpmn/eligibility.dmn, as deployed. */
@IntegrationTest
class EligibilityRulesTest {

    @Autowired
    Eligibility eligibility;

    private Eligibility.Assessment assess(int year, String income, boolean labour, boolean car, boolean business,
            boolean housing, boolean civilServant) {
        return eligibility.assess(year, new BigDecimal(income), labour, car, business, housing, civilServant);
    }

    @Test
    void incomeExactlyAtTheLineIsNotBelowIt() {
        Eligibility.Assessment atLine = assess(2026, "7500.00", true, false, false, false, false);
        assertThat(atLine.classification()).isEqualTo("NOT_ELIGIBLE");
        assertThat(atLine.reason()).contains("not below the poverty line");
        assertThat(atLine.povertyLine()).isEqualByComparingTo("7500");
    }

    @Test
    void oneFenBelowTheLineIsEligible() {
        assertThat(assess(2026, "7499.99", true, false, false, false, false).classification()).isEqualTo("DEVELOPMENT");
    }

    @Test
    void theLineIsThatOfTheIncomeYear() {
        assertThat(assess(2015, "2854.99", true, false, false, false, false).classification()).isEqualTo("DEVELOPMENT");
        assertThat(assess(2015, "2855", true, false, false, false, false).classification()).isEqualTo("NOT_ELIGIBLE");
        assertThat(assess(2015, "100", true, false, false, false, false).povertyLine()).isEqualByComparingTo("2855");
    }

    @Test
    void householdsWithoutLabourAreRoutedToSocialAssistance() {
        Eligibility.Assessment cover = assess(2026, "1200", false, false, false, false, false);
        assertThat(cover.classification()).isEqualTo("SOCIAL_ASSISTANCE");
        assertThat(cover.reason()).contains("social-assistance");
    }

    @Test
    void theNegativeListExcludesWithItsReason() {
        assertThat(assess(2026, "1200", true, true, false, false, false).reason()).contains("owns a car");
        assertThat(assess(2026, "1200", true, false, true, false, false).reason()).contains("registered business");
        assertThat(assess(2026, "1200", true, false, false, true, false).reason()).contains("commercial housing");
        Eligibility.Assessment official = assess(2026, "1200", false, false, false, false, true);
        assertThat(official.classification()).isEqualTo("NOT_ELIGIBLE");
        assertThat(official.reason()).contains("civil servant");
    }

    @Test
    void aYearWithoutALineStopsTheCaseInsteadOfPassingIt() {
        assertThatThrownBy(() -> assess(2009, "100", true, false, false, false, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no line for income year 2009");
    }
}
