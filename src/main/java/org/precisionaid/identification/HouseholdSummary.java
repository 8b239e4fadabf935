package org.precisionaid.identification;

import java.text.DecimalFormat;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Codes.Cause;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.Member;
import org.springframework.stereotype.Component;

/** The few lines every reviewer reads at the top of his form (Markdown, one small variable). */
@Component
public class HouseholdSummary {

    private final RegionService regions;

    public HouseholdSummary(RegionService regions) {
        this.regions = regions;
    }

    public String of(Household household, Eligibility.Assessment assessment) {
        Region village = regions.get(household.getVillageCode());
        Member head = household.head();
        DecimalFormat yuan = new DecimalFormat("#,##0.00");
        String causes = Arrays.stream(household.getCauses().split(","))
                .map(code -> Cause.valueOf(code).label()).collect(Collectors.joining("；"));
        return """
                **户主 / Head:** %s · **人口 / Members:** %d · **%s** %s
                **人均纯收入 / Per-capita net income (%d):** %s 元 · **贫困线 / Poverty line:** %s 元
                **致贫原因 / Causes:** %s · **住房 / Housing:** %s · **饮水 / Water:** %s
                **预审结论 / Pre-screen:** %s — %s""".formatted(
                head == null ? "?" : head.getName(), household.getMembers().size(), village.label(),
                household.getVillageGroup(), household.getIncomeYear(), yuan.format(household.getPerCapitaIncome()),
                yuan.format(assessment.povertyLine()), causes, household.getHousingSafety().label(),
                household.getDrinkingWater().label(), assessment.classification(), assessment.reason());
    }
}
