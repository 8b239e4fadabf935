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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 减贫任务表: exits planned per year (the time limit on each household's file card) against exits achieved (the
 * registry's exit year), for the region year by year and for each of its townships and villages in the chosen year.
 */
@Component
class ReductionTasks {

    /** Years shown around the chosen one. */
    static final int YEARS_BACK = 5;
    static final int YEARS_AHEAD = 3;

    private final JdbcTemplate jdbc;
    private final RegionRows regionRows;

    ReductionTasks(JdbcTemplate jdbc, RegionRows regionRows) {
        this.jdbc = jdbc;
        this.regionRows = regionRows;
    }

    /** Per village and planned year: households, people, those exited by their planned year, those not exited by Y. */
    private record Planned(String village, int plannedYear, long households, long people, long exitedOnTime,
                           long notExitedByYear) {
    }

    private record Achieved(String village, int exitYear, long households, long people) {
    }

    Report report(ReportRequest request, Instant now) {
        int year = request.year();
        List<Planned> planned = jdbc.query("select x.village_code, x.planned_exit_year, count(*), sum(x.members),"
                + " sum(case when x.exit_year is not null and x.exit_year <= x.planned_exit_year then 1 else 0 end),"
                + " sum(case when x.exit_year is null or x.exit_year > ? then 1 else 0 end)"
                + " from (select h.village_code, f.planned_exit_year, h.exit_year,"
                + "   (select count(*) from household_member m where m.household_id = h.id) as members"
                + "   from household h join file_card f on f.household_id = h.id"
                + "   where h.status in ('REGISTERED', 'EXITED') and h.village_code between ? and ? offset 0) x"
                + " group by x.village_code, x.planned_exit_year",
                (rs, i) -> new Planned(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)), year, request.low(), request.high());
        List<Achieved> achieved = jdbc.query("select x.village_code, x.exit_year, count(*), sum(x.members)"
                + " from (select h.village_code, h.exit_year,"
                + "   (select count(*) from household_member m where m.household_id = h.id) as members"
                + "   from household h where h.status in ('REGISTERED', 'EXITED') and h.village_code between ? and ?"
                + "   and h.exit_year is not null) x"
                + " group by x.village_code, x.exit_year",
                (rs, i) -> new Achieved(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)),
                request.low(), request.high());

        // the tasks the county office set (region_target): of each region in the chosen year, and of the report's
        // region year by year (a city or province: its counties' tasks added up)
        Map<String, Integer> taskOf = new HashMap<>();
        jdbc.query("select region_code, exit_households from region_target where target_year = ? and region_code"
                + " between ? and ? and exit_households is not null", rs -> {
                    taskOf.put(rs.getString(1), rs.getInt(2));
                }, year, request.low(), request.high());
        Map<Integer, Long> taskByYear = new HashMap<>();
        boolean aboveCounty = request.level().isAbove(org.precisionaid.region.RegionLevel.COUNTY);
        Object[] whose = aboveCounty ? new Object[] {request.low(), request.high()}
                : new Object[] {request.region().getCode()};
        Object[] args = new Object[whose.length + 2];
        args[0] = year - YEARS_BACK;
        args[1] = year + YEARS_AHEAD;
        System.arraycopy(whose, 0, args, 2, whose.length);
        jdbc.query("select target_year, sum(exit_households) from region_target where exit_households is not null"
                + " and target_year between ? and ? and " + (aboveCounty
                        ? "region_level = 'COUNTY' and region_code between ? and ?" : "region_code = ?")
                + " group by target_year", rs -> {
                    taskByYear.put(rs.getInt(1), rs.getLong(2));
                }, args);
        TreeMap<Integer, long[]> byYear = new TreeMap<>(); // planned hh, planned people, exited hh, exited people, on time
        for (int y = year - YEARS_BACK; y <= year + YEARS_AHEAD; y++) {
            byYear.put(y, new long[5]);
        }
        for (Planned p : planned) {
            long[] t = byYear.get(p.plannedYear());
            if (t != null) {
                t[0] += p.households();
                t[1] += p.people();
                t[4] += p.exitedOnTime();
            }
        }
        for (Achieved a : achieved) {
            long[] t = byYear.get(a.exitYear());
            if (t != null) {
                t[2] += a.households();
                t[3] += a.people();
            }
        }
        List<Map<String, Object>> yearRows = new ArrayList<>();
        byYear.forEach((y, t) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", y);
            row.put("taskHouseholds", taskByYear.get(y));
            row.put("plannedHouseholds", t[0]);
            row.put("plannedPeople", t[1]);
            row.put("exitedHouseholds", t[2]);
            row.put("exitedPeople", t[3]);
            row.put("exitedOnTime", t[4]);
            row.put("rate", rate(t[4], t[0]));
            yearRows.add(row);
        });

        Map<String, long[]> byVillage = new HashMap<>(); // planned Y, exited in Y, planned Y exited on time, overdue
        for (Planned p : planned) {
            long[] t = byVillage.computeIfAbsent(p.village(), v -> new long[4]);
            if (p.plannedYear() == year) {
                t[0] += p.households();
                t[2] += p.exitedOnTime();
            }
            if (p.plannedYear() <= year) {
                t[3] += p.notExitedByYear();
            }
        }
        for (Achieved a : achieved) {
            if (a.exitYear() == year) {
                byVillage.computeIfAbsent(a.village(), v -> new long[4])[1] += a.households();
            }
        }
        List<Map<String, Object>> regionRowsOut = new ArrayList<>();
        for (RegionRows.Row region : regionRows.within(request)) {
            long[] sum = new long[4];
            byVillage.forEach((village, t) -> {
                if (village.startsWith(region.prefix())) {
                    for (int i = 0; i < 4; i++) {
                        sum[i] += t[i];
                    }
                }
            });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", region.levelLabel());
            row.put("code", region.code());
            row.put("name", region.name());
            row.put("taskHouseholds", taskOf.get(region.code()));
            row.put("plannedHouseholds", sum[0]);
            row.put("exitedHouseholds", sum[1]);
            row.put("exitedOnTime", sum[2]);
            row.put("overdue", sum[3]);
            row.put("rate", rate(sum[2], sum[0]));
            regionRowsOut.add(row);
        }
        Report.Table years = new Report.Table("years", "逐年减贫任务 / Tasks year by year", List.of(
                Report.Column.year("year", "年度 / Year"),
                Report.Column.integer("taskHouseholds", "下达减贫任务（户） / Task set (households)"),
                Report.Column.integer("plannedHouseholds", "计划脱贫户数 / Planned exits (households)"),
                Report.Column.integer("plannedPeople", "计划脱贫人数 / Planned exits (people)"),
                Report.Column.integer("exitedHouseholds", "实际脱贫户数 / Exits achieved (households)"),
                Report.Column.integer("exitedPeople", "实际脱贫人数 / Exits achieved (people)"),
                Report.Column.integer("exitedOnTime", "按期脱贫户数 / Planned that year, exited by then"),
                Report.Column.percent("rate", "完成率 / Completion")), yearRows);
        Report.Table regions = new Report.Table("regions", "分地区 " + year + " 年任务 / " + year + " by region", List.of(
                Report.Column.text("level", "级别 / Level"),
                Report.Column.text("code", "区划代码 / Code"),
                Report.Column.text("name", "名称 / Name"),
                Report.Column.integer("taskHouseholds", "下达减贫任务（户） / Task set (households)"),
                Report.Column.integer("plannedHouseholds", "计划脱贫户数 / Planned exits"),
                Report.Column.integer("exitedHouseholds", "实际脱贫户数 / Exits achieved"),
                Report.Column.integer("exitedOnTime", "按期脱贫户数 / Planned and exited on time"),
                Report.Column.integer("overdue", "逾期未脱贫户数 / Overdue (planned by then, not exited)"),
                Report.Column.percent("rate", "完成率 / Completion")), regionRowsOut);
        return new Report(ReportName.REDUCTION_TASKS.path(), ReportName.REDUCTION_TASKS.title(), request.ref(), year,
                now, List.of(years, regions), List.of(
                        "计划：建档立卡时确定的脱贫时限；实际：销号年度 / Planned: the time limit set on the file card;"
                                + " achieved: the year the household left the register",
                        "下达任务：县扶贫办分解到乡镇、村的年度减贫任务 / Task set: the year's task the county office broke"
                                + " down to its townships and villages",
                        "完成率 = 按期脱贫户数 ÷ 计划脱贫户数 / Completion = exited by the planned year ÷ planned"),
                null, null);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
