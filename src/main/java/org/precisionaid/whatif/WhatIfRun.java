package org.precisionaid.whatif;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.project.Money;
import org.precisionaid.region.Region;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.ResidentId;
import org.precisionaid.web.FieldRuleException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs today's and the changed decision side by side over a region's registry. The inputs are the ones the procedure
 * gives the decision (identification: {@code Prescreen}/{@code Eligibility}; exit: {@code ExitRule}), read a page of
 * households at a time with one query for the households and one for their income accounts, never one per household.
 * Reads only, in a read-only transaction.
 */
@Component
public class WhatIfRun {

    static final int PAGE = 1000;
    /** Rows of the list in the JSON answer; the Excel file has every one. */
    public static final int LIST_LIMIT = 2000;
    /** How far back "years in a row above the line" looks, as {@code ExitRule} does. */
    static final int LOOK_BACK = 5;

    static final Map<String, String> OUTCOME_LABELS = Map.of(
            "DEVELOPMENT", "开发式扶持 / Development support",
            "SOCIAL_ASSISTANCE", "社会保障兜底 / Social-assistance cover",
            "NOT_ELIGIBLE", "不符合条件 / Not eligible",
            "EXIT_PROPOSED", "拟脱贫退出 / Exit proposed",
            "REMAINS", "继续帮扶 / Remains poor",
            "REENTRY", "返贫，重新识别 / Fell back, identified again",
            "MONITORED", "纳入防返贫监测 / Monitored",
            "STABLE", "稳定脱贫 / Stably out of poverty");

    private final JdbcTemplate jdbc;
    private final WhatIfDmnEngine dmn;
    private final Clock clock;

    public WhatIfRun(JdbcTemplate jdbc, WhatIfDmnEngine dmn, Clock clock) {
        this.jdbc = jdbc;
        this.dmn = dmn;
        this.clock = clock;
    }

    /**
     * One side of the comparison: the decision, what it is (for the reader), the poverty line by year it uses (exit
     * only; null for a year without one) and the request field to name when it cannot decide a household.
     */
    public record Side(DmnDecision decision, String description, Map<Integer, Double> lines, String field) {
    }

    @Transactional(readOnly = true)
    public WhatIfResult run(WhatIfRule rule, Region region, int year, Side today, Side changed) {
        long started = System.nanoTime();
        String prefix = prefix(region.getCode());
        String low = prefix + "0".repeat(12 - prefix.length());
        String high = prefix + "9".repeat(12 - prefix.length());
        Tally tally = new Tally(rule);
        long after = Long.MIN_VALUE;
        while (true) {
            List<Row> page = rule == WhatIfRule.IDENTIFICATION ? identificationPage(low, high, year, after)
                    : exitPage(low, high, year, after);
            if (page.isEmpty()) {
                break;
            }
            for (Row row : page) {
                Outcome was = evaluate(rule, today, row, year);
                Outcome is = evaluate(rule, changed, row, year);
                tally.add(row, was, is);
            }
            after = page.get(page.size() - 1).id;
            if (page.size() < PAGE) {
                break;
            }
        }
        Map<String, String> villageNames = new HashMap<>();
        jdbc.query("select code, name_zh, name_en from region where code between ? and ? and level = 'VILLAGE'",
                rs -> {
                    villageNames.put(rs.getString(1), rs.getString(2) + " / " + rs.getString(3));
                }, low, high);
        return tally.result(region, year, today.description(), changed.description(), villageNames,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The region's code without its trailing zero levels: 654224000000 → 654224, a village stays whole. */
    static String prefix(String code) {
        if (code.endsWith("0000000000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00000000")) {
            return code.substring(0, 4);
        }
        if (code.endsWith("000000")) {
            return code.substring(0, 6);
        }
        if (code.endsWith("000")) {
            return code.substring(0, 9);
        }
        return code;
    }

    /** A household's facts as the procedure gives them to the decision. */
    private record Row(long id, String applicationNo, String villageCode, String status, String head, String idNumber,
                       BigDecimal perCapitaYuan, Map<String, Object> inputs, Map<Integer, Long> perCapitaFenByYear,
                       int incomeYear, BigDecimal declaredPerCapita) {
    }

    private record Outcome(String outcome, String reason) {
    }

    /** Households whose declared income is of the year, except those that left poverty (the exit rule's). */
    private List<Row> identificationPage(String low, String high, int year, long after) {
        return jdbc.query("select h.id, h.application_no, h.village_code, h.status, h.per_capita_income,"
                + " h.owns_car, h.registered_business, h.commercial_housing, h.civil_servant,"
                + " (select count(*) from household_member l where l.household_id = h.id"
                + " and l.labour_capacity <> 'NONE'), m.name, m.id_number"
                + " from household h left join household_member m on m.household_id = h.id and m.position = 0"
                + " where h.village_code between ? and ? and h.income_year = ? and h.status <> 'EXITED' and h.id > ?"
                + " order by h.id fetch first " + PAGE + " rows only", (rs, i) -> {
                    BigDecimal income = rs.getBigDecimal(5);
                    Map<String, Object> inputs = new HashMap<>();
                    inputs.put("incomeYear", year);
                    inputs.put("perCapitaIncome", income.doubleValue());
                    inputs.put("ownsCar", rs.getBoolean(6));
                    inputs.put("registeredBusiness", rs.getBoolean(7));
                    inputs.put("commercialHousing", rs.getBoolean(8));
                    inputs.put("civilServant", rs.getBoolean(9));
                    inputs.put("hasLabour", rs.getLong(10) > 0);
                    return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(11),
                            rs.getString(12), income, inputs, Map.of(), year, income);
                }, low, high, year, after);
    }

    /** Registered and exited households with the year's account and the years before it. */
    private List<Row> exitPage(String low, String high, int year, long after) {
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        Map<Long, Integer> members = new HashMap<>();
        jdbc.query("select h.id, h.application_no, h.village_code, h.status, h.income_year, h.per_capita_income,"
                + " h.housing_safety, h.drinking_water, c.pairing_ends,"
                + " (select count(*) from household_member a where a.household_id = h.id), m.name, m.id_number"
                + " from household h left join file_card c on c.household_id = h.id"
                + " left join household_member m on m.household_id = h.id and m.position = 0"
                + " where h.village_code between ? and ? and h.status in ('REGISTERED', 'EXITED') and h.id > ?"
                + " order by h.id fetch first " + PAGE + " rows only", rs -> {
                    Map<String, Object> inputs = new HashMap<>();
                    inputs.put("status", rs.getString(4));
                    // the registry's housing and water stand for the guarantees the village confirms in the case
                    inputs.put("guaranteesMet", "SAFE".equals(rs.getString(7)) && "SAFE".equals(rs.getString(8)));
                    Date ends = rs.getDate(9);
                    inputs.put("inTransition", ends != null && ends.toLocalDate().isAfter(today));
                    members.put(rs.getLong(1), rs.getInt(10));
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(11),
                            rs.getString(12), null, inputs, new HashMap<>(), rs.getInt(5), rs.getBigDecimal(6)));
                }, low, high, after);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Row> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id, row));
        String marks = String.join(",", rows.stream().map(row -> "?").toList());
        List<Object> args = new ArrayList<>(rows.stream().map(Row::id).toList());
        args.add(year - LOOK_BACK + 1);
        args.add(year);
        // the accounts' rule (IncomeAccounts): income lines over the members; a year with any line has an account
        jdbc.query("select household_id, account_year, sum(case when kind = 'INCOME' then amount_fen else 0 end)"
                + " from income_entry where household_id in (" + marks + ") and account_year between ? and ?"
                + " group by household_id, account_year", rs -> {
                    long id = rs.getLong(1);
                    byId.get(id).perCapitaFenByYear.put(rs.getInt(2), perCapitaFen(rs.getLong(3), members.get(id)));
                }, args.toArray());
        List<Row> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            long fen = row.perCapitaFenByYear.getOrDefault(year, 0L);
            out.add(new Row(row.id, row.applicationNo, row.villageCode, row.status, row.head, row.idNumber,
                    Money.yuan(fen), row.inputs, row.perCapitaFenByYear, row.incomeYear, row.declaredPerCapita));
        }
        return out;
    }

    static long perCapitaFen(long incomeFen, int members) {
        if (members < 1) {
            return 0;
        }
        return Money.fen(HouseholdService.perCapita(Money.yuan(incomeFen), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, members));
    }

    private Outcome evaluate(WhatIfRule rule, Side side, Row row, int year) {
        VariableMap variables = Variables.fromMap(row.inputs);
        if (rule == WhatIfRule.EXIT) {
            Double line = side.lines().get(year);
            variables.putValue("perCapitaNet", row.perCapitaYuan.doubleValue());
            variables.putValue("povertyLine", line);
            variables.putValue("yearsAboveLine", yearsAboveLine(row, year, side.lines()));
        }
        DmnEngine engine = dmn.engine();
        DmnDecisionResult result;
        try {
            result = engine.evaluateDecision(side.decision(), variables);
        } catch (RuntimeException e) {
            throw cannotDecide(side, row, e.getMessage());
        } catch (StackOverflowError e) {
            throw cannotDecide(side, row, "the rule calls itself without end");
        }
        if (result.isEmpty() || result.getFirstResult().getEntry(rule.outcomeOutput()) == null) {
            throw cannotDecide(side, row, "no rule matches it" + (rule == WhatIfRule.IDENTIFICATION
                    ? " (is there a poverty line for " + year + "?)" : ""));
        }
        Object outcome = result.getFirstResult().getEntry(rule.outcomeOutput());
        Object reason = result.getFirstResult().getEntry("reason");
        return new Outcome(String.valueOf(outcome), reason == null ? "" : String.valueOf(reason));
    }

    /** As {@code ExitRule.yearsAboveLine}; a year without a line on this side ends the count. */
    private static int yearsAboveLine(Row row, int year, Map<Integer, Double> lines) {
        int count = 0;
        for (int y = year; y > year - LOOK_BACK; y--) {
            BigDecimal income;
            Long fen = row.perCapitaFenByYear.get(y);
            if (fen != null) {
                income = Money.yuan(fen);
            } else if (row.incomeYear == y) {
                income = row.declaredPerCapita;
            } else {
                break;
            }
            Double line = lines.get(y);
            if (line == null || income.compareTo(BigDecimal.valueOf(line)) <= 0) {
                break;
            }
            count++;
        }
        return count;
    }

    private static FieldRuleException cannotDecide(Side side, Row row, String why) {
        return FieldRuleException.invalid(Map.of(side.field(), side.description() + " cannot decide household "
                + row.applicationNo + ": " + why));
    }

    /** Counts as the pages go by; keeps the households whose outcome changes. */
    private static final class Tally {
        private final WhatIfRule rule;
        private long evaluated;
        private final Map<String, long[]> outcomes = new TreeMap<>();
        private final Map<ChangeClass, Long> classes;
        private final Map<String, Long> villageEvaluated = new TreeMap<>();
        private final Map<String, Map<ChangeClass, Long>> villageClasses = new TreeMap<>();
        private final List<WhatIfResult.Household> households = new ArrayList<>();

        Tally(WhatIfRule rule) {
            this.rule = rule;
            this.classes = new EnumMap<>(ChangeClass.class);
            ChangeClass.of(rule).forEach(c -> classes.put(c, 0L));
        }

        void add(Row row, Outcome was, Outcome is) {
            evaluated++;
            outcomes.computeIfAbsent(was.outcome(), k -> new long[2])[0]++;
            outcomes.computeIfAbsent(is.outcome(), k -> new long[2])[1]++;
            villageEvaluated.merge(row.villageCode, 1L, Long::sum);
            if (was.outcome().equals(is.outcome())) {
                return;
            }
            ChangeClass change = ChangeClass.of(rule, was.outcome(), is.outcome());
            classes.merge(change, 1L, Long::sum);
            villageClasses.computeIfAbsent(row.villageCode, k -> new EnumMap<>(ChangeClass.class))
                    .merge(change, 1L, Long::sum);
            households.add(new WhatIfResult.Household(change.name(), row.applicationNo, row.villageCode, row.head,
                    ResidentId.mask(row.idNumber), row.status, row.perCapitaYuan, was.outcome(), is.outcome(),
                    was.reason(), is.reason()));
        }

        WhatIfResult result(Region region, int year, String today, String changed, Map<String, String> names,
                long millis) {
            List<WhatIfResult.Outcome> outcomeRows = new ArrayList<>();
            outcomes.forEach((outcome, counts) -> outcomeRows.add(new WhatIfResult.Outcome(outcome,
                    OUTCOME_LABELS.getOrDefault(outcome, outcome), counts[0], counts[1])));
            List<WhatIfResult.Village> villages = new ArrayList<>();
            villageEvaluated.forEach((code, n) -> {
                Map<String, Long> counts = new LinkedHashMap<>();
                ChangeClass.of(rule).forEach(c -> counts.put(c.name(),
                        villageClasses.getOrDefault(code, Map.of()).getOrDefault(c, 0L)));
                villages.add(new WhatIfResult.Village(code, names.getOrDefault(code, code), n, counts));
            });
            Map<String, Long> classCounts = new LinkedHashMap<>();
            classes.forEach((c, n) -> classCounts.put(c.name(), n));
            households.sort(java.util.Comparator.comparing(WhatIfResult.Household::villageCode)
                    .thenComparing(WhatIfResult.Household::changeClass)
                    .thenComparing(WhatIfResult.Household::applicationNo));
            return new WhatIfResult(rule.name(), rule.label(), region.getCode(),
                    region.getNameZh() + " / " + region.getNameEn(), year, today, changed, evaluated, outcomeRows,
                    classCounts, villages, households, true, millis);
        }
    }
}
