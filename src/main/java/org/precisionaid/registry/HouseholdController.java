package org.precisionaid.registry;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.RegionCode;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.Spreadsheets;
import org.precisionaid.web.ZipUploadGuard;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The household registry over REST. Officials see the households of their own region only; a household
 * outside it is reported as not found, so its existence does not leak.
 */
@RestController
@RequestMapping("/api/households")
public class HouseholdController {

    static final int MAX_PAGE = 200;

    private final HouseholdService households;
    private final IdentificationStarter starter;
    private final CandidateGroups groups;
    private final HouseholdExport export;
    private final HouseholdImport importer;
    private final HouseholdImportTemplate template;
    private final ZipUploadGuard zipGuard;

    public HouseholdController(HouseholdService households, IdentificationStarter starter, CandidateGroups groups,
            HouseholdExport export, HouseholdImport importer, HouseholdImportTemplate template,
            ZipUploadGuard zipGuard) {
        this.zipGuard = zipGuard;
        this.households = households;
        this.starter = starter;
        this.groups = groups;
        this.export = export;
        this.importer = importer;
        this.template = template;
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String CLERK_GROUP = "GROUP_clerk-";

    /** The workbook for {@link #importXlsx}: instructions, bilingual headers, drop-downs, an example household. */
    @GetMapping("/import-template")
    public ResponseEntity<byte[]> importTemplate(Authentication user) {
        String village = clerkVillages(user).stream().findFirst().orElse(null);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("贫困户批量申请模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(headers).body(template.xlsx(village));
    }

    /**
     * A village clerk applies for many households of his village at once from the template's workbook (multipart,
     * part {@code file}): one application and case each, all or none (see {@link HouseholdImport}).
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<HouseholdImport.Result> importXlsx(
            @org.springframework.web.bind.annotation.RequestPart("file") org.springframework.web.multipart.MultipartFile file,
            Authentication user) throws java.io.IOException {
        if (clerkVillages(user).isEmpty()) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                    Map.of("file", "only a village clerk may import his village's households"));
        }
        if (file.getSize() > HouseholdImport.MAX_BYTES) {
            throw FieldRuleException.invalid(Map.of("file", "at most " + HouseholdImport.MAX_BYTES + " bytes, the file has "
                    + file.getSize()));
        }
        byte[] bytes = file.getBytes();
        zipGuard.check(bytes, "file"); // a zip bomb or an oversized sheet, before the workbook reader holds it
        HouseholdImport.Result result = importer.importXlsx(bytes, user.getName(),
                village -> RegionScope.memberOf(user, groups.of(village, "clerk")));
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    private static List<String> clerkVillages(Authentication user) {
        return user.getAuthorities().stream().map(Object::toString).filter(a -> a.startsWith(CLERK_GROUP))
                .map(a -> a.substring(CLERK_GROUP.length())).sorted().toList();
    }

    /** A village clerk applies for a household of his village; the identification process starts at once. */
    @PostMapping
    public ResponseEntity<HouseholdView> apply(@RequestBody ApplicationForm form, Authentication user) {
        requireClerkOf(form.regionCode(), user);
        String applicationNo = starter.apply(form, user.getName()).household().getApplicationNo();
        return ResponseEntity.created(URI.create("/api/households/" + applicationNo))
                .body(households.view(applicationNo).disclosedTo(user));
    }

    /** One household of the caller's region; ID numbers and phone as {@link PersonalData} allows him. */
    @GetMapping("/{applicationNo}")
    public HouseholdView get(@PathVariable String applicationNo, Authentication user) {
        HouseholdView household = households.view(applicationNo);
        if (!RegionScope.of(user).covers(household.regionCode())) {
            throw new HouseholdNotFoundException(applicationNo);
        }
        return household.disclosedTo(user);
    }

    /** Corrects an application while it is returned for correction; the clerk then resubmits in Tasklist. */
    @PutMapping("/{applicationNo}")
    public HouseholdView correct(@PathVariable String applicationNo, @RequestBody ApplicationForm form,
            Authentication user) {
        HouseholdView household = get(applicationNo, user);
        requireClerkOf(household.regionCode(), user);
        households.correct(applicationNo, form, user.getName());
        return households.view(applicationNo).disclosedTo(user);
    }

    @GetMapping
    public List<HouseholdView> search(@RequestParam(required = false) String region,
            @RequestParam(required = false) String status, @RequestParam(required = false) String idNumber,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Authentication user) {
        RegionScope scope = RegionScope.of(user);
        String prefix = region == null ? null : RegionCode.of(region).prefix(RegionCode.of(region).level());
        Codes.Status wanted = parseStatus(status);
        if (size < 1 || size > MAX_PAGE || page < 0) {
            throw FieldRuleException.invalid(Map.of("size", "page size must be 1-" + MAX_PAGE + " and page >= 0"));
        }
        List<String> prefixes;
        if (prefix != null) {
            if (!scope.everything() && scope.prefixes().stream().noneMatch(prefix::startsWith)
                    && scope.prefixes().stream().noneMatch(p -> p.startsWith(prefix))) {
                return List.of();
            }
            prefixes = List.of(prefix);
        } else {
            prefixes = scope.everything() ? List.of("") : scope.prefixes();
        }
        String id = idNumber == null || idNumber.isBlank() ? null : idNumber.trim().toUpperCase();
        return prefixes.stream()
                .flatMap(p -> households.search(p, wanted, id, PageRequest.of(page, size)).stream())
                .filter(h -> scope.covers(h.regionCode()))
                .distinct()
                .limit(size)
                .map(h -> h.disclosedTo(user))
                .toList();
    }

    /**
     * The households of a region as an Excel list. ID numbers and phones in full only for the officials
     * {@link PersonalData} names for the whole list (county office or auditor of a region covering it, the clerk for
     * his own village); masked for everyone else (a township, a village committee, a bureau).
     */
    @GetMapping("/export")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String region,
            @RequestParam(required = false) String status, Authentication user) {
        RegionScope scope = RegionScope.of(user);
        Codes.Status wanted = parseStatus(status);
        String prefix;
        if (region == null || region.isBlank()) {
            if (scope.prefixes().size() != 1) {
                throw FieldRuleException.invalid(Map.of("region", "name the region to export (a 12-digit code)"));
            }
            prefix = scope.prefixes().get(0);
        } else {
            RegionCode code = RegionCode.of(region.trim());
            prefix = code.prefix(code.level());
            if (!scope.covers(code.value())) {
                throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                        Map.of("region", region + " lies outside your region"));
            }
        }
        boolean full = PersonalData.inFull(user, prefix);
        return Spreadsheets.attachment("households-" + prefix + (wanted == null ? "" : "-" + wanted.name().toLowerCase())
                + ".xlsx", export.xlsx(prefix, wanted, full));
    }

    private void requireClerkOf(String villageCode, Authentication user) {
        if (villageCode == null) {
            throw FieldRuleException.invalid(Map.of("regionCode", "is required"));
        }
        String clerkGroup = groups.of(villageCode, "clerk");
        if (!RegionScope.memberOf(user, clerkGroup)) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                    Map.of("regionCode", "only the clerk of village " + villageCode + " (" + clerkGroup
                            + ") may apply for or correct its households"));
        }
    }

    private static Codes.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Codes.Status.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw FieldRuleException.invalid(Map.of("status", "'" + status + "' is not one of "
                    + java.util.Arrays.toString(Codes.Status.values())));
        }
    }
}
