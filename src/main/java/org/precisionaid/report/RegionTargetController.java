package org.precisionaid.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.precisionaid.project.Money;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.web.input.Numbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 减贫任务分解: the county office breaks its year's poverty-reduction task down to its townships and villages
 * (households and people to lift out of poverty) and, where it wants, sets a township's or village's own per-capita
 * net income target (the county's is {@link IncomeTargetController}'s). The reduction-tasks and income-targets reports
 * read them; officials of the county, above and within it read; the county office of that county saves the whole
 * breakdown at once, so a half-entered breakdown is never read.
 */
@RestController
public class RegionTargetController {

    static final int MAX_COUNT = 1_000_000;
    static final int SOURCE_LENGTH = 256;

    private final JdbcTemplate jdbc;
    private final TargetInput input;
    private final Clock clock;

    RegionTargetController(JdbcTemplate jdbc, TargetInput input, Clock clock) {
        this.jdbc = jdbc;
        this.input = input;
        this.clock = clock;
    }

    /**
     * One region of the county (the county first, then each township followed by its villages): its targets (null:
     * none set) and, to break down by, the households whose file card plans their exit that year.
     */
    public record RegionTargetRow(String code, String name, String level, String parentCode, Integer exitHouseholds,
                                  Integer exitPeople, BigDecimal perCapitaNetYuan, long plannedHouseholds) {
    }

    public record Breakdown(String countyCode, int year, String source, String updatedBy, Instant updatedAt,
                            boolean canEdit, List<RegionTargetRow> regions) {
    }

    public record TargetLine(String code, Integer exitHouseholds, Integer exitPeople, BigDecimal perCapitaNetYuan) {
    }

    public record BreakdownChange(String source, List<TargetLine> targets) {
    }

    @GetMapping("/api/region-targets")
    public Breakdown read(@RequestParam(required = false) String county, @RequestParam(required = false) String year,
            Authentication user) {
        TargetInput.CountyYear asked = input.toRead(county, year, user);
        return breakdown(asked.county(), asked.year(), user);
    }

    /** Replaces the county's breakdown of the year: lines not sent are no longer targets. */
    @PutMapping("/api/region-targets/{countyCode}/{year}")
    @Transactional
    public Breakdown write(@PathVariable String countyCode, @PathVariable String year, @RequestBody BreakdownChange body,
            Authentication user) {
        TargetInput.CountyYear asked = input.toWrite(countyCode, year, user, "breaks down its targets");
        String county = asked.county();
        int targetYear = asked.year();
        Map<String, String> errors = new LinkedHashMap<>();
        String source = body.source() == null ? "" : body.source().strip();
        if (source.isEmpty()) {
            errors.put("source", "is required: who set the targets, e.g. 县脱贫攻坚指挥部2026年任务分解 / County task plan 2026");
        } else if (source.length() > SOURCE_LENGTH) {
            errors.put("source", "at most " + SOURCE_LENGTH + " characters");
        }
        Map<String, Region> regions = regionsOf(county);
        List<TargetLine> lines = body.targets() == null ? List.of() : body.targets();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            check(lines.get(i), "targets[" + i + "]", county, regions, indexOf, i, errors);
        }
        checkBreakdown(lines, regions, indexOf, errors);
        TargetInput.throwIfAny(errors);

        jdbc.update("delete from region_target where county_code = ? and target_year = ?", county, targetYear);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (TargetLine line : lines) {
            if (line.exitHouseholds() == null && line.exitPeople() == null && line.perCapitaNetYuan() == null) {
                continue; // an empty line: no target for that region
            }
            rows.add(new Object[] {line.code(), targetYear, county, regions.get(line.code()).level().name(),
                    line.exitHouseholds(), line.exitPeople(),
                    line.perCapitaNetYuan() == null ? null : Money.fen(line.perCapitaNetYuan()), source, user.getName(),
                    now});
        }
        jdbc.batchUpdate("insert into region_target (region_code, target_year, county_code, region_level,"
                + " exit_households, exit_people, per_capita_net_fen, source, updated_by, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return breakdown(county, targetYear, user);
    }

    private record Region(String code, String name, RegionLevel level, String parentCode) {
    }

    /** The county, its townships and their villages, in the order the page lists them. */
    private Map<String, Region> regionsOf(String county) {
        Map<String, Region> regions = new LinkedHashMap<>();
        jdbc.query("select code, name_zh, level, parent_code from region where code between ? and ? order by code",
                rs -> {
                    regions.put(rs.getString(1), new Region(rs.getString(1), rs.getString(2),
                            RegionLevel.valueOf(rs.getString(3)), rs.getString(4)));
                }, county, county.substring(0, 6) + "999999");
        return regions;
    }

    private static void check(TargetLine line, String field, String county, Map<String, Region> regions,
            Map<String, Integer> indexOf, int index, Map<String, String> errors) {
        if (line == null) {
            errors.put(field, "must not be null");
            return;
        }
        if (line.code() == null || line.code().isBlank()) {
            errors.put(field + ".code", "is required: the 12-digit code of the county, a township or a village");
        } else if (!regions.containsKey(line.code())) {
            errors.put(field + ".code", "'" + line.code() + "' is not " + county + " nor a township or village in it");
        } else if (indexOf.putIfAbsent(line.code(), index) != null) {
            errors.put(field + ".code", line.code() + " appears twice; one line per region");
        }
        count(line.exitHouseholds(), field + ".exitHouseholds", errors);
        count(line.exitPeople(), field + ".exitPeople", errors);
        if (line.exitHouseholds() != null && line.exitPeople() != null && line.exitPeople() < line.exitHouseholds()
                && !errors.containsKey(field + ".exitPeople")) {
            errors.put(field + ".exitPeople", "must be at least the households (" + line.exitHouseholds()
                    + "): every household has a member");
        }
        if (line.perCapitaNetYuan() != null) {
            Region region = regions.get(line.code());
            if (region != null && region.level() == RegionLevel.COUNTY) {
                errors.put(field + ".perCapitaNetYuan", "the county's own income target is set on the income targets"
                        + " page (PUT /api/income-targets); here only its townships' and villages'");
            } else {
                Numbers.positive(line.perCapitaNetYuan(), field + ".perCapitaNetYuan", IncomeTargetController.PRECISION,
                        IncomeTargetController.SCALE, errors);
            }
        }
    }

    private static void count(Integer value, String field, Map<String, String> errors) {
        if (value != null && (value < 0 || value > MAX_COUNT)) {
            errors.put(field, "must lie between 0 and " + MAX_COUNT);
        }
    }

    /**
     * The parts never exceed the whole: a county's townships together, and a township's villages together, are given
     * at most the households and people of their parent's task where the parent has one.
     */
    private static void checkBreakdown(List<TargetLine> lines, Map<String, Region> regions,
            Map<String, Integer> indexOf, Map<String, String> errors) {
        Map<String, long[]> ofChildren = new HashMap<>();
        Set<String> parents = new HashSet<>();
        for (TargetLine line : lines) {
            Region region = line == null ? null : regions.get(line.code());
            if (region == null || region.parentCode() == null || !indexOf.containsKey(region.parentCode())) {
                continue;
            }
            long[] sum = ofChildren.computeIfAbsent(region.parentCode(), p -> new long[2]);
            sum[0] += line.exitHouseholds() == null ? 0 : line.exitHouseholds();
            sum[1] += line.exitPeople() == null ? 0 : line.exitPeople();
            parents.add(region.parentCode());
        }
        for (String parent : parents) {
            int i = indexOf.get(parent);
            TargetLine whole = lines.get(i);
            long[] parts = ofChildren.get(parent);
            String below = regions.get(parent).level() == RegionLevel.COUNTY ? "its townships" : "its villages";
            if (whole.exitHouseholds() != null && parts[0] > whole.exitHouseholds()) {
                errors.putIfAbsent("targets[" + i + "].exitHouseholds", below + " are given " + parts[0]
                        + " households together, more than this task of " + whole.exitHouseholds());
            }
            if (whole.exitPeople() != null && parts[1] > whole.exitPeople()) {
                errors.putIfAbsent("targets[" + i + "].exitPeople", below + " are given " + parts[1]
                        + " people together, more than this task of " + whole.exitPeople());
            }
        }
    }

    private Breakdown breakdown(String county, int year, Authentication user) {
        Map<String, Object[]> targets = new HashMap<>();
        String[] last = new String[2];
        Timestamp[] at = new Timestamp[1];
        jdbc.query("select region_code, exit_households, exit_people, per_capita_net_fen, source, updated_by, updated_at"
                + " from region_target where county_code = ? and target_year = ?", rs -> {
                    targets.put(rs.getString(1), new Object[] {(Integer) rs.getObject(2, Integer.class),
                            (Integer) rs.getObject(3, Integer.class), rs.getObject(4, Long.class)});
                    last[0] = rs.getString(5);
                    last[1] = rs.getString(6);
                    at[0] = rs.getTimestamp(7);
                }, county, year);
        Map<String, Long> planned = new HashMap<>();
        jdbc.query("select h.village_code, count(*) from household h join file_card f on f.household_id = h.id"
                + " where f.planned_exit_year = ? and h.status in ('REGISTERED', 'EXITED') and h.village_code between ? and ?"
                + " group by h.village_code", rs -> {
                    planned.put(rs.getString(1), rs.getLong(2));
                }, year, county, county.substring(0, 6) + "999999");
        List<RegionTargetRow> rows = new ArrayList<>();
        for (Region region : regionsOf(county).values()) {
            if (region.level().isAbove(RegionLevel.COUNTY)) {
                continue;
            }
            String prefix = region.code().substring(0, region.level().significantDigits());
            long plannedHere = planned.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue).sum();
            Object[] t = targets.get(region.code());
            rows.add(new RegionTargetRow(region.code(), region.name(), region.level().label(), region.parentCode(),
                    t == null ? null : (Integer) t[0], t == null ? null : (Integer) t[1],
                    t == null || t[2] == null ? null : Money.yuan((Long) t[2]), plannedHere));
        }
        return new Breakdown(county, year, last[0], last[1], at[0] == null ? null : at[0].toInstant(),
                TargetInput.editable(county, user), rows);
    }
}
