package org.precisionaid.inspection;

import java.util.List;
import java.util.Map;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the inspector's and the township's forms show at the top: the facts of the file the case is checked against.
 * Never an ID number or a phone (the inspector reads the file itself under {@code /api/households/{no}}).
 */
@Component
class InspectionSummaries {

    private final HouseholdService households;
    private final RegionService regions;
    private final JdbcTemplate jdbc;

    InspectionSummaries(HouseholdService households, RegionService regions, JdbcTemplate jdbc) {
        this.households = households;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    /** One line for the task list: which household, in which village. */
    String label(InspectionSample sample) {
        Household household = households.get(sample.getHouseholdId());
        return "户 / Household " + household.getApplicationNo() + " · " + regions.get(sample.getVillageCode()).label();
    }

    String ofSample(InspectionSample sample, int year) {
        Household household = households.get(sample.getHouseholdId());
        String head = household.head() == null ? "?" : household.head().getName();
        StringBuilder text = new StringBuilder()
                .append("**户号 / Household:** ").append(household.getApplicationNo())
                .append(" · **户主 / Head:** ").append(head)
                .append(" · **人口 / Members:** ").append(household.getMembers().size())
                .append(" · **村 / Village:** ").append(regions.get(sample.getVillageCode()).label())
                .append("\n\n**状态 / Status:** ").append(household.getStatus().label())
                .append(" · **人均纯收入 / Per-capita net income:** ").append(household.getPerCapitaIncome())
                .append(" (").append(household.getIncomeYear()).append(")")
                .append(" · **住房 / Housing:** ").append(household.getHousingSafety())
                .append(" · **饮水 / Water:** ").append(household.getDrinkingWater());
        List<Map<String, Object>> pairing = jdbc.queryForList("""
                select c.name as cadre, u.name as unit from pairing p join cadre c on c.id = p.cadre_id
                join assisting_unit u on u.id = p.unit_id where p.household_id = ? and p.ended_at is null""",
                sample.getHouseholdId());
        if (pairing.isEmpty()) {
            text.append("\n\n**帮扶干部 / Cadre:** 无 / none");
        } else {
            text.append("\n\n**帮扶干部 / Cadre:** ").append(pairing.get(0).get("cadre"))
                    .append(" · **帮扶单位 / Unit:** ").append(pairing.get(0).get("unit"));
        }
        Integer visits = jdbc.queryForObject("select count(*) from visit where household_id = ? and visit_date >= ? "
                + "and visit_date <= ?", Integer.class, sample.getHouseholdId(),
                java.sql.Date.valueOf(year + "-01-01"), java.sql.Date.valueOf(year + "-12-31"));
        text.append(" · **").append(year).append("年走访 / Visits in ").append(year).append(":** ").append(visits);
        return text.toString();
    }

    String ofFinding(InspectionFinding finding) {
        Household household = households.get(finding.getHouseholdId());
        String head = household.head() == null ? "?" : household.head().getName();
        return "**问题 / Finding:** " + finding.getFindingNo() + " · **类型 / Kind:** " + finding.getKind().label()
                + " · **程度 / Severity:** " + finding.getSeverity().label() + " · **责任 / Responsible:** "
                + finding.getResponsible().label()
                + "\n\n**户号 / Household:** " + household.getApplicationNo() + " · **户主 / Head:** " + head
                + " · **村 / Village:** " + regions.get(finding.getVillageCode()).label()
                + (finding.getResponsible() == InspectionFinding.Responsible.UNIT
                        && finding.getRectifier() == InspectionFinding.Rectifier.TOWNSHIP
                        ? "\n\n**由乡镇整改 / The township rectifies:** 帮扶单位尚无联络员 / the assisting unit has no "
                                + "liaison yet" : "")
                + "\n\n**问题描述 / What was found:** " + finding.getDescription()
                + (finding.getReturns() > 0 && finding.getCloseComment() != null
                        ? "\n\n**退回意见 / Returned because:** " + finding.getCloseComment() : "");
    }
}
