package org.precisionaid.whatif;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.region.InvalidRegionCodeException;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionService;
import org.precisionaid.report.ReportAccess;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 政策模拟 / What-if on the rules: a changed rule run beside today's over a region's registry, changing nothing.
 * The county poverty-alleviation office of the county, the city office above it and the region's auditors may run
 * one; {@code format=xlsx} answers with the Excel file instead of JSON.
 */
@RestController
public class WhatIfController {

    private static final List<OfficialRole> ROLES = List.of(OfficialRole.COUNTY, OfficialRole.CITY,
            OfficialRole.AUDITOR);
    private static final String GROUP = "GROUP_";

    private final WhatIfService service;
    private final WhatIfWorkbook workbook;
    private final RegionService regions;
    private final ReportAccess access;

    public WhatIfController(WhatIfService service, WhatIfWorkbook workbook, RegionService regions,
            ReportAccess access) {
        this.service = service;
        this.workbook = workbook;
        this.regions = regions;
        this.access = access;
    }

    /**
     * Edited values. Body {@code {rule, region, year, povertyLineYuan?, negativeListOff?, exitYears?,
     * monitoringLineYuan?}}.
     */
    public record EditedRule(String rule, String region, Integer year, BigDecimal povertyLineYuan,
                             List<String> negativeListOff, Integer exitYears, BigDecimal monitoringLineYuan) {
    }

    @PostMapping(path = "/api/what-if", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> edited(@RequestBody EditedRule body, @RequestParam(required = false) String format,
            Authentication user) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean xlsx = format(format, errors);
        WhatIfRule rule = rule(body.rule(), errors);
        Region region = region(body.region(), errors);
        Integer year = year(body.year() == null ? null : String.valueOf(body.year()), errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        allowed(region, user);
        WhatIfResult result = service.edited(rule, region, year, body.povertyLineYuan(), body.negativeListOff(),
                body.exitYears(), body.monitoringLineYuan());
        return answer(result, xlsx);
    }

    /** An uploaded DMN file (part {@code file}, at most {@link RuleModels#MAX_DMN_BYTES}); parameters rule, region, year. */
    @PostMapping(path = "/api/what-if/dmn", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> uploaded(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String region,
            @RequestParam(required = false) String year, @RequestParam(required = false) String format,
            Authentication user) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean xlsx = format(format, errors);
        WhatIfRule which = rule(rule, errors);
        Region where = region(region, errors);
        Integer when = year(year, errors);
        if (file == null || file.isEmpty()) {
            errors.put("file", "is required: the changed rule as a .dmn file (Camunda Modeler)");
        } else if (file.getSize() > RuleModels.MAX_DMN_BYTES) {
            errors.put("file", "at most " + RuleModels.MAX_DMN_BYTES + " bytes, the file has " + file.getSize());
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        allowed(where, user);
        return answer(service.uploaded(which, where, when, file.getBytes(), file.getOriginalFilename()), xlsx);
    }

    private ResponseEntity<?> answer(WhatIfResult result, boolean xlsx) {
        if (!xlsx) {
            return ResponseEntity.ok(limited(result));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.precisionaid.web.Spreadsheets.XLSX);
        headers.setContentDisposition(ContentDisposition.attachment().filename("政策模拟-" + result.rule() + "-"
                + result.regionCode() + "-" + result.year() + ".xlsx", StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(headers).body(workbook.xlsx(result));
    }

    static WhatIfResult limited(WhatIfResult result) {
        if (result.households().size() <= WhatIfRun.LIST_LIMIT) {
            return result;
        }
        return new WhatIfResult(result.rule(), result.ruleLabel(), result.regionCode(), result.regionName(),
                result.year(), result.today(), result.changed(), result.evaluated(), result.outcomes(),
                result.classes(), result.villages(), result.households().subList(0, WhatIfRun.LIST_LIMIT), false,
                result.engineEvaluations(), result.millis());
    }

    /**
     * The county office of the region's county, the city office of its prefecture, or an auditor whose region holds
     * it; nobody else (a township reviews cases, it does not set policy).
     */
    private static void allowed(Region region, Authentication user) {
        boolean may = user.getAuthorities().stream().map(Object::toString).anyMatch(authority -> ROLES.stream()
                .anyMatch(role -> {
                    String group = GROUP + role.key() + "-";
                    if (!authority.startsWith(group)) {
                        return false;
                    }
                    String prefix = authority.substring(group.length());
                    return !prefix.isEmpty() && prefix.chars().allMatch(Character::isDigit)
                            && region.getCode().startsWith(prefix);
                }));
        if (!may) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of("region",
                    "only the county poverty-alleviation office of " + region.getCode()
                            + "'s county, the city office above it and its auditors run a what-if there"));
        }
    }

    /** Whether the caller may run a what-if somewhere (the workbench shows the page's link only then). */
    public static boolean mayRunAny(Authentication user) {
        return user.getAuthorities().stream().map(Object::toString).anyMatch(authority -> ROLES.stream()
                .anyMatch(role -> authority.startsWith(GROUP + role.key() + "-")
                        && authority.substring((GROUP + role.key() + "-").length()).matches("\\d+")));
    }

    private static boolean format(String format, Map<String, String> errors) {
        if (format == null || format.isBlank() || "json".equals(format.strip())) {
            return false;
        }
        if ("xlsx".equals(format.strip())) {
            return true;
        }
        errors.put("format", "must be json or xlsx");
        return false;
    }

    private static WhatIfRule rule(String rule, Map<String, String> errors) {
        if (rule == null || rule.isBlank()) {
            errors.put("rule", "is required: IDENTIFICATION, EXIT or MONITORING");
            return null;
        }
        for (WhatIfRule candidate : WhatIfRule.values()) {
            if (candidate.name().equals(rule.strip())) {
                return candidate;
            }
        }
        errors.put("rule", "must be IDENTIFICATION, EXIT or MONITORING");
        return null;
    }

    private Region region(String code, Map<String, String> errors) {
        if (code == null || code.isBlank()) {
            errors.put("region", "is required: a 12-digit division code, e.g. 654224000000");
            return null;
        }
        String value = code.strip();
        try {
            RegionCode.of(value);
        } catch (InvalidRegionCodeException e) {
            errors.put("region", "must be a 12-digit division code, e.g. 654224000000");
            return null;
        }
        if (!regions.exists(value)) {
            errors.put("region", value + " is not a known region");
            return null;
        }
        return regions.get(value);
    }

    private Integer year(String year, Map<String, String> errors) {
        int thisYear = access.thisYear();
        if (year == null || year.isBlank()) {
            errors.put("year", "is required, e.g. " + thisYear);
            return null;
        }
        if (!year.strip().matches("\\d{4}")) {
            errors.put("year", "must be a year of four digits, e.g. " + thisYear);
            return null;
        }
        int value = Integer.parseInt(year.strip());
        if (value < 2000 || value > thisYear + 1) {
            errors.put("year", "must lie between 2000 and " + (thisYear + 1));
            return null;
        }
        return value;
    }
}
