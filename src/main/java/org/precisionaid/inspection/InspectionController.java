package org.precisionaid.inspection;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.precisionaid.region.RegionCode;
import org.precisionaid.registry.HouseholdService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspection rounds (issue #24): the county or city office or the auditors plan one, its sample is drawn by the server
 * and kept with its seed; the planners, the auditors and the inspectors read rounds, samples and findings, and re-draw
 * a sample to compare. The inspected townships and villages read none of it (403).
 */
@RestController
@RequestMapping("/api/inspections")
public class InspectionController {

    private final InspectionService inspections;
    private final InspectionStarter starter;
    private final HouseholdService households;

    public InspectionController(InspectionService inspections, InspectionStarter starter, HouseholdService households) {
        this.inspections = inspections;
        this.starter = starter;
        this.households = households;
    }

    public record PlanBody(String regionCode, Integer year, List<String> registers, BigDecimal percent,
            Integer minimumPerVillage, Integer minimumProjectsPerTownship) {
    }

    public record Stratum(String villageCode, long drawn) {
    }

    /** {@code strata}: per village for the households, per township (or the county's own) for the projects. */
    public record RoundView(String roundNo, String regionCode, int year, List<Register> registers, BigDecimal percent,
            int minimumPerVillage, int minimumProjectsPerTownship, String seed, int population, int projectPopulation,
            int sampleSize, String status, String plannedBy, Instant plannedAt, Instant closedAt, List<Stratum> strata) {
    }

    /** A household ({@code applicationNo}) or a project ({@code projectNo}); {@code villageCode}: its region. */
    public record SampleView(int position, String applicationNo, String projectNo, String villageCode, String status,
            String checkedBy, Instant checkedAt) {
    }

    public record FindingView(String findingNo, String applicationNo, String projectNo, String villageCode, String kind, String severity,
            String responsible, String rectifier, String status, String description, Instant dueAt,
            String rectification, Instant closedAt) {
    }

    public record RoundDetail(RoundView round, List<SampleView> sample, List<FindingView> findings) {
    }

    public record RedrawView(String roundNo, String seed, boolean matches, List<String> recorded, List<String> redrawn,
            int populationThen, int populationNow, List<String> recordedProjects, List<String> redrawnProjects,
            int projectPopulationThen, int projectPopulationNow) {
    }

    @PostMapping
    public ResponseEntity<RoundView> plan(@RequestBody PlanBody body, Authentication user) {
        InspectionService.Checked checked = inspections.check(new InspectionService.Plan(body.regionCode(),
                body.year(), body.registers(), body.percent(), body.minimumPerVillage(),
                body.minimumProjectsPerTownship()));
        InspectionAccess.checkPlanner(user, checked.region());
        InspectionRound round = starter.plan(checked, user.getName());
        return ResponseEntity.created(URI.create("/api/inspections/" + round.getRoundNo()))
                .body(view(round, inspections.samples(round.getId())));
    }

    /** The rounds of a region the caller reads (his own region when none is named). */
    @GetMapping
    public List<RoundView> rounds(@RequestParam(required = false) String region, Authentication user) {
        List<String> readable = InspectionAccess.prefixes(user, InspectionAccess.READERS);
        String prefix;
        if (region == null || region.isBlank()) {
            if (readable.isEmpty() && !org.precisionaid.security.RegionScope.of(user).everything()) {
                throw InspectionAccess.forbidden("region", "inspection rounds are read only by the county or city "
                        + "office, the auditors and the inspectors");
            }
            prefix = readable.size() == 1 ? readable.get(0) : "";
        } else {
            RegionCode code = RegionCode.of(region.trim(), "region");
            prefix = code.prefix(code.level());
            if (!org.precisionaid.security.RegionScope.of(user).everything()
                    && readable.stream().noneMatch(prefix::startsWith)) {
                throw InspectionAccess.forbidden("region", "not a region whose inspection rounds you read");
            }
        }
        return inspections.rounds(prefix).stream()
                .filter(round -> org.precisionaid.security.RegionScope.of(user).everything()
                        || readable.stream().anyMatch(p -> round.getRegionCode().startsWith(p) || p.startsWith(
                                RegionCode.of(round.getRegionCode()).prefix(RegionCode.of(round.getRegionCode()).level()))))
                .map(round -> view(round, null)).toList();
    }

    @GetMapping("/{roundNo}")
    public RoundDetail round(@PathVariable String roundNo, Authentication user) {
        InspectionRound round = inspections.round(roundNo);
        List<String> readable = InspectionAccess.readable(user, round.getRegionCode());
        List<InspectionSample> samples = inspections.samples(round.getId()).stream()
                .filter(s -> InspectionAccess.covers(readable, s.getVillageCode())).toList();
        Map<Long, String> numbers = numbers(samples.stream().map(InspectionSample::getHouseholdId).toList());
        Map<Long, String> projectNumbers = inspections.projectNumbers(samples.stream()
                .map(InspectionSample::getProjectId).toList());
        List<SampleView> sample = samples.stream().map(s -> new SampleView(s.getPosition(),
                numbers.get(s.getHouseholdId()), projectNumbers.get(s.getProjectId()), s.getVillageCode(),
                s.getStatus().name(), s.getCheckedBy(), s.getCheckedAt())).toList();
        List<FindingView> findings = inspections.findings(round.getId()).stream()
                .filter(f -> InspectionAccess.covers(readable, f.getVillageCode()))
                .map(f -> new FindingView(f.getFindingNo(), numbers.get(f.getHouseholdId()),
                        projectNumbers.get(f.getProjectId()), f.getVillageCode(),
                        f.getKind().name(), f.getSeverity().name(), f.getResponsible().name(),
                        f.getRectifier() == null ? null : f.getRectifier().name(), f.getStatus().name(),
                        f.getDescription(), f.getDueAt(), f.getRectification(), f.getClosedAt())).toList();
        return new RoundDetail(view(round, inspections.samples(round.getId())), sample, findings);
    }

    /** Draws the round's sample again with its recorded seed over today's registry and says whether it is the same. */
    @GetMapping("/{roundNo}/redraw")
    public RedrawView redraw(@PathVariable String roundNo, Authentication user) {
        InspectionRound round = inspections.round(roundNo);
        if (!InspectionAccess.readable(user, round.getRegionCode()).equals(List.of(round.getRegionCode()))
                && !org.precisionaid.security.RegionScope.of(user).everything()) {
            throw InspectionAccess.forbidden("roundNo", "only an official who reads the whole round re-draws it");
        }
        InspectionService.Redraw redraw = inspections.redraw(round);
        List<Long> all = new java.util.ArrayList<>(redraw.recorded());
        all.addAll(redraw.redrawn());
        Map<Long, String> numbers = numbers(all);
        List<Long> allProjects = new java.util.ArrayList<>(redraw.recordedProjects());
        allProjects.addAll(redraw.redrawnProjects());
        Map<Long, String> projectNumbers = inspections.projectNumbers(allProjects);
        return new RedrawView(redraw.roundNo(), Long.toString(redraw.seed()), redraw.matches(),
                redraw.recorded().stream().map(numbers::get).toList(),
                redraw.redrawn().stream().map(numbers::get).toList(), redraw.populationThen(), redraw.populationNow(),
                redraw.recordedProjects().stream().map(projectNumbers::get).toList(),
                redraw.redrawnProjects().stream().map(projectNumbers::get).toList(), redraw.projectPopulationThen(),
                redraw.projectPopulationNow());
    }

    private Map<Long, String> numbers(List<Long> householdIds) {
        return householdIds.stream().filter(java.util.Objects::nonNull).distinct().collect(Collectors.toMap(Function.identity(),
                id -> households.get(id).getApplicationNo()));
    }

    /** The seed as text: a JavaScript page would round a 64-bit number. */
    private static RoundView view(InspectionRound round, List<InspectionSample> samples) {
        List<Stratum> strata = samples == null ? null : samples.stream()
                .collect(Collectors.groupingBy(InspectionSample::getVillageCode, java.util.TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(e -> new Stratum(e.getKey(), e.getValue())).toList();
        return new RoundView(round.getRoundNo(), round.getRegionCode(), round.getYear(), round.getRegisters(),
                round.getSamplePercent(), round.getMinimumPerVillage(), round.getMinimumProjectsPerTownship(),
                Long.toString(round.getSeed()), round.getPopulation(), round.getProjectPopulation(), round.getSampleSize(), round.getStatus().name(), round.getPlannedBy(),
                round.getPlannedAt(), round.getClosedAt(), strata);
    }

}
