package org.precisionaid.scoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end scoring of a county's assisting cadres and units (§20-22). For every cadre with a household of the
 * county paired with him at some time in the year, and for every unit those pairings name: the figures (exits on
 * schedule, income growth, visits, objections upheld), the DMN's points and rating, then the seeds' caps.
 * One result per county and year: a second run is refused unless asked to replace the first (the run counts how
 * often). Everything is read in one transaction, so a result never mixes two states of the registry.
 */
@Service
@Transactional
public class ScoringService {

    public static final int FIRST_YEAR = 2014;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ScoringRunRepository runs;
    private final AssistanceScoreRepository scores;
    private final ScoringRules rules;
    private final IncomeAccounts incomes;
    private final RegionService regions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ScoringService(ScoringRunRepository runs, AssistanceScoreRepository scores, ScoringRules rules,
            IncomeAccounts incomes, RegionService regions, JdbcTemplate jdbc, Clock clock) {
        this.runs = runs;
        this.scores = scores;
        this.rules = rules;
        this.incomes = incomes;
        this.regions = regions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Result(ScoringRun run, List<AssistanceScore> scores, boolean replaced) {
    }

    /** Scores the county's year; refused (409) when it was scored already and {@code replace} is false. */
    public Result run(String countyCode, int year, boolean replace, String actor) {
        Region county = county(countyCode);
        checkYear(year);
        ScoringRun run = runs.findByCountyCodeAndYear(county.getCode(), year).orElse(null);
        boolean replaced = run != null;
        if (run != null && !replace) {
            throw new ConflictException("year: " + year + " of county " + county.getCode() + " was scored at "
                    + run.getRunAt() + " by " + run.getRunBy() + "; read it with GET, or run it again with replace=true "
                    + "to replace the ratings with today's figures");
        }
        if (run == null) {
            run = runs.saveAndFlush(new ScoringRun(county.getCode(), year, actor, clock.instant()));
        } else {
            scores.deleteOfRun(run.getId());
            run.rerun(actor, clock.instant());
        }
        List<AssistanceScore> saved = scores.saveAll(score(run.getId(), county.getCode().substring(0, 6), year));
        return new Result(run, saved, replaced);
    }

    @Transactional(readOnly = true)
    public List<Result> results(String regionPrefix, int year) {
        List<Result> results = new ArrayList<>();
        for (ScoringRun run : runs.findInRegion(regionPrefix, year)) {
            results.add(new Result(run, scores.ofRun(run.getId()), run.getRuns() > 1));
        }
        return results;
    }

    private record Fact(String status, Integer exitYear, int plannedExitYear) {
        boolean due(int year) {
            return plannedExitYear <= year;
        }

        boolean exitedOnSchedule() {
            return "EXITED".equals(status) && exitYear != null && exitYear <= plannedExitYear;
        }
    }

    private record Pair(long cadreId, long unitId, long householdId) {
    }

    private List<AssistanceScore> score(long runId, String county, int year) {
        String like = county + "%";
        Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant());
        Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant());
        List<Pair> pairs = jdbc.query("""
                select p.cadre_id, p.unit_id, p.household_id from pairing p join household h on h.id = p.household_id
                where h.village_code like ? and p.started_at < ? and (p.ended_at is null or p.ended_at >= ?)""",
                (rs, i) -> new Pair(rs.getLong(1), rs.getLong(2), rs.getLong(3)), like, to, from);
        if (pairs.isEmpty()) {
            return List.of();
        }
        Map<Long, Fact> facts = new HashMap<>();
        jdbc.query("""
                select h.id, h.status, h.exit_year, f.planned_exit_year from household h
                join file_card f on f.household_id = h.id where h.village_code like ?""", row -> {
            int exit = row.getInt(3);
            facts.put(row.getLong(1), new Fact(row.getString(2), row.wasNull() ? null : exit, row.getInt(4)));
        }, like);
        Map<String, Integer> visits = new HashMap<>();   // "cadre/household" → visits in the year
        jdbc.query("""
                select v.cadre_id, v.household_id, count(*) from visit v join household h on h.id = v.household_id
                where h.village_code like ? and v.visit_date >= ? and v.visit_date <= ?
                group by v.cadre_id, v.household_id""",
                row -> { visits.put(row.getLong(1) + "/" + row.getLong(2), row.getInt(3)); }, like,
                java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 31)));
        Map<Long, Integer> upheld = new HashMap<>();
        jdbc.query("""
                select o.household_id, count(*) from objection o join household h on h.id = o.household_id
                where h.village_code like ? and o.status = 'UPHELD' and o.decided_at >= ? and o.decided_at < ?
                group by o.household_id""", row -> { upheld.put(row.getLong(1), row.getInt(2)); }, like, from, to);
        // findings of the year's inspection rounds that the inspector did not withdraw (issue #24)
        Map<Long, Integer> findings = new HashMap<>();
        jdbc.query("""
                select f.household_id, count(*) from inspection_finding f join inspection_round r on r.id = f.round_id
                where f.village_code like ? and r.round_year = ? and f.status <> 'WITHDRAWN' and f.household_id is not null
                group by f.household_id""", row -> { findings.put(row.getLong(1), row.getInt(2)); }, like, year);
        Set<Long> households = new HashSet<>();
        pairs.forEach(p -> households.add(p.householdId()));
        Map<Long, Long> incomeYear = incomes.perCapitaNetFen(households, year);
        Map<Long, Long> incomePrev = incomes.perCapitaNetFen(households, year - 1);
        Map<Long, Long> unitOfCadre = new HashMap<>();
        jdbc.query("select id, unit_id from cadre where county_code like ?",
                row -> { unitOfCadre.put(row.getLong(1), row.getLong(2)); }, like);

        Map<Long, List<Pair>> byCadre = new TreeMap<>();
        Map<Long, List<Pair>> byUnit = new TreeMap<>();
        for (Pair pair : pairs) {
            byCadre.computeIfAbsent(pair.cadreId(), k -> new ArrayList<>()).add(pair);
            byUnit.computeIfAbsent(pair.unitId(), k -> new ArrayList<>()).add(pair);
        }
        List<AssistanceScore> result = new ArrayList<>();
        byCadre.forEach((cadreId, own) -> {
            Figures figures = figures(own, year, facts, visits, upheld, findings, incomeYear, incomePrev);
            ScoringRules.Rating rating = rules.rateCadre(figures);
            result.add(new AssistanceScore(runId, AssistanceScore.Kind.CADRE, cadreId,
                    unitOfCadre.getOrDefault(cadreId, own.get(0).unitId()), figures, rating.points(),
                    rating.pointsRating(), rating.rating(), rating.capReason()));
        });
        byUnit.forEach((unitId, own) -> {
            Figures figures = figures(own, year, facts, visits, upheld, findings, incomeYear, incomePrev);
            ScoringRules.Rating rating = rules.rateUnit(figures);
            result.add(new AssistanceScore(runId, AssistanceScore.Kind.UNIT, null, unitId, figures, rating.points(),
                    rating.pointsRating(), rating.rating(), rating.capReason()));
        });
        return result;
    }

    private static Figures figures(List<Pair> pairs, int year, Map<Long, Fact> facts, Map<String, Integer> visits,
            Map<Long, Integer> upheld, Map<Long, Integer> findings, Map<Long, Long> incomeYear,
            Map<Long, Long> incomePrev) {
        Map<Long, Fact> own = new LinkedHashMap<>();
        int visitCount = 0;
        Set<String> counted = new HashSet<>();
        for (Pair pair : pairs) {
            Fact fact = facts.get(pair.householdId());
            if (fact != null) {
                own.put(pair.householdId(), fact);
            }
            String key = pair.cadreId() + "/" + pair.householdId();
            if (counted.add(key)) {
                visitCount += visits.getOrDefault(key, 0);
            }
        }
        int due = 0;
        int onSchedule = 0;
        int withIncome = 0;
        long prev = 0;
        long now = 0;
        int objections = 0;
        int found = 0;
        for (Map.Entry<Long, Fact> entry : own.entrySet()) {
            Fact fact = entry.getValue();
            if (fact.due(year)) {
                due++;
                if (fact.exitedOnSchedule()) {
                    onSchedule++;
                }
            }
            Long before = incomePrev.get(entry.getKey());
            Long after = incomeYear.get(entry.getKey());
            if (before != null && after != null) {
                withIncome++;
                prev += before;
                now += after;
            }
            objections += upheld.getOrDefault(entry.getKey(), 0);
            found += findings.getOrDefault(entry.getKey(), 0);
        }
        return new Figures(own.size(), due, onSchedule, withIncome, withIncome == 0 ? null : prev,
                withIncome == 0 ? null : now, visitCount, objections, found);
    }

    /** The county as a region; the field {@code county} is named when it is not a county code. */
    Region county(String countyCode) {
        if (countyCode == null || countyCode.isBlank()) {
            throw FieldRuleException.invalid(Map.of("county", "is required: the county's 12-digit code"));
        }
        Region county = regions.get(countyCode.trim());
        if (county.getLevel() != RegionLevel.COUNTY) {
            throw FieldRuleException.invalid(Map.of("county", "'" + countyCode + "' is a " + county.getLevel().label()
                    + " code, not a county code"));
        }
        return county;
    }

    void checkYear(int year) {
        int thisYear = Year.now(clock.withZone(CHINA)).getValue();
        if (year < FIRST_YEAR || year > thisYear) {
            throw FieldRuleException.invalid(Map.of("year", "must be a year from " + FIRST_YEAR + " to " + thisYear));
        }
    }

    /** A year as the caller wrote it: a whole number from {@value #FIRST_YEAR} to this year. */
    public int year(String raw) {
        if (raw == null || raw.isBlank()) {
            throw FieldRuleException.invalid(Map.of("year", "is required, e.g. " + Year.now(clock.withZone(CHINA))));
        }
        int year;
        try {
            year = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw FieldRuleException.invalid(Map.of("year", "'" + raw + "' is not a year"));
        }
        checkYear(year);
        return year;
    }
}
