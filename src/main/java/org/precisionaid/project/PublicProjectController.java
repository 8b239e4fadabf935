package org.precisionaid.project;

import org.precisionaid.web.input.MultiLine;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.procedure.SubmissionLimiter;
import org.precisionaid.project.ProjectCodes.Status;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Member;
import org.precisionaid.web.FieldRuleException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public on purpose, without login (§17: disclosure of targets, funds and projects at county and village level):
 * the projects of a county, township or village from their disclosure on — what, how much from which source,
 * who implements it, how far it is, what was allocated and disbursed, and how many households of each village
 * benefit. Heads of household are named as on the identification notice; never an ID number or a phone.
 * The page is /public/projects.html.
 */
@RestController
@RequestMapping("/public")
public class PublicProjectController {

    static final int MAX_PROJECTS = 200;
    static final Set<Status> PUBLISHED = EnumSet.of(Status.DISCLOSED, Status.FUNDED, Status.IMPLEMENTING,
            Status.ACCEPTED, Status.CLOSED);

    private final RegionService regions;
    private final ProjectRepository projects;
    private final Ledger ledger;
    private final ObjectionService objections;
    private final SubmissionLimiter limiter;
    private final Clock clock;
    private final FundSourceRepository sources;

    public PublicProjectController(RegionService regions, ProjectRepository projects, Ledger ledger,
            ObjectionService objections, SubmissionLimiter limiter, Clock clock, FundSourceRepository sources) {
        this.sources = sources;
        this.regions = regions;
        this.projects = projects;
        this.ledger = ledger;
        this.objections = objections;
        this.limiter = limiter;
        this.clock = clock;
    }

    public record Funds(String fundSource, String fundSourceLabel, BigDecimal budget, BigDecimal allocated, BigDecimal disbursed) {
    }

    public record VillageBeneficiaries(String villageCode, String village, int households, List<String> heads) {
    }

    public record PublicProject(String projectNo, String name, String type, String implementingUnit, String region,
                                String stage, String stageLabel, BigDecimal total, BigDecimal allocated,
                                BigDecimal disbursed, List<Funds> funds, List<String> outputs, int progressPercent,
                                Instant disclosureEnds, boolean takesObjections,
                                List<VillageBeneficiaries> beneficiaries) {
    }

    public record RegionProjects(String regionCode, String region, List<PublicProject> projects) {
    }

    public record ProjectObjection(String projectNo, @MultiLine String reason, String contact) {
    }

    public record ObjectionReceipt(long objectionId, String projectNo, String message) {
    }

    @GetMapping("/projects")
    @Transactional(readOnly = true)
    public RegionProjects projects(@RequestParam String region) {
        Region where = regions.get(region);
        if (where.getLevel().isAbove(RegionLevel.COUNTY)) {
            throw FieldRuleException.invalid(Map.of("region", "'" + region + "' is not a county, township or village code"));
        }
        String prefix = where.code().prefix(where.getLevel());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> sourceLabels = new LinkedHashMap<>();
        sources.findAllByOrderByPosition().forEach(source -> sourceLabels.put(source.getCode(), source.label()));
        List<Project> page = projects.published(prefix, PUBLISHED, PageRequest.of(0, MAX_PROJECTS));
        Map<Long, List<LedgerEntry>> entries = ledger.entriesOf(page.stream().map(Project::getId).toList());
        List<PublicProject> list = page.stream().map(project -> publish(project,
                ledger.balances(project, entries.getOrDefault(project.getId(), List.of())), names, sourceLabels)).toList();
        return new RegionProjects(where.getCode(), where.label(), list);
    }

    @PostMapping("/project-objections")
    public ResponseEntity<ObjectionReceipt> object(@RequestBody ProjectObjection request, HttpServletRequest http) {
        limiter.check(http.getRemoteAddr());
        Objection objection = objections.submit(Objection.Subject.PROJECT, request.projectNo(), request.reason(),
                request.contact());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ObjectionReceipt(objection.getId(),
                request.projectNo().trim(),
                "异议已受理，县扶贫办将调查答复 / Your objection was received; the county office will investigate and answer"));
    }

    private PublicProject publish(Project project, Map<String, Ledger.Balance> balances, Map<String, String> villageNames,
            Map<String, String> sourceLabels) {
        long allocated = balances.values().stream().mapToLong(Ledger.Balance::allocatedFen).sum();
        long disbursed = balances.values().stream().mapToLong(Ledger.Balance::disbursedFen).sum();
        Map<String, List<String>> byVillage = new LinkedHashMap<>();
        project.getBeneficiaries().forEach(b -> {
            Member head = b.getHousehold().head();
            byVillage.computeIfAbsent(b.getHousehold().getVillageCode(), v -> new java.util.ArrayList<>())
                    .add(head == null ? "" : head.getName());
        });
        Instant now = clock.instant();
        return new PublicProject(project.getProjectNo(), project.getName(), project.getType().label(),
                project.getImplementingUnit(), label(project.getRegionCode(), villageNames),
                project.getStatus().name(), project.getStatus().label(), Money.yuan(project.getTotalFen()),
                Money.yuan(allocated), Money.yuan(disbursed),
                balances.values().stream().map(b -> new Funds(b.fundSource(),
                        sourceLabels.getOrDefault(b.fundSource(), b.fundSource()), Money.yuan(b.budgetFen()),
                        Money.yuan(b.allocatedFen()), Money.yuan(b.disbursedFen()))).toList(),
                project.getOutputs().stream().map(o -> o.getDescription() + " "
                        + o.getQuantity().stripTrailingZeros().toPlainString() + " " + o.getUnit()).toList(),
                project.getProgressPercent(), project.getDisclosureEnds(),
                project.getStatus() == Status.DISCLOSED && project.getDisclosureEnds() != null
                        && now.isBefore(project.getDisclosureEnds()),
                byVillage.entrySet().stream().map(e -> new VillageBeneficiaries(e.getKey(),
                        label(e.getKey(), villageNames), e.getValue().size(), e.getValue())).toList());
    }

    private String label(String code, Map<String, String> cache) {
        return cache.computeIfAbsent(code, c -> regions.exists(c) ? regions.get(c).label() : c);
    }

}
