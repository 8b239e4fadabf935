package org.precisionaid.inspection;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.precisionaid.inspection.InspectionFinding.Kind;
import org.precisionaid.inspection.InspectionFinding.Responsible;
import org.precisionaid.inspection.InspectionFinding.Severity;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rounds, their reproducible samples and the findings, in our tables. */
@Service
@Transactional
public class InspectionService {

    public static final String PROCESS_KEY = "inspection";
    public static final String RECTIFICATION_KEY = "inspectionRectification";
    static final int FIRST_YEAR = 2014;
    /** One round's inspection tasks stay a list an inspector can work through in Tasklist. */
    static final int MAX_SAMPLE = 500;
    static final int MAX_MINIMUM = 1000;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final InspectionRoundRepository rounds;
    private final InspectionSampleRepository samples;
    private final InspectionFindingRepository findings;
    private final RegionService regions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    public InspectionService(InspectionRoundRepository rounds, InspectionSampleRepository samples,
            InspectionFindingRepository findings, RegionService regions, JdbcTemplate jdbc, Clock clock) {
        this.rounds = rounds;
        this.samples = samples;
        this.findings = findings;
        this.regions = regions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A round as the planner asks for it. */
    public record Plan(String regionCode, Integer year, List<String> registers, BigDecimal percent,
            Integer minimumPerVillage, Integer minimumProjectsPerTownship) {
    }

    /** The plan's values once every rule holds. */
    record Checked(RegionCode region, int year, List<Register> registers, BigDecimal percent, int minimum,
            int minimumProjects) {
    }

    /** A project's status from which its funds are allocated: the projects register of a year (funded onwards). */
    static final List<String> FUNDED = List.of("FUNDED", "IMPLEMENTING", "ACCEPTED", "CLOSED");
    /**
     * Mixed into the round's seed for the projects' draw, so a project stratum never shares a generator with a
     * household stratum, and the households' draw stays what it was before projects could be sampled.
     */
    static final long PROJECTS_SALT = 0x50524f4a45435453L; // "PROJECTS"

    /** Every rule of a plan, each broken one named by its field; the region's level is a county's or below, or a city. */
    Checked check(Plan plan) {
        Map<String, String> errors = new LinkedHashMap<>();
        RegionCode region = null;
        if (plan.regionCode() == null || plan.regionCode().isBlank()) {
            errors.put("regionCode", "is required: the 12-digit code of the city, county, township or village inspected");
        } else {
            region = RegionCode.of(plan.regionCode(), "regionCode");
            if (region.level() == RegionLevel.PROVINCE) {
                errors.put("regionCode", "a round covers a city, county, township or village, not a province");
            } else if (!regions.exists(region.value())) {
                errors.put("regionCode", "'" + region.value() + "' is not a division of the registry");
            }
        }
        int thisYear = LocalDate.now(clock.withZone(CHINA)).getYear();
        if (plan.year() == null) {
            errors.put("year", "is required, e.g. " + thisYear);
        } else if (plan.year() < FIRST_YEAR || plan.year() > thisYear) {
            errors.put("year", "must be a year from " + FIRST_YEAR + " to " + thisYear);
        }
        List<Register> registers = new ArrayList<>();
        if (plan.registers() == null || plan.registers().isEmpty()) {
            errors.put("registers", "is required: one or more of IDENTIFICATION, EXITS, MONITORING, PROJECTS");
        } else {
            for (int i = 0; i < plan.registers().size(); i++) {
                String name = plan.registers().get(i);
                Register register = java.util.Arrays.stream(Register.values()).filter(r -> r.name().equals(name))
                        .findFirst().orElse(null);
                if (register == null) {
                    errors.put("registers[" + i + "]", "must be one of IDENTIFICATION, EXITS, MONITORING, PROJECTS");
                } else if (registers.contains(register)) {
                    errors.put("registers[" + i + "]", name + " is named twice");
                } else {
                    registers.add(register);
                }
            }
        }
        if (plan.percent() == null) {
            errors.put("percent", "is required: the share of each village's households (and of each township's "
                    + "projects) drawn, e.g. 5 for 5 %");
        } else if (plan.percent().signum() <= 0 || plan.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.put("percent", "must be more than 0 and at most 100");
        } else if (plan.percent().stripTrailingZeros().scale() > 2) {
            errors.put("percent", "at most two digits after the point");
        }
        int minimum = plan.minimumPerVillage() == null ? 0 : plan.minimumPerVillage();
        if (minimum < 0 || minimum > MAX_MINIMUM) {
            errors.put("minimumPerVillage", "must be a whole number from 0 to " + MAX_MINIMUM);
        }
        boolean projects = registers.contains(Register.PROJECTS);
        int minimumProjects = plan.minimumProjectsPerTownship() == null ? (projects ? 1 : 0)
                : plan.minimumProjectsPerTownship();
        if (minimumProjects < 0 || minimumProjects > MAX_MINIMUM) {
            errors.put("minimumProjectsPerTownship", "must be a whole number from 0 to " + MAX_MINIMUM);
        } else if (!projects && minimumProjects > 0 && plan.registers() != null && !plan.registers().isEmpty()
                && !errors.containsKey("registers")) {
            errors.put("minimumProjectsPerTownship", "applies to the register PROJECTS, which the round does not sample");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        return new Checked(region, plan.year(), registers, plan.percent(), minimum, minimumProjects);
    }

    /** Draws the sample with a new seed and writes the round and its sample rows. */
    InspectionRound plan(Checked plan, String actor) {
        SortedMap<String, List<Long>> population = population(plan.region().value(), plan.registers());
        int size = population.values().stream().mapToInt(List::size).sum();
        Projects projects = projects(plan.region().value(), plan.year(), plan.registers());
        int projectSize = projects.byTownship().values().stream().mapToInt(List::size).sum();
        if (size + projectSize == 0) {
            throw FieldRuleException.invalid(Map.of("regionCode", "has nothing in the registers " + plan.registers()
                    + (plan.registers().contains(Register.PROJECTS) ? " (projects funded in " + plan.year() + ")" : "")
                    + ": nothing to inspect"));
        }
        long seed = seeds.nextLong();
        List<Sampler.Drawn> drawn = Sampler.draw(seed, plan.percent(), plan.minimum(), population);
        List<Sampler.Drawn> drawnProjects = Sampler.draw(seed ^ PROJECTS_SALT, plan.percent(), plan.minimumProjects(),
                projects.byTownship());
        int total = drawn.size() + drawnProjects.size();
        if (total > MAX_SAMPLE) {
            throw FieldRuleException.invalid(Map.of("percent", "draws " + total + " households and projects, at most "
                    + MAX_SAMPLE + " per round: lower the share or the minimum, or inspect a smaller region"));
        }
        InspectionRound round = rounds.saveAndFlush(new InspectionRound(plan.region().value(), plan.year(),
                plan.registers(), plan.percent(), plan.minimum(), plan.minimumProjects(), seed, actor,
                clock.instant()));
        round.numbered(size, projectSize, total);
        List<InspectionSample> rows = new ArrayList<>();
        for (Sampler.Drawn household : drawn) {
            rows.add(new InspectionSample(round.getId(), rows.size() + 1, household.householdId(), null,
                    household.villageCode()));
        }
        for (Sampler.Drawn project : drawnProjects) {
            rows.add(new InspectionSample(round.getId(), rows.size() + 1, null, project.householdId(),
                    projects.regionOf().get(project.householdId())));
        }
        samples.saveAll(rows);
        return round;
    }

    /** The households of the registers in the region, per village in code order, each village's ids ascending. */
    SortedMap<String, List<Long>> population(String regionCode, List<Register> registers) {
        SortedMap<String, List<Long>> population = new TreeMap<>();
        List<Register> householdRegisters = registers.stream().filter(Register::households).toList();
        if (householdRegisters.isEmpty()) {
            return population;
        }
        String prefix = RegionCode.of(regionCode).prefix(RegionCode.of(regionCode).level());
        String statuses = String.join(",", householdRegisters.stream().map(r -> "'" + r.status().name() + "'")
                .toList());
        jdbc.query("select id, village_code from household where village_code like ? and status in (" + statuses
                + ") order by village_code, id", row -> {
                    population.computeIfAbsent(row.getString(2), k -> new ArrayList<>()).add(row.getLong(1));
                }, prefix + "%");
        return population;
    }

    /**
     * The projects register of a round: the projects of the region funded for the round's year (funds allocated or
     * later), per township in code order (a county's own projects are the county's stratum), ids ascending; and each
     * project's region, where its inspection task goes.
     */
    record Projects(SortedMap<String, List<Long>> byTownship, Map<Long, String> regionOf) {
    }

    Projects projects(String regionCode, int year, List<Register> registers) {
        SortedMap<String, List<Long>> byTownship = new TreeMap<>();
        Map<Long, String> regionOf = new java.util.HashMap<>();
        if (!registers.contains(Register.PROJECTS)) {
            return new Projects(byTownship, regionOf);
        }
        String prefix = RegionCode.of(regionCode).prefix(RegionCode.of(regionCode).level());
        jdbc.query("select id, region_code from project where region_code like ? and fund_year = ? and status in ("
                + String.join(",", FUNDED.stream().map(s -> "'" + s + "'").toList()) + ") order by id", row -> {
                    RegionCode region = RegionCode.of(row.getString(2));
                    if (region.level().isAbove(RegionLevel.COUNTY)) {
                        return; // a city's or province's own project is not a county's register
                    }
                    String stratum = region.level() == RegionLevel.VILLAGE
                            ? region.ancestor(RegionLevel.TOWNSHIP).value() : region.value();
                    byTownship.computeIfAbsent(stratum, k -> new ArrayList<>()).add(row.getLong(1));
                    regionOf.put(row.getLong(1), region.value());
                }, prefix + "%", year);
        return new Projects(byTownship, regionOf);
    }

    /** The comparison of an auditor's re-draw with the recorded sample. */
    public record Redraw(String roundNo, long seed, boolean matches, List<Long> recorded, List<Long> redrawn,
            int populationThen, int populationNow, List<Long> recordedProjects, List<Long> redrawnProjects,
            int projectPopulationThen, int projectPopulationNow) {
    }

    /** Draws again with the recorded seed over today's registry and compares with what was recorded. */
    @Transactional(readOnly = true)
    public Redraw redraw(InspectionRound round) {
        SortedMap<String, List<Long>> population = population(round.getRegionCode(), round.getRegisters());
        List<Long> redrawn = Sampler.draw(round.getSeed(), round.getSamplePercent(), round.getMinimumPerVillage(),
                population).stream().map(Sampler.Drawn::householdId).toList();
        Projects projects = projects(round.getRegionCode(), round.getYear(), round.getRegisters());
        List<Long> redrawnProjects = Sampler.draw(round.getSeed() ^ PROJECTS_SALT, round.getSamplePercent(),
                round.getMinimumProjectsPerTownship(), projects.byTownship()).stream()
                .map(Sampler.Drawn::householdId).toList();
        List<InspectionSample> rows = samples.findByRoundIdOrderByPosition(round.getId());
        List<Long> recorded = rows.stream().filter(r -> !r.isProject()).map(InspectionSample::getHouseholdId).toList();
        List<Long> recordedProjects = rows.stream().filter(InspectionSample::isProject)
                .map(InspectionSample::getProjectId).toList();
        return new Redraw(round.getRoundNo(), round.getSeed(),
                recorded.equals(redrawn) && recordedProjects.equals(redrawnProjects), recorded, redrawn,
                round.getPopulation(), population.values().stream().mapToInt(List::size).sum(), recordedProjects,
                redrawnProjects, round.getProjectPopulation(),
                projects.byTownship().values().stream().mapToInt(List::size).sum());
    }

    /** The projects' numbers by id (null ids left out). */
    @Transactional(readOnly = true)
    public Map<Long, String> projectNumbers(List<Long> projectIds) {
        Map<Long, String> numbers = new java.util.HashMap<>();
        List<Long> ids = projectIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int from = 0; from < ids.size(); from += 200) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
            jdbc.query("select id, project_no from project where id in (" + String.join(",",
                    chunk.stream().map(id -> "?").toList()) + ")", row -> {
                        numbers.put(row.getLong(1), row.getString(2));
                    }, chunk.toArray());
        }
        return numbers;
    }

    @Transactional(readOnly = true)
    public InspectionRound round(String roundNo) {
        return rounds.findByRoundNo(roundNo).orElseThrow(() -> new FieldRuleException(HttpStatus.NOT_FOUND,
                "unknown-round", "督查轮次不存在 / Unknown inspection round",
                Map.of("roundNo", "no round numbered '" + roundNo + "'")));
    }

    @Transactional(readOnly = true)
    public InspectionRound round(long id) {
        return rounds.findById(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<InspectionRound> rounds(String regionPrefix) {
        return rounds.findInRegion(regionPrefix);
    }

    @Transactional(readOnly = true)
    public List<InspectionSample> samples(long roundId) {
        return samples.findByRoundIdOrderByPosition(roundId);
    }

    @Transactional(readOnly = true)
    public List<InspectionFinding> findings(long roundId) {
        return findings.findByRoundIdOrderById(roundId);
    }

    @Transactional(readOnly = true)
    public InspectionSample sampleAt(long roundId, int position) {
        return samples.findByRoundIdAndPosition(roundId, position).orElseThrow(() -> new IllegalStateException(
                "round " + roundId + " has no sample at position " + position));
    }

    public InspectionSample sample(long sampleId) {
        return samples.findById(sampleId).orElseThrow();
    }

    public InspectionFinding finding(long findingId) {
        return findings.findById(findingId).orElseThrow();
    }

    /** The case held against its file: nothing wrong. */
    void clean(long sampleId, String notes, String actor) {
        sample(sampleId).checked(InspectionSample.Status.CLEAN, notes, actor, clock.instant());
    }

    /** Something wrong: the finding, with the cadre and unit of the household's current pairing where they answer. */
    InspectionFinding found(long sampleId, Kind kind, Severity severity, String description, Responsible responsible,
            String notes, String actor) {
        InspectionSample sample = sample(sampleId);
        Long cadreId = null;
        Long unitId = null;
        if (sample.isProject()) {
            return record(sample, kind, severity, description, Responsible.OWNER, null, null, notes, actor);
        }
        List<Map<String, Object>> pairing = jdbc.queryForList(
                "select cadre_id, unit_id from pairing where household_id = ? and ended_at is null",
                sample.getHouseholdId());
        if (!pairing.isEmpty()) {
            cadreId = ((Number) pairing.get(0).get("cadre_id")).longValue();
            unitId = ((Number) pairing.get(0).get("unit_id")).longValue();
        } else if (responsible != Responsible.TOWNSHIP) {
            throw FieldRuleException.invalid(Map.of("findingResponsible", "the household has no assisting cadre or "
                    + "unit paired with it now: the township answers for it"));
        }
        return record(sample, kind, severity, description, responsible, cadreId, unitId, notes, actor);
    }

    private InspectionFinding record(InspectionSample sample, Kind kind, Severity severity, String description,
            Responsible responsible, Long cadreId, Long unitId, String notes, String actor) {
        sample.checked(InspectionSample.Status.FINDING, notes, actor, clock.instant());
        InspectionRound round = round(sample.getRoundId());
        return findings.save(new InspectionFinding(round.getRoundNo() + "-" + sample.getPosition(), sample, kind,
                severity, description, responsible, cadreId, unitId, actor, clock.instant()));
    }

    /**
     * The group that owns a project's rectification: the township for a village's or a township's project; for the
     * county's own project its lead department (DMN leadUnit, e.g. agriculture-654224), or the county office where
     * none was routed.
     */
    String ownerGroup(long projectId, org.precisionaid.region.CandidateGroups groups) {
        Map<String, Object> project = jdbc.queryForMap("select region_code, lead_unit from project where id = ?",
                projectId);
        RegionCode region = RegionCode.of((String) project.get("region_code"));
        if (region.level() == RegionLevel.VILLAGE || region.level() == RegionLevel.TOWNSHIP) {
            return groups.of(region.value(), "township");
        }
        String lead = (String) project.get("lead_unit");
        return groups.of(region.ancestor(RegionLevel.COUNTY).value(), lead == null ? "county" : lead);
    }

    void rectificationDue(long findingId, java.util.Date due) {
        finding(findingId).due(due == null ? null : due.toInstant());
    }

    void rectified(long findingId, String report, String actor) {
        finding(findingId).rectified(report, actor, clock.instant());
    }

    void verified(long findingId, String decision, String comment, String actor) {
        InspectionFinding finding = finding(findingId);
        switch (decision) {
            case "close" -> finding.closed(InspectionFinding.Status.CLOSED, comment, actor, clock.instant());
            case "withdraw" -> finding.closed(InspectionFinding.Status.WITHDRAWN, comment, actor, clock.instant());
            default -> finding.returned(comment);
        }
    }

    /** The login of the cadre, if he has one (he is then a candidate of the rectification besides the township). */
    java.util.Optional<String> cadreUser(long cadreId) {
        return jdbc.queryForList("select user_id from cadre where id = ? and user_id is not null", String.class, cadreId)
                .stream().findFirst();
    }

    /**
     * The logins of the unit's liaisons who can answer now (serving, named by the county office, with a login), in id
     * order; empty when the unit has none yet (ADR 0030).
     */
    List<String> liaisons(long unitId) {
        return jdbc.queryForList("select user_id from cadre where unit_id = ? and liaison and active "
                + "and user_id is not null order by id", String.class, unitId);
    }

    /** Records who holds the rectification task now, as the finding shows it. */
    void heldBy(long findingId, InspectionFinding.Rectifier rectifier) {
        finding(findingId).heldBy(rectifier);
    }

    void closeRound(long roundId) {
        round(roundId).close(clock.instant());
    }
}
