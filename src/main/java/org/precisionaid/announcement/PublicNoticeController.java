package org.precisionaid.announcement;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.procedure.SubmissionLimiter;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.registry.Member;
import org.precisionaid.registry.ResidentId;
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
 * Public on purpose, without login: the households of a village under announcement (ID numbers masked,
 * no phone numbers) and the objection form. The page is /public/notices.html.
 */
@RestController
@RequestMapping("/public")
public class PublicNoticeController {

    private final RegionService regions;
    private final HouseholdRepository households;
    private final ObjectionService objections;
    private final SubmissionLimiter limiter;
    private final java.time.Clock clock;

    public PublicNoticeController(RegionService regions, HouseholdRepository households, ObjectionService objections,
            SubmissionLimiter limiter, java.time.Clock clock) {
        this.clock = clock;
        this.regions = regions;
        this.households = households;
        this.objections = objections;
        this.limiter = limiter;
    }

    /** @param kind IDENTIFICATION (proposed for the register) or EXIT (proposed to leave poverty) */
    public record Notice(String applicationNo, String headName, String headIdNumber, int members, String villageGroup,
                         String classification, Instant noticeEnds, String kind) {
    }

    /** @param exited the county's announcement: households that left poverty this year */
    public record VillageNotices(String villageCode, String village, List<Notice> households, List<Notice> exited) {
    }

    public record ObjectionRequest(String applicationNo, String reason, String contact) {
    }

    public record ObjectionReceipt(long objectionId, String applicationNo, String message) {
    }

    @GetMapping("/notices")
    @Transactional(readOnly = true)
    public VillageNotices notices(@RequestParam String village) {
        Region region = regions.get(village);
        if (region.getLevel() != RegionLevel.VILLAGE) {
            throw FieldRuleException.invalid(Map.of("village", "'" + village + "' is not a village code"));
        }
        List<Notice> notices = new java.util.ArrayList<>(households
                .findByVillageCodeAndStatusOrderByApplicationNo(village, Status.ANNOUNCED).stream()
                .map(household -> notice(household, household.getNoticeEnds(), "IDENTIFICATION")).toList());
        households.findByVillageCodeAndStatusAndExitNoticeEndsAfterOrderByApplicationNo(village, Status.REGISTERED,
                clock.instant()).forEach(household -> notices.add(notice(household, household.getExitNoticeEnds(), "EXIT")));
        List<Notice> exited = households.findByVillageCodeAndStatusAndExitYearOrderByApplicationNo(village,
                Status.EXITED, clock.instant().atZone(clock.getZone()).getYear()).stream()
                .map(household -> notice(household, null, "EXITED")).toList();
        return new VillageNotices(region.getCode(), region.label(), notices, exited);
    }

    @PostMapping("/objections")
    public ResponseEntity<ObjectionReceipt> object(@RequestBody ObjectionRequest request, HttpServletRequest http) {
        limiter.check(http.getRemoteAddr());
        Objection objection = objections.submit(request.applicationNo(), request.reason(), request.contact());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ObjectionReceipt(objection.getId(),
                request.applicationNo().trim(),
                "异议已受理，乡镇将调查答复 / Your objection was received; the township will investigate and answer"));
    }

    private static Notice notice(Household household, Instant noticeEnds, String kind) {
        Member head = household.head();
        return new Notice(household.getApplicationNo(), head == null ? "" : head.getName(),
                head == null ? "" : ResidentId.mask(head.getIdNumber()), household.getMembers().size(),
                household.getVillageGroup(), household.getClassification(), noticeEnds, kind);
    }
}
