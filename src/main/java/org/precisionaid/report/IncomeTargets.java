package org.precisionaid.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.precisionaid.identification.Eligibility;
import org.precisionaid.project.Money;
import org.precisionaid.region.RegionLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 农民人均纯收入目标表: per year, the per-capita net income the county aims at against what the income accounts show.
 * The target is the county's own (table {@code income_target}) or, where it set none, the poverty line of the year
 * (DMN {@code povertyLine}); the actual figure is the accounts' income over the people of the households that kept an
 * account that year, by the same rule as {@code IncomeAccounts} (ADR 0016).
 */
@Component
class IncomeTargets {

    static final int YEARS_BACK = 4;

    record Target(long fen, String source) {
    }

    /** Per village and year: households with an account, their income, their people, at/above target, below line. */
    private static final class Sums {
        long households;
        long incomeFen;
        long people;
        long atTarget;
        long belowLine;

        void add(Sums o) {
            households += o.households;
            incomeFen += o.incomeFen;
            people += o.people;
            atTarget += o.atTarget;
            belowLine += o.belowLine;
        }
    }

    private final JdbcTemplate jdbc;
    private final RegionRows regionRows;
    private final Eligibility eligibility;
    private final org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;

    IncomeTargets(JdbcTemplate jdbc, RegionRows regionRows, Eligibility eligibility,
            org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine) {
        this.jdbc = jdbc;
        this.regionRows = regionRows;
        this.eligibility = eligibility;
        this.engine = engine;
    }

    /**
     * The poverty line of a year in fen, or null when the DMN has none for it. Evaluated in an engine command without
     * authorization checks: the official reading the report needs no right on the decision itself.
     */
    Long lineFen(int year) {
        try {
            return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                    () -> Money.fen(eligibility.povertyLine(year))));
        } catch (IllegalStateException e) {
            return null; // no line for that year in the DMN
        }
    }

    Map<String, Target> targets(ReportRequest request, int from, int to) {
        Map<String, Target> targets = new HashMap<>();
        boolean inOneCounty = !request.level().isAbove(RegionLevel.COUNTY);
        String county = inOneCounty ? request.region().getCode().substring(0, 6) + "000000" : null;
        String low = inOneCounty ? county : request.low();
        String high = inOneCounty ? county : request.high();
        jdbc.query("select county_code, target_year, per_capita_net_fen, source from income_target"
                + " where county_code between ? and ? and target_year between ? and ?", rs -> {
                    targets.put(rs.getString(1).substring(0, 6) + ":" + rs.getInt(2),
                            new Target(rs.getLong(3), rs.getString(4)));
                }, low, high, from, to);
        // a township's or village's own target (region_target), under the key of its full code
        jdbc.query("select region_code, target_year, per_capita_net_fen, source from region_target"
                + " where region_code between ? and ? and target_year between ? and ? and per_capita_net_fen is not null",
                rs -> {
                    targets.put(rs.getString(1) + ":" + rs.getInt(2), new Target(rs.getLong(3), rs.getString(4)));
                }, request.low(), request.high(), from, to);
        return targets;
    }

    Report report(ReportRequest request, Instant now) {
        int year = request.year();
        int from = year - YEARS_BACK;
        Map<Integer, Long> lines = new TreeMap<>();
        StringBuilder lineCase = new StringBuilder("case a.account_year");
        for (int y = from; y <= year; y++) {
            Long line = lineFen(y);
            lines.put(y, line);
            if (line != null) {
                lineCase.append(" when ").append(y).append(" then ").append(line.longValue());
            }
        }
        if (lines.values().stream().allMatch(java.util.Objects::isNull)) {
            lineCase.setLength(0);
            lineCase.append("cast(null as bigint)");
        } else {
            lineCase.append(" else null end");
        }
        Map<String, Sums> byVillageYear = new HashMap<>();
        jdbc.query("select a.village_code, a.account_year, count(*), sum(a.income_fen), sum(a.members),"
                + " sum(case when a.members > 0 and a.income_fen >= coalesce(v.per_capita_net_fen, w.per_capita_net_fen,"
                + " t.per_capita_net_fen, " + lineCase
                + ") * a.members then 1 else 0 end),"
                + " sum(case when a.members > 0 and a.income_fen < (" + lineCase + ") * a.members then 1 else 0 end)"
                + " from (select h.village_code, e.account_year, e.household_id,"
                + "   sum(case when e.kind = 'INCOME' then e.amount_fen else 0 end) as income_fen,"
                + "   (select count(*) from household_member m where m.household_id = e.household_id) as members"
                + "   from income_entry e join household h on h.id = e.household_id"
                + "   where e.account_year between ? and ? and h.village_code between ? and ?"
                + "   group by h.village_code, e.account_year, e.household_id) a"
                + " left join income_target t on t.county_code = concat(substring(a.village_code, 1, 6), '000000')"
                + "   and t.target_year = a.account_year"
                + " left join region_target v on v.region_code = a.village_code and v.target_year = a.account_year"
                + " left join region_target w on w.region_code = concat(substring(a.village_code, 1, 9), '000')"
                + "   and w.target_year = a.account_year"
                + " group by a.village_code, a.account_year", rs -> {
                    Sums s = new Sums();
                    s.households = rs.getLong(3);
                    s.incomeFen = rs.getLong(4);
                    s.people = rs.getLong(5);
                    s.atTarget = rs.getLong(6);
                    s.belowLine = rs.getLong(7);
                    byVillageYear.put(rs.getString(1) + ":" + rs.getInt(2), s);
                }, from, year, request.low(), request.high());
        Map<String, Target> targets = targets(request, from, year);
        List<RegionRows.Row> regions = regionRows.within(request);

        // the region's own target: its county's; a city or province region has one only if all its counties agree
        List<Map<String, Object>> yearRows = new ArrayList<>();
        for (int y = from; y <= year; y++) {
            Sums sum = new Sums();
            for (Map.Entry<String, Sums> e : byVillageYear.entrySet()) {
                if (e.getKey().endsWith(":" + y)) {
                    sum.add(e.getValue());
                }
            }
            Target target = targetOf(request.region().getCode(), request.level(), y, targets, regions, lines.get(y));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", y);
            row.put("target", target == null ? null : Money.yuan(target.fen()));
            row.put("targetSource", target == null ? null : target.source());
            row.put("povertyLine", lines.get(y) == null ? null : Money.yuan(lines.get(y)));
            putActuals(row, sum, target);
            yearRows.add(row);
        }
        List<Map<String, Object>> regionRowsOut = new ArrayList<>();
        for (RegionRows.Row region : regions) {
            Sums sum = new Sums();
            for (Map.Entry<String, Sums> e : byVillageYear.entrySet()) {
                if (e.getKey().endsWith(":" + year) && e.getKey().startsWith(region.prefix())) {
                    sum.add(e.getValue());
                }
            }
            Target target = targetOf(region.code(), region.level(), year, targets, regions, lines.get(year));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", region.levelLabel());
            row.put("code", region.code());
            row.put("name", region.name());
            row.put("target", target == null ? null : Money.yuan(target.fen()));
            putActuals(row, sum, target);
            regionRowsOut.add(row);
        }
        Report.Table years = new Report.Table("years", "逐年目标与实绩 / Target and actual year by year", List.of(
                Report.Column.year("year", "年度 / Year"),
                Report.Column.yuan("target", "人均纯收入目标（元） / Per-capita net income target (yuan)"),
                Report.Column.text("targetSource", "目标来源 / Target set by"),
                Report.Column.yuan("povertyLine", "贫困线（元） / Poverty line (yuan)"),
                Report.Column.integer("households", "建立收支台账户数 / Households with an account"),
                Report.Column.integer("people", "人数 / People"),
                Report.Column.yuan("actual", "实际人均纯收入（元） / Actual per-capita net income (yuan)"),
                Report.Column.percent("achievement", "目标完成率 / Actual ÷ target"),
                Report.Column.integer("atTarget", "达到目标户数 / Households at or above target"),
                Report.Column.integer("belowLine", "低于贫困线户数 / Households below the line")), yearRows);
        Report.Table byRegion = new Report.Table("regions", "分地区 " + year + " 年 / " + year + " by region", List.of(
                Report.Column.text("level", "级别 / Level"),
                Report.Column.text("code", "区划代码 / Code"),
                Report.Column.text("name", "名称 / Name"),
                Report.Column.yuan("target", "人均纯收入目标（元） / Target (yuan)"),
                Report.Column.integer("households", "建立收支台账户数 / Households with an account"),
                Report.Column.integer("people", "人数 / People"),
                Report.Column.yuan("actual", "实际人均纯收入（元） / Actual (yuan)"),
                Report.Column.percent("achievement", "目标完成率 / Actual ÷ target"),
                Report.Column.integer("atTarget", "达到目标户数 / At or above target"),
                Report.Column.integer("belowLine", "低于贫困线户数 / Below the line")), regionRowsOut);
        return new Report(ReportName.INCOME_TARGETS.path(), ReportName.INCOME_TARGETS.title(), request.ref(), year, now,
                List.of(years, byRegion), List.of(
                        "实际人均纯收入 = 各户收支台账的收入合计 ÷ 这些户的人数（与识别时同一口径） / Actual = the income lines of"
                                + " the households' accounts over their members (the identification rule)",
                        "县未设定目标的年度以当年贫困线为目标 / Where the county set no target for a year, the poverty line"
                                + " of that year is the target",
                        "乡镇、村另有目标的，按其目标计 / A township or village with a target of its own is measured"
                                + " against it"), null, null);
    }

    private static void putActuals(Map<String, Object> row, Sums sum, Target target) {
        BigDecimal actual = sum.people == 0 ? null : Money.yuan(sum.incomeFen).divide(BigDecimal.valueOf(sum.people), 2,
                RoundingMode.HALF_UP);
        row.put("households", sum.households);
        row.put("people", sum.people);
        row.put("actual", actual);
        row.put("achievement", actual == null || target == null ? null
                : actual.divide(Money.yuan(target.fen()), 4, RoundingMode.HALF_UP));
        row.put("atTarget", sum.atTarget);
        row.put("belowLine", sum.belowLine);
    }

    /**
     * The target of a region: its own (a township or village), else its township's, else its county's for the year,
     * else the poverty line; above county level only if shared.
     */
    private static Target targetOf(String code, RegionLevel level, int year, Map<String, Target> targets,
            List<RegionRows.Row> regions, Long lineFen) {
        Target line = lineFen == null ? null : new Target(lineFen, "贫困线 / poverty line");
        if (!level.isAbove(RegionLevel.COUNTY)) {
            Target own = level == RegionLevel.COUNTY ? null : targets.get(code + ":" + year);
            Target township = level == RegionLevel.VILLAGE ? targets.get(code.substring(0, 9) + "000:" + year) : null;
            return own != null ? own : township != null ? township
                    : targets.getOrDefault(code.substring(0, 6) + ":" + year, line);
        }
        Target shared = null;
        for (RegionRows.Row county : regions) {
            if (county.level() == RegionLevel.COUNTY && county.code().startsWith(code.substring(0,
                    level.significantDigits()))) {
                Target t = targets.getOrDefault(county.prefix() + ":" + year, line);
                if (shared != null && (t == null || t.fen() != shared.fen())) {
                    return null;
                }
                shared = t;
            }
        }
        return shared;
    }
}
