package org.precisionaid.announcement;

import org.precisionaid.web.input.MultiLine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.print.PublicPrintLimiter;
import org.precisionaid.procedure.SubmissionLimiter;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Codes;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.registry.Member;
import org.precisionaid.registry.ResidentId;
import org.precisionaid.registry.StatusChange;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Public on purpose, without login: the households of a village under announcement (ID numbers masked,
 * no phone numbers) and the objection form. The page is /public/notices.html; the same notice prints from
 * /public/notices.pdf.
 */
@RestController
@RequestMapping("/public")
public class PublicNoticeController {

    private final RegionService regions;
    private final HouseholdRepository households;
    private final ObjectionService objections;
    private final SubmissionLimiter limiter;
    private final java.time.Clock clock;
    private final NoticePdf pdf;
    private final PublicPrintLimiter printLimiter;

    public PublicNoticeController(RegionService regions, HouseholdRepository households, ObjectionService objections,
            SubmissionLimiter limiter, java.time.Clock clock, NoticePdf pdf, PublicPrintLimiter printLimiter) {
        this.printLimiter = printLimiter;
        this.clock = clock;
        this.regions = regions;
        this.households = households;
        this.objections = objections;
        this.limiter = limiter;
        this.pdf = pdf;
    }

    /**
     * @param kind         IDENTIFICATION (proposed for the register), EXIT (proposed to leave poverty) or EXITED
     * @param noticeStarts when this notice was posted (null for EXITED, which is an announcement, not a notice)
     */
    public record Notice(String applicationNo, String headName, String headIdNumber, int members, String villageGroup,
                         String classification, Instant noticeStarts, Instant noticeEnds, String kind) {
    }

    /** @param exited the county's announcement: households that left poverty this year */
    public record VillageNotices(String villageCode, String village, List<Notice> households, List<Notice> exited) {
    }

    public record ObjectionRequest(String applicationNo, @MultiLine String reason, String contact) {
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

    /**
     * The same notice as an A4 PDF for the village board (Chinese text in an embedded font): exactly the households
     * and columns of the public page, their notice periods, where and how to object, who issued it. Made in the public
     * print slots, a limited number per address ({@link PublicPrintLimiter}).
     */
    @GetMapping("/notices.pdf")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> noticesPdf(@RequestParam(required = false) String village, HttpServletRequest http) {
        printLimiter.check(http.getRemoteAddr());
        String code = village == null ? "" : village.trim();
        if (!code.matches("\\d{12}") || code.startsWith("00")) {
            throw FieldRuleException.invalid(Map.of("village", "must be the 12-digit code of a village, e.g. 654224101201"));
        }
        Region region = regions.get(code);
        if (region.getLevel() != RegionLevel.VILLAGE) {
            throw FieldRuleException.invalid(Map.of("village", "'" + code + "' is the code of a "
                    + region.getLevel().name().toLowerCase() + ", not of a village"));
        }
        VillageNotices notices = notices(code);
        NoticePdf.Place place = new NoticePdf.Place(region,
                regions.get(region.code().ancestor(RegionLevel.TOWNSHIP).value()),
                regions.get(region.code().ancestor(RegionLevel.COUNTY).value()));
        String page = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/notices.html")
                .queryParam("village", code).build().toUriString();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.inline().filename("notice-" + code + ".pdf").build());
        headers.setCacheControl(CacheControl.noStore());
        return ResponseEntity.ok().headers(headers).body(pdf.render(notices, place, page));
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
                household.getVillageGroup(), household.getClassification(),
                noticeEnds == null ? null : noticeStarts(household), noticeEnds, kind);
    }

    /**
     * When the household went on its current notice: its last posting (level ANNOUNCEMENT), the identification notice
     * or, later, the exit notice.
     */
    private static Instant noticeStarts(Household household) {
        Instant starts = null;
        for (StatusChange change : household.getHistory()) {
            if (change.getLevel() == Codes.Level.ANNOUNCEMENT) {
                starts = change.getAt();
            }
        }
        return starts;
    }
}
