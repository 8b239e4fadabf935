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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.dmn.engine.DmnDecision;
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
    /** Threads that evaluate a page: the machine's cores, at most 4, shared by all what-ifs at once (ADR 0029). */
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    static final Map<String, String> OUTCOME_LABELS = Map.ofEntries(
            Map.entry("DEVELOPMENT", "开发式扶持 / Development support"),
            Map.entry("SOCIAL_ASSISTANCE", "社会保障兜底 / Social-assistance cover"),
            Map.entry("NOT_ELIGIBLE", "不符合条件 / Not eligible"),
            Map.entry("EXIT_PROPOSED", "拟脱贫退出 / Exit proposed"),
            Map.entry("REMAINS", "继续帮扶 / Remains poor"),
            Map.entry("REENTRY", "返贫，重新识别 / Fell back, identified again"),
            Map.entry("MONITORED", "纳入防返贫监测 / Monitored"),
            Map.entry("STABLE", "稳定脱贫 / Stably out of poverty"),
            Map.entry("UNSTABLE", "脱贫不稳定户 / Exited, unstable"),
            Map.entry("MARGINAL", "边缘易致贫户 / Marginal, prone to poverty"),
            Map.entry("SUDDEN_HARDSHIP", "突发严重困难户 / Sudden severe hardship"),
            Map.entry("NOT_AT_RISK", "不属于监测对象 / Not a monitoring subject"));

    private final JdbcTemplate jdbc;
    private final WhatIfDmnEngine dmn;
    private final Clock clock;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
        Thread thread = new Thread(task, "what-if");
        thread.setDaemon(true);
        return thread;
    });

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
        MemoizedDecision todays = new MemoizedDecision(dmn.engine(), today.decision(), rule.outcomeOutput(),
                MemoizedDecision.LIMIT);
        MemoizedDecision changeds = new MemoizedDecision(dmn.engine(), changed.decision(), rule.outcomeOutput(),
                MemoizedDecision.LIMIT);
        long after = Long.MIN_VALUE;
        while (true) {
            List<Row> page = switch (rule) {
                case IDENTIFICATION -> identificationPage(low, high, year, after);
                case EXIT -> exitPage(low, high, year, after, EXIT_STATUSES);
                case MONITORING -> exitPage(low, high, year, after, MONITORING_STATUSES);
            };
            if (page.isEmpty()) {
                break;
            }
            Outcome[][] outcomes = evaluate(rule, year, page, today, todays, changed, changeds);
            for (int i = 0; i < page.size(); i++) {
                if (outcomes[i] != null) {
                    tally.add(page.get(i), outcomes[i][0], outcomes[i][1]);
                }
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
                todays.evaluated() + changeds.evaluated(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A page's outcomes, today's and changed, in the page's order: the page is cut into one slice per thread of the
     * pool and the slices run at once (the DMN engine is thread-safe). A household the run leaves out (monitoring:
     * no income of the year) has no outcome. The first failure stops the run and names its field.
     */
    private Outcome[][] evaluate(WhatIfRule rule, int year, List<Row> page, Side today, MemoizedDecision todays,
            Side changed, MemoizedDecision changeds) {
        Outcome[][] outcomes = new Outcome[page.size()][];
        int slices = Math.min(THREADS, Math.max(1, page.size() / 100));
        int size = (page.size() + slices - 1) / slices;
        List<Callable<Void>> work = new ArrayList<>();
        for (int from = 0; from < page.size(); from += size) {
            int start = from;
            int end = Math.min(page.size(), from + size);
            work.add(() -> {
                for (int i = start; i < end; i++) {
                    Row row = page.get(i);
                    Map<String, Object> todayInputs = inputs(rule, today, row, year);
                    if (todayInputs == null) {
                        continue;
                    }
                    outcomes[i] = new Outcome[] {outcome(rule, today, todays, row, todayInputs, year),
                            outcome(rule, changed, changeds, row, inputs(rule, changed, row, year), year)};
                }
                return null;
            });
        }
        if (work.size() == 1) {
            call(work.get(0));
            return outcomes;
        }
        List<Future<Void>> done;
        try {
            done = pool.invokeAll(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("what-if interrupted", e);
        }
        for (Future<Void> slice : done) {
            try {
                slice.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("what-if interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return outcomes;
    }

    private static void call(Callable<Void> work) {
        try {
            work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
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

    /** Registered and exited households with the year's account and the years before it (the exit rule's). */
    static final String EXIT_STATUSES = "h.status in ('REGISTERED', 'EXITED')";
    /** Registered, exited and monitored households (the monitoring rule's). */
    static final String MONITORING_STATUSES = "(h.status in ('REGISTERED', 'EXITED') or h.monitored)";

    /** Households of the given statuses with the year's account and the years before it. */
    private List<Row> exitPage(String low, String high, int year, long after, String statuses) {
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        Map<Long, Integer> members = new HashMap<>();
        jdbc.query("select h.id, h.application_no, h.village_code, h.status, h.income_year, h.per_capita_income,"
                + " h.housing_safety, h.drinking_water, c.pairing_ends,"
                + " (select count(*) from household_member a where a.household_id = h.id), m.name, m.id_number"
                + " from household h left join file_card c on c.household_id = h.id"
                + " left join household_member m on m.household_id = h.id and m.position = 0"
                + " where h.village_code between ? and ? and " + statuses + " and h.id > ?"
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
            BigDecimal shown = statuses.equals(MONITORING_STATUSES) ? monitoringIncome(row, year)
                    : Money.yuan(row.perCapitaFenByYear.getOrDefault(year, 0L));
            out.add(new Row(row.id, row.applicationNo, row.villageCode, row.status, row.head, row.idNumber,
                    shown == null ? BigDecimal.ZERO : shown, row.inputs, row.perCapitaFenByYear, row.incomeYear, row.declaredPerCapita));
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

    /**
     * The decision's inputs for a household on one side, as its procedure gives them: a new map each time (it is the
     * memo's key); null when the run leaves the household out (monitoring: no income of the year).
     */
    private static Map<String, Object> inputs(WhatIfRule rule, Side side, Row row, int year) {
        Map<String, Object> inputs = new HashMap<>(row.inputs);
        if (rule == WhatIfRule.EXIT) {
            inputs.put("perCapitaNet", row.perCapitaYuan.doubleValue());
            inputs.put("povertyLine", side.lines().get(year));
            inputs.put("yearsAboveLine", yearsAboveLine(row, year, side.lines()));
        } else if (rule == WhatIfRule.MONITORING) {
            BigDecimal income = monitoringIncome(row, year);
            if (income == null) {
                return null;
            }
            // the registry holds no case facts: rigid expenses and a collapse are the household check's (MonitoringDecisions)
            inputs.put("province", row.villageCode.substring(0, 2));
            inputs.put("year", year);
            inputs.put("registryStatus", row.status);
            inputs.put("perCapitaIncome", income.doubleValue());
            inputs.put("rigidExpensesPerCapita", 0.0);
            inputs.put("incomeCollapse", false);
        }
        return inputs;
    }

    /** The year's income account per capita, else the income declared for the year, else none. */
    private static BigDecimal monitoringIncome(Row row, int year) {
        Long fen = row.perCapitaFenByYear.get(year);
        if (fen != null) {
            return Money.yuan(fen);
        }
        return row.incomeYear == year ? row.declaredPerCapita : null;
    }

    private static Outcome outcome(WhatIfRule rule, Side side, MemoizedDecision decision, Row row,
            Map<String, Object> inputs, int year) {
        MemoizedDecision.Answer answer;
        try {
            answer = decision.evaluate(inputs);
        } catch (RuntimeException e) {
            throw cannotDecide(side, row, e.getMessage());
        } catch (StackOverflowError e) {
            throw cannotDecide(side, row, "the rule calls itself without end");
        }
        if (answer.outcome() == null) {
            throw cannotDecide(side, row, "no rule matches it" + (rule == WhatIfRule.IDENTIFICATION
                    ? " (is there a poverty line for " + year + "?)"
                    : rule == WhatIfRule.MONITORING ? " (is there a monitoring line for " + year + "?)" : ""));
        }
        return new Outcome(answer.outcome(), answer.reason());
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
                long engineEvaluations, long millis) {
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
                    classCounts, villages, households, true, engineEvaluations, millis);
        }
    }
}
