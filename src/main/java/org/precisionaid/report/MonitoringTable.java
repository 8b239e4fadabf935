package org.precisionaid.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 防返贫监测统计表: the return-to-poverty monitoring cases of a region, for the region itself and each of its townships
 * and villages — open cases by state and category, overdue, with support measures, opened and eliminated in the year —
 * and, for the whole region, cases by channel and open cases by kind of support measure. Read from the registry's
 * {@code monitoring_case} with grouped SQL (ADR 0016); the states are those of now, the counts of the year are by the
 * dates of opening and elimination.
 */
@Component
class MonitoringTable {

    private static final String OPEN = "('REPORTED', 'MONITORED', 'ELIMINATION')";
    static final Map<String, String> CATEGORIES = labels(
            "UNSTABLE", "脱贫不稳定户 / Exited, unstable",
            "MARGINAL", "边缘易致贫户 / Marginal, at risk",
            "SUDDEN_HARDSHIP", "突发严重困难户 / Sudden severe hardship");
    static final Map<String, String> CHANNELS = labels(
            "PUBLIC", "农户自主申报 / The household's own report",
            "CLERK", "村文书发现 / Found by the village clerk",
            "CADRE", "干部走访 / Cadres' visits",
            "ASSESSMENT", "年度考核 / Annual assessment",
            "DEPARTMENT", "部门预警 / Department alert");
    static final Map<String, String> MEASURES = labels(
            "INDUSTRY", "产业帮扶 / Industry",
            "EMPLOYMENT", "就业帮扶 / Employment",
            "HEALTH", "健康帮扶（医疗） / Medical",
            "EDUCATION", "教育帮扶 / Education",
            "HOUSING", "住房安全 / Housing",
            "CREDIT", "小额信贷 / Micro-credit",
            "INSURANCE", "保险保障 / Insurance",
            "SOCIAL_ASSISTANCE", "转介社会救助 / Referral to social assistance");

    /** Counters per village, in this order. */
    private static final List<String> COUNTERS = List.of("openCases", "reported", "monitored", "unstable", "marginal",
            "suddenHardship", "overdue", "withMeasures", "openedInYear", "eliminatedInYear");

    private final JdbcTemplate jdbc;
    private final RegionRows regionRows;

    MonitoringTable(JdbcTemplate jdbc, RegionRows regionRows) {
        this.jdbc = jdbc;
        this.regionRows = regionRows;
    }

    Report report(ReportRequest request, Instant now) {
        Timestamp yearStart = Timestamp.from(LocalDate.of(request.year(), 1, 1).atStartOfDay(ReportRequest.CHINA)
                .toInstant());
        Timestamp yearEnd = request.endOfYear();
        Map<String, long[]> byVillage = new HashMap<>();
        Map<String, long[]> byChannel = new LinkedHashMap<>(); // opened in the year, open now
        CHANNELS.keySet().forEach(channel -> byChannel.put(channel, new long[2]));
        jdbc.query("select x.village_code, x.status, x.category, x.channel, x.overdue, x.measured, x.opened_in_year,"
                + " x.eliminated_in_year, count(*)"
                + " from (select village_code, status, category, channel, overdue,"
                + "   case when measure_kinds is null or measure_kinds = '' then 0 else 1 end as measured,"
                + "   case when opened_at >= ? then 1 else 0 end as opened_in_year,"
                + "   case when eliminated_at >= ? and eliminated_at < ? then 1 else 0 end as eliminated_in_year"
                + "   from monitoring_case where village_code between ? and ? and opened_at < ?) x"
                + " group by x.village_code, x.status, x.category, x.channel, x.overdue, x.measured, x.opened_in_year,"
                + " x.eliminated_in_year", rs -> {
                    String status = rs.getString(2);
                    String category = rs.getString(3);
                    boolean open = status.equals("REPORTED") || status.equals("MONITORED") || status.equals("ELIMINATION");
                    long n = rs.getLong(9);
                    long[] t = byVillage.computeIfAbsent(rs.getString(1), v -> new long[COUNTERS.size()]);
                    if (open) {
                        t[0] += n;
                        t[status.equals("REPORTED") ? 1 : 2] += n;
                        if ("UNSTABLE".equals(category)) {
                            t[3] += n;
                        } else if ("MARGINAL".equals(category)) {
                            t[4] += n;
                        } else if ("SUDDEN_HARDSHIP".equals(category)) {
                            t[5] += n;
                        }
                        if (rs.getBoolean(5) && status.equals("REPORTED")) {
                            t[6] += n;
                        }
                        if (rs.getInt(6) == 1) {
                            t[7] += n;
                        }
                    }
                    if (rs.getInt(7) == 1) {
                        t[8] += n;
                    }
                    if (rs.getInt(8) == 1) {
                        t[9] += n;
                    }
                    long[] c = byChannel.computeIfAbsent(rs.getString(4), k -> new long[2]);
                    if (rs.getInt(7) == 1) {
                        c[0] += n;
                    }
                    if (open) {
                        c[1] += n;
                    }
                }, yearStart, yearStart, yearEnd, request.low(), request.high(), yearEnd);

        Map<String, Long> byMeasure = new LinkedHashMap<>();
        MEASURES.keySet().forEach(kind -> byMeasure.put(kind, 0L));
        jdbc.query("select measure_kinds, count(*) from monitoring_case where village_code between ? and ?"
                + " and status in " + OPEN + " and measure_kinds is not null and opened_at < ? group by measure_kinds",
                rs -> {
                    for (String kind : rs.getString(1).split(",")) {
                        if (!kind.isBlank()) {
                            byMeasure.merge(kind.trim(), rs.getLong(2), Long::sum);
                        }
                    }
                }, request.low(), request.high(), yearEnd);

        List<Map<String, Object>> regions = new ArrayList<>();
        for (RegionRows.Row region : regionRows.within(request)) {
            long[] sum = new long[COUNTERS.size()];
            byVillage.forEach((village, t) -> {
                if (village.startsWith(region.prefix())) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += t[i];
                    }
                }
            });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", region.levelLabel());
            row.put("code", region.code());
            row.put("name", region.name());
            for (int i = 0; i < sum.length; i++) {
                row.put(COUNTERS.get(i), sum[i]);
            }
            regions.add(row);
        }
        List<Map<String, Object>> channels = new ArrayList<>();
        byChannel.forEach((channel, c) -> channels.add(row("channel", CHANNELS.getOrDefault(channel, channel),
                "openedInYear", c[0], "openCases", c[1])));
        List<Map<String, Object>> measures = new ArrayList<>();
        byMeasure.forEach((kind, n) -> measures.add(row("measure", MEASURES.getOrDefault(kind, kind), "openCases", n)));

        int year = request.year();
        Report.Table regionTable = new Report.Table("regions", "分地区监测情况 / Monitoring by region", List.of(
                Report.Column.text("level", "级别 / Level"),
                Report.Column.text("code", "区划代码 / Code"),
                Report.Column.text("name", "名称 / Name"),
                Report.Column.integer("openCases", "在监测户数 / Open cases"),
                Report.Column.integer("reported", "待认定 / Being decided"),
                Report.Column.integer("monitored", "已纳入监测 / Monitored"),
                Report.Column.integer("unstable", CATEGORIES.get("UNSTABLE")),
                Report.Column.integer("marginal", CATEGORIES.get("MARGINAL")),
                Report.Column.integer("suddenHardship", CATEGORIES.get("SUDDEN_HARDSHIP")),
                Report.Column.integer("overdue", "逾期未认定 / Overdue, not decided"),
                Report.Column.integer("withMeasures", "已落实帮扶措施 / With support measures"),
                Report.Column.integer("openedInYear", year + " 年新识别 / Opened in " + year),
                Report.Column.integer("eliminatedInYear", year + " 年风险消除 / Risk eliminated in " + year)), regions);
        Report.Table channelTable = new Report.Table("channels", "按发现渠道 / By channel", List.of(
                Report.Column.text("channel", "发现渠道 / Channel"),
                Report.Column.integer("openedInYear", year + " 年新识别 / Opened in " + year),
                Report.Column.integer("openCases", "在监测户数 / Open cases")), channels);
        Report.Table measureTable = new Report.Table("measures", "按帮扶措施 / By support measure", List.of(
                Report.Column.text("measure", "帮扶措施 / Measure"),
                Report.Column.integer("openCases", "在监测户数 / Open cases")), measures);
        return new Report(ReportName.MONITORING.path(), ReportName.MONITORING.title(), request.ref(), year, now,
                List.of(regionTable, channelTable, measureTable), List.of(
                        "状态为当前状态；新识别、风险消除按其日期计入年度 / States are as of now; opened and eliminated "
                                + "count in the year of their date",
                        "一户可有多项帮扶措施 / A household may have several support measures"), null, null);
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    private static Map<String, String> labels(String... codesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return labels;
    }
}
