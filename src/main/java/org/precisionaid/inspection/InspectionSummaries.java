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
        if (sample.isProject()) {
            Map<String, Object> project = jdbc.queryForMap("select project_no, name from project where id = ?",
                    sample.getProjectId());
            return "项目 / Project " + project.get("project_no") + " " + project.get("name") + " · "
                    + regions.get(sample.getVillageCode()).label();
        }
        Household household = households.get(sample.getHouseholdId());
        return "户 / Household " + household.getApplicationNo() + " · " + regions.get(sample.getVillageCode()).label();
    }

    String ofSample(InspectionSample sample, int year) {
        if (sample.isProject()) {
            return ofProject(sample.getProjectId());
        }
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

    /**
     * A project's file as an on-site check holds it against: the plan, the funds allocated and disbursed (the ledger),
     * the outputs declared, the disclosure and the number of beneficiaries — never a beneficiary's name or number.
     */
    String ofProject(long projectId) {
        Map<String, Object> p = jdbc.queryForMap("""
                select project_no, name, project_type, region_code, implementing_unit, period_start, period_end,
                fund_year, total_fen, status, disclosure_ends, progress_percent from project where id = ?""", projectId);
        Map<String, Object> ledger = jdbc.queryForMap("""
                select coalesce(sum(case when entry_type = 'ALLOCATION' then amount_fen end), 0) as allocated,
                coalesce(sum(case when entry_type = 'DISBURSEMENT' then amount_fen end), 0) as disbursed
                from project_ledger where project_id = ?""", projectId);
        Integer beneficiaries = jdbc.queryForObject("select count(*) from project_beneficiary where project_id = ?",
                Integer.class, projectId);
        StringBuilder outputs = new StringBuilder();
        jdbc.query("select description, quantity, unit from project_output where project_id = ? order by position",
                row -> {
                    outputs.append(outputs.isEmpty() ? "" : "；").append(row.getString(1)).append(" ")
                            .append(row.getBigDecimal(2).stripTrailingZeros().toPlainString()).append(" ")
                            .append(row.getString(3));
                }, projectId);
        return "**项目 / Project:** " + p.get("project_no") + " " + p.get("name") + " · **类型 / Type:** "
                + p.get("project_type") + " · **地点 / Region:** " + regions.get((String) p.get("region_code")).label()
                + "\n\n**实施单位 / Implemented by:** " + p.get("implementing_unit") + " · **计划 / Plan:** "
                + p.get("period_start") + " – " + p.get("period_end") + " · **资金年度 / Fund year:** " + p.get("fund_year")
                + " · **总投资 / Total:** " + yuan(p.get("total_fen")) + " 元 / yuan"
                + "\n\n**已下达 / Allocated:** " + yuan(ledger.get("allocated")) + " · **已拨付 / Disbursed:** "
                + yuan(ledger.get("disbursed")) + " 元 / yuan (台账 / ledger) · **状态 / Status:** "
                + org.precisionaid.project.ProjectCodes.Status.valueOf((String) p.get("status")).label()
                + " · **进度 / Progress:** " + p.get("progress_percent") + " %"
                + "\n\n**申报产出 / Outputs declared:** " + (outputs.isEmpty() ? "无 / none" : outputs)
                + "\n\n**公告公示 / Disclosure:** " + (p.get("disclosure_ends") == null ? "未公示 / not published"
                        : "已公示至 / published until " + p.get("disclosure_ends"))
                + " · **受益户数 / Beneficiary households:** " + beneficiaries;
    }

    private static String yuan(Object fen) {
        return java.math.BigDecimal.valueOf(((Number) fen).longValue(), 2).toPlainString();
    }

    String ofFinding(InspectionFinding finding) {
        if (finding.getProjectId() != null) {
            Map<String, Object> project = jdbc.queryForMap("select project_no, name from project where id = ?",
                    finding.getProjectId());
            return "**问题 / Finding:** " + finding.getFindingNo() + " · **类型 / Kind:** " + finding.getKind().label()
                    + " · **程度 / Severity:** " + finding.getSeverity().label() + " · **责任 / Responsible:** "
                    + finding.getResponsible().label()
                    + "\n\n**项目 / Project:** " + project.get("project_no") + " " + project.get("name")
                    + " · **地点 / Region:** " + regions.get(finding.getVillageCode()).label()
                    + "\n\n**问题描述 / What was found:** " + finding.getDescription()
                    + (finding.getReturns() > 0 && finding.getCloseComment() != null
                            ? "\n\n**退回意见 / Returned because:** " + finding.getCloseComment() : "");
        }
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
