package org.precisionaid.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.precisionaid.region.RegionCode;
import org.precisionaid.registry.Codes;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's read-only API behind the Cockpit plugin "审计 / Audit": search cases of his region, running and
 * finished, read one case whole, export its trail. Only GET: nothing can be changed through it.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_PAGE_SIZE = 100;

    private final AuditService audit;
    private final AuditExport export;

    public AuditController(AuditService audit, AuditExport export) {
        this.audit = audit;
        this.export = export;
    }

    @GetMapping("/cases")
    public AuditSummary.Page search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String level,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String state, @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size,
            Authentication user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Codes.Status statusValue = enumValue(Codes.Status.class, "status", status, errors);
        Codes.Level levelValue = enumValue(Codes.Level.class, "level", level, errors);
        Instant fromValue = day("from", from, errors, 0);
        Instant toValue = day("to", to, errors, 1); // inclusive: up to the end of that day
        if (state != null && !state.isBlank() && !state.equals("running") && !state.equals("finished")) {
            errors.put("state", "must be running or finished");
        }
        int pageValue = number("page", page, 0, 100_000, errors);
        int sizeValue = number("size", size, 1, MAX_PAGE_SIZE, errors);
        if (q != null && q.length() > 64) {
            errors.put("q", "at most 64 characters");
        }
        String prefix = regionPrefix(region, user, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        return audit.search(new AuditService.Search(q, statusValue, levelValue, fromValue, toValue,
                state == null || state.isBlank() ? null : state, prefix, pageValue, sizeValue));
    }

    @GetMapping("/cases/{businessKey}")
    public AuditCase read(@PathVariable String businessKey) {
        return audit.read(businessKey);
    }

    @GetMapping(value = "/cases/{businessKey}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    public String diagram(@PathVariable String businessKey) {
        return audit.diagram(businessKey);
    }

    @GetMapping("/cases/{businessKey}/export.xlsx")
    public ResponseEntity<byte[]> exportCase(@PathVariable String businessKey) {
        AuditCase audited = audit.read(businessKey);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("audit-" + businessKey.replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx").build());
        return ResponseEntity.ok().headers(headers).body(export.xlsx(audited));
    }

    private static String regionPrefix(String region, Authentication user, Map<String, String> errors) {
        RegionScope scope = RegionScope.of(user);
        if (region != null && !region.isBlank()) {
            if (!region.matches("\\d{12}")) {
                errors.put("region", "must be a 12-digit division code");
                return null;
            }
            RegionCode code = RegionCode.of(region);
            String prefix = code.prefix(code.level());
            if (!scope.covers(region)) {
                errors.put("region", "outside your region");
            }
            return prefix;
        }
        if (scope.everything()) {
            return "";
        }
        if (scope.prefixes().size() == 1) {
            return scope.prefixes().get(0);
        }
        errors.put("region", "you belong to several regions: name one");
        return null;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.put(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static Instant day(String field, String value, Map<String, String> errors, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date yyyy-MM-dd");
            return null;
        }
    }

    private static int number(String field, String value, int min, int max, Map<String, String> errors) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                errors.put(field, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return min;
        }
    }
}
