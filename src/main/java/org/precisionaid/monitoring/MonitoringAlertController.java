package org.precisionaid.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.precisionaid.monitoring.MonitoringAlert.Department;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.Spreadsheets;
import org.precisionaid.web.ZipUploadGuard;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * Department alerts (部门预警) over REST, for the county poverty-alleviation office of a county only: the template, and
 * the upload of a department's list, whose matching households of the county start monitoring cases at once (see
 * {@link MonitoringAlertImport}).
 */
@RestController
@RequestMapping("/api/monitoring/alerts")
public class MonitoringAlertController {

    private static final String COUNTY_GROUP = "GROUP_county-";

    private final MonitoringAlertImport importer;
    private final MonitoringAlertTemplate template;
    private final RegionService regions;
    private final ZipUploadGuard zipGuard;

    public MonitoringAlertController(MonitoringAlertImport importer, MonitoringAlertTemplate template,
            RegionService regions, ZipUploadGuard zipGuard) {
        this.importer = importer;
        this.template = template;
        this.regions = regions;
        this.zipGuard = zipGuard;
    }

    @GetMapping("/import-template")
    public ResponseEntity<byte[]> importTemplate(Authentication user) {
        if (countiesOf(user).isEmpty()) {
            throw forbidden("file", "only a county poverty-alleviation office imports department alerts");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(Spreadsheets.XLSX);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("部门预警名单模板.xlsx", StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(headers).body(template.xlsx());
    }

    /**
     * Multipart part {@code file} (.xlsx), parameter {@code department} (whose list it is) and, for an office of
     * several counties, {@code county} (12 digits). 200 with the rows started, already open, unmatched and duplicate.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public MonitoringAlertImport.Result importXlsx(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String department, @RequestParam(required = false) String county,
            Authentication user) throws java.io.IOException {
        List<String> counties = countiesOf(user);
        if (counties.isEmpty()) {
            throw forbidden("file", "only a county poverty-alleviation office imports department alerts");
        }
        Region region = county(county, counties);
        Department source = department(department);
        if (file.getSize() > AlertSheet.MAX_BYTES) {
            throw FieldRuleException.invalid(Map.of("file", "at most " + AlertSheet.MAX_BYTES + " bytes, the file has "
                    + file.getSize()));
        }
        byte[] bytes = file.getBytes();
        zipGuard.check(bytes, "file"); // a zip bomb or an oversized sheet, before the workbook reader holds it
        return importer.importXlsx(bytes, source, region, user.getName());
    }

    private Region county(String county, List<String> counties) {
        String code;
        if (county == null || county.isBlank()) {
            if (counties.size() != 1) {
                throw FieldRuleException.invalid(Map.of("county", "name the county (its 12-digit code): you are the "
                        + "office of " + counties.size() + " counties"));
            }
            code = counties.get(0) + "000000";
        } else {
            code = county.strip();
            if (!code.matches("\\d{6}0{6}")) {
                throw FieldRuleException.invalid(Map.of("county", "must be a county's 12-digit code, e.g. 654225000000"));
            }
            if (!counties.contains(code.substring(0, 6))) {
                throw forbidden("county", code + " is not your county: only its own county office imports its alerts");
            }
        }
        if (!regions.exists(code) || regions.get(code).getLevel() != RegionLevel.COUNTY) {
            throw FieldRuleException.invalid(Map.of("county", code + " is not a known county"));
        }
        return regions.get(code);
    }

    private static Department department(String department) {
        if (department == null || department.isBlank()) {
            throw FieldRuleException.invalid(Map.of("department", "is required: whose list it is, one of "
                    + String.join(", ", Arrays.stream(Department.values()).map(Department::name).toList())));
        }
        return Arrays.stream(Department.values()).filter(d -> d.name().equalsIgnoreCase(department.strip()))
                .findFirst().orElseThrow(() -> FieldRuleException.invalid(Map.of("department", "must be one of "
                        + String.join(", ", Arrays.stream(Department.values()).map(Department::name).toList()))));
    }

    /** The six-digit prefixes of the counties whose office the caller is (group county-654225 → 654225). */
    private static List<String> countiesOf(Authentication user) {
        return user.getAuthorities().stream().map(Object::toString).filter(a -> a.startsWith(COUNTY_GROUP))
                .map(a -> a.substring(COUNTY_GROUP.length())).filter(p -> p.matches("\\d{6}")).sorted().toList();
    }

    private static FieldRuleException forbidden(String field, String rule) {
        return new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of(field, rule));
    }
}
