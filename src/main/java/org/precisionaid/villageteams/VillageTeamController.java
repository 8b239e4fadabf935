package org.precisionaid.villageteams;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.input.MultiLine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The village assistance structure over REST: work teams (驻村工作队), units paired with villages and leaders' contact
 * points. Officials read their own region (a township its villages, a village itself, the county and the city office
 * theirs); the county office of the village's county (or the city office above it) writes. A team or contact point of
 * another region is answered as unknown, so that its existence does not leak.
 */
@RestController
public class VillageTeamController {

    static final int MAX_PAGE = 200;

    private final WorkTeams teams;
    private final VillageAssistance villages;
    private final RegionService regions;
    private final CandidateGroups groups;

    VillageTeamController(WorkTeams teams, VillageAssistance villages, RegionService regions, CandidateGroups groups) {
        this.teams = teams;
        this.villages = villages;
        this.regions = regions;
        this.groups = groups;
    }

    public record NewTeam(String villageCode, Long unitId, LocalDate startedOn, LocalDate plannedEndOn, Long leaderId,
                          Long firstSecretaryId, List<Long> memberIds) {
    }

    public record EndPeriod(LocalDate endedOn, @MultiLine String reason) {
    }

    public record NewUnitPairing(Long unitId, LocalDate startedOn) {
    }

    public record NewContactPoint(String leaderName, String post, String userId, String regionCode,
                                  LocalDate startedOn) {
    }

    public record TeamList(List<String> regions, boolean canEdit, List<VillageAssistance.Team> teams) {
    }

    public record ContactPointList(List<String> regions, boolean canEdit,
                                   List<VillageAssistance.ContactPoint> contactPoints) {
    }

    /** The village's structure today, every team it ever had, and whether the caller may change them. */
    public record VillageView(VillageAssistance.Structure today, List<VillageAssistance.Team> teams,
                              List<VillageAssistance.PairedUnit> unitHistory, boolean canEdit) {
    }

    // ---- work teams ----

    @GetMapping("/api/work-teams")
    @Transactional(readOnly = true)
    public TeamList teams(@RequestParam(required = false) String region,
            @RequestParam(defaultValue = "false") boolean includeEnded, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Authentication user) {
        checkPage(page, size);
        List<String> prefixes = prefixes(region, user);
        List<VillageAssistance.Team> found = prefixes.stream()
                .flatMap(p -> villages.teamsIn(p, includeEnded, page, size).stream()).limit(size).toList();
        return new TeamList(prefixes, canEdit(region, prefixes, user), found);
    }

    @GetMapping("/api/work-teams/{id}")
    @Transactional(readOnly = true)
    public VillageAssistance.Team team(@PathVariable long id, Authentication user) {
        return readableTeam(id, user);
    }

    @PostMapping("/api/work-teams")
    @Transactional
    public ResponseEntity<VillageAssistance.Team> station(@RequestBody NewTeam body, Authentication user) {
        if (body.villageCode() == null) {
            throw FieldRuleException.invalid(Map.of("villageCode", "is required: the village's 12-digit code"));
        }
        Region village = village(body.villageCode(), "villageCode");
        requireManager(village.getCode(), user, "villageCode");
        long id = teams.station(new WorkTeams.Stationing(village.getCode(), body.unitId(), body.startedOn(),
                body.plannedEndOn(), body.leaderId(), body.firstSecretaryId(), body.memberIds()), user.getName());
        return ResponseEntity.created(URI.create("/api/work-teams/" + id)).body(villages.team(id).orElseThrow());
    }

    /** Ends the team's stationing (and its members' service) on {@code endedOn}; the team stays in the history. */
    @PostMapping("/api/work-teams/{id}/end")
    @Transactional
    public VillageAssistance.Team endStationing(@PathVariable long id, @RequestBody EndPeriod body,
            Authentication user) {
        VillageAssistance.Team team = readableTeam(id, user);
        requireManager(team.villageCode(), user, "teamId");
        teams.endStationing(id, body.endedOn(), body.reason(), user.getName());
        return villages.team(id).orElseThrow();
    }

    // ---- a village ----

    @GetMapping("/api/villages/{villageCode}/team")
    @Transactional(readOnly = true)
    public VillageView village(@PathVariable String villageCode, Authentication user) {
        Region village = village(villageCode, "villageCode");
        requireReader(village.getCode(), user, "villageCode");
        return view(village.getCode(), user);
    }

    /** Pairs an assisting unit with the village: the county office of its county. */
    @PostMapping("/api/villages/{villageCode}/assisting-units")
    @Transactional
    public ResponseEntity<VillageView> pairUnit(@PathVariable String villageCode, @RequestBody NewUnitPairing body,
            Authentication user) {
        Region village = village(villageCode, "villageCode");
        requireReader(village.getCode(), user, "villageCode");
        requireManager(village.getCode(), user, "villageCode");
        teams.pairUnit(village.getCode(), body.unitId(), body.startedOn(), user.getName());
        return ResponseEntity.created(URI.create("/api/villages/" + village.getCode() + "/team"))
                .body(view(village.getCode(), user));
    }

    @PostMapping("/api/villages/{villageCode}/assisting-units/{unitId}/end")
    @Transactional
    public VillageView endUnitPairing(@PathVariable String villageCode, @PathVariable long unitId,
            @RequestBody EndPeriod body, Authentication user) {
        Region village = village(villageCode, "villageCode");
        requireReader(village.getCode(), user, "villageCode");
        requireManager(village.getCode(), user, "villageCode");
        teams.endUnitPairing(village.getCode(), unitId, body.endedOn(), body.reason(), user.getName());
        return view(village.getCode(), user);
    }

    // ---- contact points ----

    @GetMapping("/api/contact-points")
    @Transactional(readOnly = true)
    public ContactPointList contactPoints(@RequestParam(required = false) String region,
            @RequestParam(defaultValue = "false") boolean includeEnded, Authentication user) {
        List<String> prefixes = prefixes(region, user);
        List<VillageAssistance.ContactPoint> found = prefixes.stream()
                .flatMap(p -> villages.contactPointsIn(p, includeEnded).stream()).toList();
        return new ContactPointList(prefixes, canEdit(region, prefixes, user), found);
    }

    /** A leader takes a county (prefecture leaders) or a village (county leaders) as his contact point. */
    @PostMapping("/api/contact-points")
    @Transactional
    public ResponseEntity<VillageAssistance.ContactPoint> addContactPoint(@RequestBody NewContactPoint body,
            Authentication user) {
        if (body.regionCode() == null) {
            throw FieldRuleException.invalid(Map.of("regionCode", "is required: the county or village he answers for"));
        }
        RegionCode code = RegionCode.of(body.regionCode(), "regionCode");
        if (code.level() != RegionLevel.COUNTY && code.level() != RegionLevel.VILLAGE) {
            throw FieldRuleException.invalid(Map.of("regionCode", "a county (for a prefecture leader) or a village"
                    + " (for a county leader), not a " + code.level().name().toLowerCase()));
        }
        if (!regions.exists(code.value())) {
            throw FieldRuleException.invalid(Map.of("regionCode", "no region " + code.value()));
        }
        requireManager(code.value(), user, "regionCode");
        long id = teams.addContactPoint(new WorkTeams.NewContactPoint(body.leaderName(), body.post(), body.userId(),
                code.value(), body.startedOn()), user.getName());
        return ResponseEntity.created(URI.create("/api/contact-points/" + id))
                .body(villages.contactPoint(id).orElseThrow());
    }

    @PostMapping("/api/contact-points/{id}/end")
    @Transactional
    public VillageAssistance.ContactPoint endContactPoint(@PathVariable long id, @RequestBody EndPeriod body,
            Authentication user) {
        VillageAssistance.ContactPoint point = villages.contactPoint(id)
                .filter(p -> RegionScope.of(user).covers(p.regionCode()) || manages(p.regionCode(), user))
                .orElseThrow(() -> WorkTeams.unknown("id", "no contact point " + id));
        requireManager(point.regionCode(), user, "id");
        teams.endContactPoint(id, body.endedOn(), body.reason(), user.getName());
        return villages.contactPoint(id).orElseThrow();
    }

    // ---- access ----

    private VillageView view(String villageCode, Authentication user) {
        return new VillageView(villages.of(villageCode), villages.history(villageCode),
                villages.units(villageCode, false, Map.of()), manages(villageCode, user));
    }

    private VillageAssistance.Team readableTeam(long id, Authentication user) {
        return villages.team(id).filter(t -> RegionScope.of(user).covers(t.villageCode()))
                .orElseThrow(() -> WorkTeams.unknown("teamId", "no work team " + id));
    }

    private Region village(String value, String field) {
        RegionCode code = RegionCode.of(value, field);
        if (code.level() != RegionLevel.VILLAGE) {
            throw FieldRuleException.invalid(Map.of(field, value + " is not a village code"));
        }
        return regions.get(code.value());
    }

    private static void requireReader(String regionCode, Authentication user, String field) {
        if (!RegionScope.of(user).covers(regionCode)) {
            throw forbidden(field, regionCode + " lies outside your region");
        }
    }

    /** The county office of the region's county, the city office above it, or an administrator. */
    private boolean manages(String regionCode, Authentication user) {
        RegionCode code = RegionCode.of(regionCode);
        if (code.level().isAbove(RegionLevel.COUNTY)) {
            return RegionScope.of(user).everything();
        }
        return RegionScope.memberOf(user, groups.of(code.value(), OfficialRole.COUNTY.key()))
                || RegionScope.memberOf(user, groups.of(code.value(), OfficialRole.CITY.key()));
    }

    private void requireManager(String regionCode, Authentication user, String field) {
        if (!manages(regionCode, user)) {
            throw forbidden(field, "only the county poverty-alleviation office of "
                    + RegionCode.of(regionCode).ancestor(RegionLevel.COUNTY).value()
                    + " (or the city office above it) stations teams and records pairings and contact points");
        }
    }

    /** The asked region (or the caller's own) lies in a county he manages. */
    private boolean canEdit(String region, List<String> prefixes, Authentication user) {
        if (region != null && !region.isBlank()) {
            RegionCode code = RegionCode.of(region.strip());
            return !code.level().isAbove(RegionLevel.COUNTY) && manages(code.value(), user);
        }
        return prefixes.size() == 1 && prefixes.get(0).length() >= RegionLevel.COUNTY.significantDigits()
                && manages(prefixes.get(0) + "0".repeat(12 - prefixes.get(0).length()), user);
    }

    /**
     * Code prefixes to list: the asked region when the caller reads it, his own regions inside a wider region asked
     * (a township asking for its county gets its own villages), his own without a region; a region apart: 403.
     */
    private List<String> prefixes(String region, Authentication user) {
        RegionScope scope = RegionScope.of(user);
        if (region == null || region.isBlank()) {
            return scope.everything() ? List.of("") : scope.prefixes();
        }
        RegionCode code = RegionCode.of(region.strip(), "region");
        String asked = code.prefix(code.level());
        if (scope.covers(code.value())) {
            return List.of(asked);
        }
        List<String> inside = scope.prefixes().stream().filter(p -> p.startsWith(asked)).filter(Objects::nonNull)
                .toList();
        if (inside.isEmpty()) {
            throw forbidden("region", region.strip() + " lies outside your region " + scope.prefixes());
        }
        return inside;
    }

    private static FieldRuleException forbidden(String field, String rule) {
        return new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of(field, rule));
    }

    private static void checkPage(int page, int size) {
        if (size < 1 || size > MAX_PAGE || page < 0 || page > 10_000) {
            throw FieldRuleException.invalid(Map.of("size", "page size must be 1-" + MAX_PAGE + " and page 0-10000"));
        }
    }
}
