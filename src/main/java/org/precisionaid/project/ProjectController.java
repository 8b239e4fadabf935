package org.precisionaid.project;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.precisionaid.funding.ApplicantRole;
import org.precisionaid.funding.FundingStarter;
import org.precisionaid.region.RegionCode;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
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
 * The project registry over REST. Officials see the projects of their own region only (county bureaus: the whole
 * county); a project outside it is reported as not found, so its existence does not leak.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    static final int MAX_PAGE = 200;

    private final ProjectService projects;
    private final FundingStarter starter;
    private final ApplicantRole applicants;

    public ProjectController(ProjectService projects, FundingStarter starter, ApplicantRole applicants) {
        this.projects = projects;
        this.starter = starter;
        this.applicants = applicants;
    }

    /** The village clerk, township or county office applies for a project of its region; the procedure starts. */
    @PostMapping
    public ResponseEntity<ProjectView> apply(@RequestBody ProjectForm form, Authentication user) {
        requireApplicant(form.regionCode(), user);
        String projectNo = starter.apply(form, user.getName()).projectNo();
        return ResponseEntity.created(URI.create("/api/projects/" + projectNo)).body(projects.view(projectNo));
    }

    /** The project with its budget, ledger (every allocation and disbursement) and beneficiaries. */
    @GetMapping("/{projectNo}")
    public ProjectView get(@PathVariable String projectNo, Authentication user) {
        ProjectView project = projects.view(projectNo);
        if (!RegionScope.of(user).covers(project.regionCode())
                && project.beneficiaries().stream().noneMatch(b -> RegionScope.of(user).covers(b.villageCode()))) {
            throw new ProjectNotFoundException(projectNo);
        }
        return project;
    }

    /** Corrects a project while it is returned for correction; the applicant then resubmits in Tasklist. */
    @PutMapping("/{projectNo}")
    public ProjectView correct(@PathVariable String projectNo, @RequestBody ProjectForm form, Authentication user) {
        ProjectView project = get(projectNo, user);
        requireApplicant(project.regionCode(), user);
        projects.correct(projectNo, form, user.getName());
        return projects.view(projectNo);
    }

    @GetMapping
    public List<ProjectView> search(@RequestParam(required = false) String region,
            @RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Authentication user) {
        if (size < 1 || size > MAX_PAGE || page < 0) {
            throw FieldRuleException.invalid(Map.of("size", "page size must be 1-" + MAX_PAGE + " and page >= 0"));
        }
        ProjectCodes.Status wanted = parse(ProjectCodes.Status.class, status, "status");
        ProjectCodes.ProjectType wantedType = parse(ProjectCodes.ProjectType.class, type, "type");
        RegionScope scope = RegionScope.of(user);
        String prefix = region == null || region.isBlank() ? null
                : RegionCode.of(region.trim()).prefix(RegionCode.of(region.trim()).level());
        List<String> prefixes;
        if (prefix != null) {
            if (!scope.everything() && scope.prefixes().stream().noneMatch(prefix::startsWith)) {
                return List.of();
            }
            prefixes = List.of(prefix);
        } else {
            prefixes = scope.everything() ? List.of("") : scope.prefixes();
        }
        return prefixes.stream()
                .flatMap(p -> projects.search(p, wanted, wantedType, PageRequest.of(page, size)).stream())
                .distinct()
                .limit(size)
                .toList();
    }

    private void requireApplicant(String regionCode, Authentication user) {
        if (regionCode == null || regionCode.isBlank()) {
            throw FieldRuleException.invalid(Map.of("regionCode", "is required"));
        }
        RegionCode code = RegionCode.of(regionCode.trim(), "regionCode");
        if (code.level().isAbove(org.precisionaid.region.RegionLevel.COUNTY)) {
            throw FieldRuleException.invalid(Map.of("regionCode", "a project is applied for by a county, township or "
                    + "village, not a " + code.level().name().toLowerCase(java.util.Locale.ROOT)));
        }
        String group = applicants.groupOf(code.value());
        if (!RegionScope.memberOf(user, group)) {
            throw new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden",
                    Map.of("regionCode", "only the " + ApplicantRole.of(regionCode.trim()) + " of " + regionCode
                            + " (" + group + ") may apply for or correct its projects"));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw FieldRuleException.invalid(Map.of(field, "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
        }
    }
}
