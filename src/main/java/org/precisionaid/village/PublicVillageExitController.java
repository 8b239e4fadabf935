package org.precisionaid.village;

import org.precisionaid.web.input.MultiLine;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.procedure.SubmissionLimiter;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.web.FieldRuleException;
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
 * Public on purpose, without login: the villages of a county, township or village whose exit is on notice, with the
 * figures it rests on (aggregates only — no household, no person), and the objection form. The page is
 * /public/village-exits.html.
 */
@RestController
@RequestMapping("/public")
public class PublicVillageExitController {

    private final RegionService regions;
    private final VillageExitService exits;
    private final VillageFileService files;
    private final ObjectionService objections;
    private final SubmissionLimiter limiter;
    private final Clock clock;

    public PublicVillageExitController(RegionService regions, VillageExitService exits, VillageFileService files,
            ObjectionService objections, SubmissionLimiter limiter, Clock clock) {
        this.regions = regions;
        this.exits = exits;
        this.files = files;
        this.objections = objections;
        this.limiter = limiter;
        this.clock = clock;
    }

    public record VillageExitNotice(String exitNo, String villageCode, String village, int exitYear,
                                    int poorPopulation, int agriculturalPopulation, BigDecimal incidence,
                                    BigDecimal maxIncidence, long collectiveIncomeYuan, long minCollectiveIncomeYuan,
                                    boolean roadHardened, boolean safeDrinkingWater, boolean electricity,
                                    boolean broadband, boolean clinic, String leadingIndustries, Instant noticeEnds,
                                    boolean takesObjections) {
    }

    public record RegionNotices(String regionCode, String region, List<VillageExitNotice> villages) {
    }

    public record ExitObjection(String exitNo, @MultiLine String reason, String contact) {
    }

    public record ObjectionReceipt(long objectionId, String exitNo, String message) {
    }

    @GetMapping("/village-exits")
    @Transactional(readOnly = true)
    public RegionNotices notices(@RequestParam String region) {
        Region where = regions.get(region);
        if (where.getLevel().isAbove(RegionLevel.COUNTY)) {
            throw FieldRuleException.invalid(Map.of("region", "'" + region
                    + "' is not a county, township or village code"));
        }
        Instant now = clock.instant();
        List<VillageExitNotice> list = exits.announced(where.code().prefix(where.getLevel())).stream().map(exit -> {
            VillageFile file = files.get(exit.getVillageCode());
            return new VillageExitNotice(exit.getExitNo(), exit.getVillageCode(),
                    regions.get(exit.getVillageCode()).label(), exit.getExitYear(), exit.getPoorPopulation(),
                    exit.getAgriculturalPopulation(), exit.getIncidence(), exit.getMaxIncidence(),
                    exit.getCollectiveIncomeYuan(), exit.getMinCollectiveIncomeYuan(), file.isRoadHardened(),
                    file.isSafeDrinkingWater(), file.isElectricity(), file.isBroadband(), file.isClinic(),
                    file.getLeadingIndustries(), exit.getNoticeEnds(),
                    exit.getNoticeEnds() != null && now.isBefore(exit.getNoticeEnds()));
        }).toList();
        return new RegionNotices(where.getCode(), where.label(), list);
    }

    @PostMapping("/village-exit-objections")
    public ResponseEntity<ObjectionReceipt> object(@RequestBody ExitObjection request, HttpServletRequest http) {
        limiter.check(http.getRemoteAddr());
        Objection objection = objections.submit(Objection.Subject.VILLAGE_EXIT, request.exitNo(), request.reason(),
                request.contact());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ObjectionReceipt(objection.getId(),
                request.exitNo().trim(),
                "异议已受理，县扶贫办将调查答复 / Your objection was received; the county office will investigate and answer"));
    }
}
