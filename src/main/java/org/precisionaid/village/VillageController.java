package org.precisionaid.village;

import org.precisionaid.web.input.MultiLine;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Village files and village exits over REST. Officials read the villages of their own region (township, county, city,
 * auditors); only the village's clerk or committee writes its file, and only the committee applies for its exit.
 * Another region's village is refused with 403 naming the field.
 */
@RestController
public class VillageController {

    private final VillageFileService files;
    private final VillageExitService exits;
    private final VillageExitStarter starter;
    private final RegionService regions;
    private final CandidateGroups groups;

    private final org.precisionaid.villageteams.VillageAssistance assistance;

    public VillageController(VillageFileService files, VillageExitService exits, VillageExitStarter starter,
            RegionService regions, CandidateGroups groups,
            org.precisionaid.villageteams.VillageAssistance assistance) {
        this.assistance = assistance;
        this.files = files;
        this.exits = exits;
        this.starter = starter;
        this.regions = regions;
        this.groups = groups;
    }

    // ---- views ----

    public record ExitCheck(boolean eligible, long poorPopulation, int agriculturalPopulation, BigDecimal incidence,
                            BigDecimal maxIncidence, long collectiveIncomeYuan, long minCollectiveIncomeYuan,
                            String thresholdSource, List<VillageExitRules.Shortfall> shortfalls) {
        static ExitCheck of(VillageExitRules.Check check) {
            return new ExitCheck(check.eligible(), check.figures().poorPopulation(),
                    check.figures().agriculturalPopulation(), check.incidence(), check.maxIncidence(),
                    check.figures().collectiveIncomeYuan(), check.minCollectiveIncomeYuan(), check.thresholdSource(),
                    check.shortfalls());
        }
    }

    public record ExitSummary(String exitNo, int exitYear, String status, String statusLabel, Instant appliedAt) {
        static ExitSummary of(VillageExit exit) {
            return new ExitSummary(exit.getExitNo(), exit.getExitYear(), exit.getStatus().name(),
                    exit.getStatus().label(), exit.getAppliedAt());
        }
    }

    public record VillageFileView(String villageCode, String village, int households, int population,
                                  int agriculturalPopulation, BigDecimal areaKm2, BigDecimal cultivatedLandMu,
                                  boolean roadHardened, boolean busService, boolean safeDrinkingWater,
                                  boolean electricity, boolean broadband, boolean clinic, boolean culturalRoom,
                                  String leadingIndustries, long collectiveIncomeYuan, int collectiveIncomeYear,
                                  Long perCapitaIncomeYuan, String mainConstraints, String urgentNeeds,
                                  Integer plannedExitYear, Integer exitYear, ExitCheck exitCheck,
                                  List<ExitSummary> exits, String updatedBy, Instant updatedAt, long version,
                                  boolean canEdit, org.precisionaid.villageteams.VillageAssistance.Structure assistance) {
    }

    public record VillageRow(String villageCode, String village, boolean hasFile, long poorPopulation,
                             Integer agriculturalPopulation, BigDecimal incidence, Long collectiveIncomeYuan,
                             Integer exitYear, boolean canEdit) {
    }

    public record ExitApplication(Integer exitYear, @MultiLine String statement) {
    }

    public record DecisionView(String level, String levelLabel, String decision, String reason, String actor,
                               Instant at) {
    }

    public record ExitView(String exitNo, String villageCode, String village, int exitYear, String status,
                           String statusLabel, String statement, int poorPopulation, int agriculturalPopulation,
                           BigDecimal incidence, BigDecimal maxIncidence, long collectiveIncomeYuan,
                           long minCollectiveIncomeYuan, String shortfalls, Instant noticeEnds, String rejectionLevel,
                           String rejectionReason, String rejectedBy, List<DecisionView> decisions) {
    }

    // ---- village files ----

    /** The villages of a region (township, county or above) with their file's key figures and poor population. */
    @GetMapping("/api/villages")
    public List<VillageRow> villages(@RequestParam String region, Authentication user) {
        Region where = regions.get(region);
        requireReader(where.getCode(), user, "region");
        String prefix = where.code().prefix(where.getLevel());
        Map<String, VillageFile> byCode = new java.util.HashMap<>();
        files.inRegion(prefix).forEach(file -> byCode.put(file.getVillageCode(), file));
        Map<String, Long> poor = files.poorPopulations(prefix);
        return villagesUnder(where).stream().map(village -> {
            VillageFile file = byCode.get(village.getCode());
            long poorPopulation = poor.getOrDefault(village.getCode(), 0L);
            return new VillageRow(village.getCode(), village.label(), file != null, poorPopulation,
                    file == null ? null : file.getAgriculturalPopulation(),
                    file == null ? null : VillageFileService.figures(file, poorPopulation).incidence(),
                    file == null ? null : file.getCollectiveIncomeYuan(), file == null ? null : file.getExitYear(),
                    keeps(village.getCode(), user));
        }).toList();
    }

    @GetMapping("/api/villages/{villageCode}/file")
    public VillageFileView file(@PathVariable String villageCode, Authentication user) {
        Region village = files.village(villageCode);
        requireReader(village.getCode(), user, "villageCode");
        VillageFile file = files.find(villageCode).orElseThrow(() -> new FieldRuleException(HttpStatus.NOT_FOUND,
                "no-village-file", "村档不存在 / No village file", Map.of("villageCode", "village " + villageCode
                        + " has no village file yet; its clerk or committee enters it with PUT")));
        return view(village, file, keeps(village.getCode(), user));
    }

    /** Creates or replaces the file: the village's clerk or committee only. */
    @PutMapping("/api/villages/{villageCode}/file")
    public VillageFileView saveFile(@PathVariable String villageCode, @RequestBody(required = false) VillageFileForm body,
            Authentication user) {
        Region village = files.village(villageCode);
        requireKeeper(village.getCode(), user);
        files.save(villageCode, body, user.getName());
        return view(village, files.get(villageCode), true);
    }

    // ---- village exit ----

    /** The village committee applies for its village's exit; the villageExit case starts (201) or nothing does. */
    @PostMapping("/api/villages/{villageCode}/exit")
    @Transactional
    public ResponseEntity<ExitView> applyForExit(@PathVariable String villageCode,
            @RequestBody(required = false) ExitApplication body, Authentication user) {
        Region village = files.village(villageCode);
        if (!RegionScope.memberOf(user, groups.of(village.getCode(), OfficialRole.VILLAGE.key()))) {
            throw forbidden("villageCode", "only the village committee of " + villageCode + " applies for its exit");
        }
        VillageExitStarter.Started started = starter.apply(villageCode, body == null ? null : body.exitYear(),
                body == null ? null : body.statement(), user.getName());
        return ResponseEntity.created(URI.create("/api/village-exits/" + started.exit().getExitNo()))
                .body(view(exits.find(started.exit().getExitNo()).orElseThrow()));
    }

    @GetMapping("/api/village-exits/{exitNo}")
    @Transactional(readOnly = true)
    public ExitView exit(@PathVariable String exitNo, Authentication user) {
        VillageExit exit = exits.find(exitNo).orElseThrow(() -> unknownExit(exitNo));
        if (!RegionScope.of(user).covers(exit.getVillageCode())) {
            throw unknownExit(exitNo);
        }
        return view(exit);
    }

    // ---- access rules ----

    private void requireReader(String regionCode, Authentication user, String field) {
        if (!RegionScope.of(user).covers(regionCode)) {
            throw forbidden(field, regionCode + " lies outside your region " + RegionScope.of(user).prefixes());
        }
    }

    /** The village's clerk or committee: the only officials who keep its file (the screens show them the form). */
    private boolean keeps(String villageCode, Authentication user) {
        return RegionScope.memberOf(user, groups.of(villageCode, OfficialRole.CLERK.key()))
                || RegionScope.memberOf(user, groups.of(villageCode, OfficialRole.VILLAGE.key()));
    }

    private void requireKeeper(String villageCode, Authentication user) {
        if (!keeps(villageCode, user)) {
            throw forbidden("villageCode", "only the clerk or the village committee of " + villageCode
                    + " keeps its village file");
        }
    }

    private static FieldRuleException forbidden(String field, String rule) {
        return new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of(field, rule));
    }

    private static FieldRuleException unknownExit(String exitNo) {
        return new FieldRuleException(HttpStatus.NOT_FOUND, "unknown-village-exit", "申请不存在 / Unknown application",
                Map.of("exitNo", "no village exit application " + exitNo + " in your region"));
    }

    private List<Region> villagesUnder(Region where) {
        if (where.getLevel() == RegionLevel.VILLAGE) {
            return List.of(where);
        }
        List<Region> villages = new java.util.ArrayList<>();
        for (Region child : regions.children(where.getCode())) {
            villages.addAll(villagesUnder(child));
        }
        return villages;
    }

    // ---- mapping ----

    private VillageFileView view(Region village, VillageFile f, boolean canEdit) {
        ExitCheck check = ExitCheck.of(files.check(village.getCode()));
        return new VillageFileView(f.getVillageCode(), village.label(), f.getHouseholds(), f.getPopulation(),
                f.getAgriculturalPopulation(), f.getAreaKm2(), f.getCultivatedLandMu(), f.isRoadHardened(),
                f.isBusService(), f.isSafeDrinkingWater(), f.isElectricity(), f.isBroadband(), f.isClinic(),
                f.isCulturalRoom(), f.getLeadingIndustries(), f.getCollectiveIncomeYuan(), f.getCollectiveIncomeYear(),
                f.getPerCapitaIncomeYuan(), f.getMainConstraints(), f.getUrgentNeeds(), f.getPlannedExitYear(),
                f.getExitYear(), check, exits.ofVillage(village.getCode()).stream().map(ExitSummary::of).toList(),
                f.getUpdatedBy(), f.getUpdatedAt(), f.getVersion(), canEdit, assistance.of(village.getCode()));
    }

    private ExitView view(VillageExit e) {
        return new ExitView(e.getExitNo(), e.getVillageCode(), regions.get(e.getVillageCode()).label(), e.getExitYear(),
                e.getStatus().name(), e.getStatus().label(), e.getStatement(), e.getPoorPopulation(),
                e.getAgriculturalPopulation(), e.getIncidence(), e.getMaxIncidence(), e.getCollectiveIncomeYuan(),
                e.getMinCollectiveIncomeYuan(), e.getShortfalls(), e.getNoticeEnds(),
                e.getRejectionLevel() == null ? null : e.getRejectionLevel().name(), e.getRejectionReason(),
                e.getRejectedBy(), e.getDecisions().stream().map(d -> new DecisionView(d.getLevel().name(),
                        d.getLevel().label(), d.getDecision(), d.getReason(), d.getActor(), d.getAt())).toList());
    }
}
