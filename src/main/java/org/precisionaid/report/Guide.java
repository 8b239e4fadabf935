package org.precisionaid.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.assistance.MeasureType;
import org.precisionaid.project.Money;
import org.precisionaid.registry.Codes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 扶贫明细手册: for each registered household of the region, its responsible cadre and assisting unit, its measures
 * (the file card's plan and what the cadres' ledger records), the projects it benefits from, and its per-capita net
 * income over the last years from its account. Read page by page; the Excel file holds every household. No ID number
 * or phone is in it.
 */
@Component
class Guide {

    static final int MAX_PAGE_SIZE = 500;
    static final int TREND_YEARS = 3;

    private final JdbcTemplate jdbc;
    private final IncomeAccounts accounts;

    Guide(JdbcTemplate jdbc, IncomeAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    private static final String FROM = " from household h join file_card f on f.household_id = h.id"
            + " where h.status in ('REGISTERED', 'EXITED') and h.village_code between ? and ?";

    long count(ReportRequest request) {
        Long n = jdbc.queryForObject("select count(*)" + FROM, Long.class, request.low(), request.high());
        return n == null ? 0 : n;
    }

    List<Map<String, Object>> page(ReportRequest request, int page, int size) {
        return rows(request, null, size, (long) page * size);
    }

    /**
     * A page of households in (village, application number) order: after the given household (keyset, for reading a
     * whole county without re-sorting what was read) or at an offset (the page the caller asked for).
     */
    private List<Map<String, Object>> rows(ReportRequest request, String[] after, int size, long offset) {
        List<Long> ids = new ArrayList<>();
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        jdbc.query("select h.id, h.application_no, h.village_code, r.name_zh, h.status, h.classification,"
                + " h.exit_year, f.card_no, f.support_measures, f.planned_exit_year,"
                + " coalesce(c.name, f.responsible_cadre), coalesce(u.name, f.assisting_unit),"
                + " (select min(m.name) from household_member m where m.household_id = h.id and m.relation = 'HEAD'),"
                + " (select count(*) from household_member m where m.household_id = h.id)"
                + " from household h join file_card f on f.household_id = h.id"
                + " join region r on r.code = h.village_code"
                + " left join cadre c on c.id = f.cadre_id"
                + " left join assisting_unit u on u.id = coalesce(f.assisting_unit_id, c.unit_id)"
                + " where h.status in ('REGISTERED', 'EXITED') and h.village_code between ? and ?"
                + (after == null ? "" : " and (h.village_code > ? or (h.village_code = ? and h.application_no > ?))")
                + " order by h.village_code, h.application_no limit ? offset ?", rs -> {
                    long id = rs.getLong(1);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("applicationNo", rs.getString(2));
                    row.put("villageCode", rs.getString(3));
                    row.put("village", rs.getString(4));
                    row.put("head", rs.getString(13));
                    row.put("members", rs.getInt(14));
                    row.put("status", Codes.Status.valueOf(rs.getString(5)).label());
                    String classification = rs.getString(6);
                    row.put("classification", classification == null ? null
                            : Distribution.DEVELOPMENT.equals(classification) ? "发展生产扶持 / Development support"
                            : Distribution.SOCIAL_ASSISTANCE.equals(classification) ? "社会保障兜底 / Social-assistance cover"
                            : classification);
                    row.put("cardNo", rs.getString(8));
                    row.put("cadre", rs.getString(11));
                    row.put("unit", rs.getString(12));
                    row.put("supportMeasures", rs.getString(9));
                    row.put("measuresDelivered", null);
                    row.put("projects", null);
                    row.put("plannedExitYear", rs.getInt(10));
                    row.put("exitYear", rs.getObject(7));
                    ids.add(id);
                    rows.put(id, row);
                }, after == null ? new Object[] {request.low(), request.high(), size, offset}
                        : new Object[] {request.low(), request.high(), after[0], after[0], after[1], size, 0});
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", ids.stream().map(id -> "?").toList());
        Map<Long, List<String>> measures = new HashMap<>();
        jdbc.query("select household_id, measure_type, count(*) from visit where household_id in (" + marks + ")"
                + " group by household_id, measure_type order by household_id, measure_type", rs -> {
                    measures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(MeasureType.valueOf(rs.getString(2)).label() + " ×" + rs.getLong(3));
                }, ids.toArray());
        Map<Long, List<String>> projects = new HashMap<>();
        jdbc.query("select b.household_id, p.project_no, p.name, b.benefit, b.amount_fen from project_beneficiary b"
                + " join project p on p.id = b.project_id where b.household_id in (" + marks + ")"
                + " and p.status <> 'REJECTED' order by b.household_id, p.project_no", rs -> {
                    long amount = rs.getLong(5);
                    boolean noAmount = rs.wasNull();
                    projects.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + " "
                            + rs.getString(3) + "：" + rs.getString(4) + (noAmount ? "" : "（" + Money.yuan(amount) + " 元）"));
                }, ids.toArray());
        Map<String, String[]> stationed = new HashMap<>();
        jdbc.query("select t.village_code, u.name, r.name_zh,"
                + " (select min(c.name) from work_team_member m join cadre c on c.id = m.cadre_id"
                + "  where m.team_id = t.id and m.leader = true and m.ended_on is null),"
                + " (select min(c.name) from work_team_member m join cadre c on c.id = m.cadre_id"
                + "  where m.team_id = t.id and m.first_secretary = true and m.ended_on is null)"
                + " from work_team t join assisting_unit u on u.id = t.unit_id join region r on r.code = t.village_code"
                + " where t.current_village between ? and ?", rs -> {
                    stationed.put(rs.getString(1), new String[] {rs.getString(2) + "驻" + rs.getString(3) + "工作队"
                            + (rs.getString(4) == null ? "" : "（队长 " + rs.getString(4) + "）"), rs.getString(5)});
                }, request.low(), request.high());
        for (Map<String, Object> row : rows.values()) {
            String[] team = stationed.get((String) row.get("villageCode"));
            row.put("workTeam", team == null ? null : team[0]);
            row.put("firstSecretary", team == null ? null : team[1]);
        }
        int year = request.year();
        for (int y = year - TREND_YEARS + 1; y <= year; y++) {
            Map<Long, Long> income = accounts.perCapitaNetFen(ids, y);
            for (Map.Entry<Long, Map<String, Object>> e : rows.entrySet()) {
                Long fen = income.get(e.getKey());
                e.getValue().put("income" + y, fen == null ? null : Money.yuan(fen));
            }
        }
        for (Map.Entry<Long, Map<String, Object>> e : rows.entrySet()) {
            List<String> m = measures.get(e.getKey());
            e.getValue().put("measuresDelivered", m == null ? null : String.join("；", m));
            List<String> p = projects.get(e.getKey());
            e.getValue().put("projects", p == null ? null : String.join("；", p));
        }
        return new ArrayList<>(rows.values());
    }

    List<Report.Column> columns(int year) {
        List<Report.Column> columns = new ArrayList<>(List.of(
                Report.Column.text("applicationNo", "申请编号 / Application"),
                Report.Column.text("village", "村 / Village"),
                Report.Column.text("head", "户主 / Head of household"),
                Report.Column.integer("members", "人口 / Members"),
                Report.Column.text("status", "状态 / Status"),
                Report.Column.text("classification", "扶持类别 / Classification"),
                Report.Column.text("cadre", "帮扶责任人 / Responsible cadre"),
                Report.Column.text("unit", "帮扶单位 / Assisting unit"),
                Report.Column.text("workTeam", "驻村工作队 / Village work team"),
                Report.Column.text("firstSecretary", "第一书记 / First secretary"),
                Report.Column.text("supportMeasures", "帮扶计划 / Support plan"),
                Report.Column.text("measuresDelivered", "已落实措施 / Measures delivered"),
                Report.Column.text("projects", "受益项目 / Projects benefiting it"),
                Report.Column.year("plannedExitYear", "计划脱贫年度 / Planned exit"),
                Report.Column.year("exitYear", "脱贫年度 / Exited")));
        for (int y = year - TREND_YEARS + 1; y <= year; y++) {
            columns.add(Report.Column.yuan("income" + y, y + " 人均纯收入（元） / " + y + " per-capita net income (yuan)"));
        }
        return columns;
    }

    Report report(ReportRequest request, int page, int size, Instant now) {
        long total = count(request);
        return new Report(ReportName.GUIDE.path(), ReportName.GUIDE.title(), request.ref(), request.year(), now,
                List.of(new Report.Table("households", ReportName.GUIDE.title(), columns(request.year()),
                        page(request, page, size))), notes(), null, new Report.Page(page, size, total));
    }

    /** Every household of the region, page after page, for the Excel file. */
    void all(ReportRequest request, Consumer<List<Map<String, Object>>> consumer) {
        String[] after = null;
        while (true) {
            List<Map<String, Object>> rows = rows(request, after, MAX_PAGE_SIZE, 0);
            if (!rows.isEmpty()) {
                consumer.accept(rows);
                Map<String, Object> last = rows.get(rows.size() - 1);
                after = new String[] {(String) last.get("villageCode"), (String) last.get("applicationNo")};
            }
            if (rows.size() < MAX_PAGE_SIZE) {
                return;
            }
        }
    }

    static List<String> notes() {
        return List.of("收入为收支台账的人均纯收入，空白表示当年未建账 / Income: per-capita net income from the household's"
                + " account; empty where no account was kept that year",
                "不含身份证号和电话 / No ID numbers or phone numbers");
    }
}
