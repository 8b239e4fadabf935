package org.precisionaid.crosscheck;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.PersonalData;
import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.ZipUploadGuard;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Department registers (issue #23 item 1): the county poverty-alleviation office of a county (or an administrator,
 * naming the county) uploads a department's list; the county office and auditors of a region list its snapshots and
 * read a household's hits. Nobody else reads any of it: the lists are personal data.
 */
@RestController
@RequestMapping("/api/crosscheck")
public class CrossCheckController {

    private static final String GROUP = "GROUP_";
    private static final String COUNTY_GROUP = GROUP + "county-";
    private static final String AUDITOR_GROUP = GROUP + "auditor-";
    private static final int MAX_DEPARTMENT = 100;

    private final RegisterImport importer;
    private final CrossCheckHits hits;
    private final HouseholdService households;
    private final RegionService regions;
    private final ZipUploadGuard zipGuard;
    private final IdentityService identity;
    private final java.time.Clock clock;

    public CrossCheckController(RegisterImport importer, CrossCheckHits hits, HouseholdService households,
            RegionService regions, ZipUploadGuard zipGuard, IdentityService identity, java.time.Clock clock) {
        this.importer = importer;
        this.hits = hits;
        this.households = households;
        this.regions = regions;
        this.zipGuard = zipGuard;
        this.identity = identity;
        this.clock = clock;
    }

    /** The kinds of list, their categories and what the amount column means (for the upload page). */
    public record KindView(String kind, String label, String amount, Map<String, String> categories) {
    }

    @GetMapping("/kinds")
    public List<KindView> kinds(Authentication user) {
        if (!isAdmin(user) && countiesOf(user).isEmpty() && auditorPrefixes(user).isEmpty()) {
            throw forbidden("kind", "only a county poverty-alleviation office or an auditor works with department lists");
        }
        return Arrays.stream(DepartmentKind.values())
                .map(k -> new KindView(k.name(), k.label(), k.amountMeaning(), k.categories())).toList();
    }

    /**
     * Multipart part {@code file} (.xlsx with sheet "名单 Records", or UTF-8 CSV) and parameters {@code kind},
     * {@code department}, {@code asOf} (yyyy-MM-dd) and, for an administrator or an office of several counties,
     * {@code county}. 201 with the snapshot, its rows and the re-check cases it started.
     */
    @PostMapping(path = "/snapshots", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<RegisterImport.Result> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String department,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String county,
            Authentication user) throws java.io.IOException {
        List<String> counties = countiesOf(user);
        boolean admin = isAdmin(user);
        if (counties.isEmpty() && !admin) {
            throw forbidden("file", "only a county poverty-alleviation office (or an administrator) loads a department's list");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Region region = county(county, counties, admin, errors);
        DepartmentKind listKind = DepartmentKind.of(kind).orElse(null);
        if (listKind == null) {
            errors.put("kind", (kind == null || kind.isBlank() ? "is required" : "is not a kind of list")
                    + ": one of " + Arrays.stream(DepartmentKind.values()).map(Enum::name).toList());
        }
        String source = department == null ? "" : department.strip();
        if (source.isEmpty()) {
            errors.put("department", "is required: which department keeps the list, e.g. 托里县公安局交警大队");
        } else if (source.length() > MAX_DEPARTMENT) {
            errors.put("department", "at most " + MAX_DEPARTMENT + " characters");
        }
        LocalDate date = asOf(asOf, errors);
        if (file.getSize() > RegisterSheet.MAX_BYTES) {
            errors.put("file", "at most " + RegisterSheet.MAX_BYTES + " bytes, the file has " + file.getSize());
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        byte[] bytes = file.getBytes();
        boolean xlsx = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        if (xlsx) {
            zipGuard.check(bytes, "file"); // a zip bomb or an oversized sheet, before the workbook reader holds it
        }
        // the re-check cases are started by the server (the county office may not start processes in Tasklist)
        RegisterImport.Result result = EngineCalls.withoutAuthorization(identity,
                () -> importer.load(bytes, xlsx, listKind, source, date, region, user.getName()));
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    /** The snapshots of the caller's counties (county office) or region (auditor), newest first. No rows. */
    @GetMapping("/snapshots")
    public List<RegisterImport.Snapshot> snapshots(Authentication user) {
        if (isAdmin(user)) {
            return importer.snapshots(List.of(), true);
        }
        List<String> prefixes = readerPrefixes(user);
        if (prefixes.isEmpty()) {
            throw forbidden("region", "only a county poverty-alleviation office or an auditor reads department lists");
        }
        return importer.snapshots(prefixes, false);
    }

    /** A hit as the county office and auditors read it: ID number in full (they may, ADR 0019). */
    public record HitView(long id, String member, String idNumber, String kind, String department, LocalDate asOf,
            String category, java.math.BigDecimal amount, String detail, String rule, String ruleLabel, String origin,
            String status, String reason, String resolvedLevel, String resolvedBy, java.time.Instant resolvedAt) {
    }

    /** Every hit of a household, with its resolution: the audit view of the cross-check. */
    @GetMapping("/hits")
    public List<HitView> hitsOf(@RequestParam(required = false) String household, Authentication user) {
        if (household == null || household.isBlank()) {
            throw FieldRuleException.invalid(Map.of("household", "is required: the household's application number"));
        }
        var h = households.get(household.strip()); // 404 for an unknown number
        if (!isAdmin(user) && readerPrefixes(user).stream().noneMatch(h.getVillageCode()::startsWith)) {
            throw forbidden("household", "not of your region, or you are neither its county office nor its auditor");
        }
        boolean full = isAdmin(user) || PersonalData.inFull(user, h.getVillageCode());
        return hits.of(h.getId(), false).stream().map(x -> new HitView(x.id(), x.memberName(),
                PersonalData.idNumber(x.idNumber(), full), x.kind().name(), x.department(), x.asOf(), x.category(),
                x.amount(), x.detail(), x.rule(), x.ruleLabel(), x.origin().name(), x.status().name(), x.reason(),
                x.level(), x.resolvedBy(), x.resolvedAt())).toList();
    }

    private LocalDate asOf(String asOf, Map<String, String> errors) {
        if (asOf == null || asOf.isBlank()) {
            errors.put("asOf", "is required: the date the department's list is as of (yyyy-MM-dd)");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(asOf.strip());
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
            if (date.isAfter(today)) {
                errors.put("asOf", "must not lie in the future (today is " + today + ")");
            } else if (date.isBefore(today.minusYears(5))) {
                errors.put("asOf", "lies more than five years back: load a current list");
            } else {
                return date;
            }
        } catch (DateTimeParseException e) {
            errors.put("asOf", "must be a date (yyyy-MM-dd)");
        }
        return null;
    }

    private Region county(String county, List<String> counties, boolean admin, Map<String, String> errors) {
        String code;
        if (county == null || county.isBlank()) {
            if (counties.size() != 1) {
                errors.put("county", "name the county (its 12-digit code)");
                return null;
            }
            code = counties.get(0) + "000000";
        } else {
            code = county.strip();
            if (!code.matches("\\d{6}0{6}")) {
                errors.put("county", "must be a county's 12-digit code, e.g. 654224000000");
                return null;
            }
            if (!admin && !counties.contains(code.substring(0, 6))) {
                throw forbidden("county", code + " is not your county: only its own county office loads its lists");
            }
        }
        if (!regions.exists(code) || regions.get(code).getLevel() != RegionLevel.COUNTY) {
            errors.put("county", code + " is not a known county");
            return null;
        }
        return regions.get(code);
    }

    private static boolean isAdmin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** The six-digit prefixes of the counties whose office the caller is (group county-654224 → 654224). */
    private static List<String> countiesOf(Authentication user) {
        return user.getAuthorities().stream().map(Object::toString).filter(a -> a.startsWith(COUNTY_GROUP))
                .map(a -> a.substring(COUNTY_GROUP.length())).filter(p -> p.matches("\\d{6}")).sorted().toList();
    }

    private static List<String> auditorPrefixes(Authentication user) {
        return user.getAuthorities().stream().map(Object::toString).filter(a -> a.startsWith(AUDITOR_GROUP))
                .map(a -> a.substring(AUDITOR_GROUP.length())).filter(p -> p.matches("\\d{2,12}")).toList();
    }

    /** Region prefixes whose lists the caller reads: his counties as their office, his regions as auditor. */
    private static List<String> readerPrefixes(Authentication user) {
        List<String> prefixes = new ArrayList<>(countiesOf(user));
        prefixes.addAll(auditorPrefixes(user));
        return prefixes;
    }

    private static FieldRuleException forbidden(String field, String rule) {
        return new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of(field, rule));
    }
}
