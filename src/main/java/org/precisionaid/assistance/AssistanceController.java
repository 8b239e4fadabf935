package org.precisionaid.assistance;

import org.precisionaid.web.input.MultiLine;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdNotFoundException;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.HouseholdView;
import org.precisionaid.registry.PersonalData;
import org.precisionaid.security.RegionScope;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assistance responsibility over REST. Officials see the cadres of the counties they work in; the county office
 * (or the city office above it) manages them and reassigns households; a cadre sees himself, his households and
 * his ledger. A cadre's phone goes only to those who manage him and to himself; his households' phones go to him in
 * full (he visits them), their ID numbers never (ADR 0019).
 */
@RestController
public class AssistanceController {

    static final int MAX_PAGE = 200;
    static final int LEDGER_SHOWN = 100;

    private final AssistanceService assistance;
    private final HouseholdService households;
    private final RegionService regions;
    private final CandidateGroups groups;

    public AssistanceController(AssistanceService assistance, HouseholdService households, RegionService regions,
            CandidateGroups groups) {
        this.assistance = assistance;
        this.households = households;
        this.regions = regions;
        this.groups = groups;
    }

    // ---- views ----

    public record UnitView(long id, String name, String regionCode, String level, String regionName) {
    }

    public record CadreView(long id, String name, String nameLatin, String rank, String rankLabel, UnitView unit,
                            String countyCode, boolean active, String leftReason, int quota, long paired,
                            long quotaLeft, String phone, String userId, boolean liaison) {
    }

    /**
     * A household on a cadre's list. The household's phone: in full for the cadre himself (he visits and calls it) and
     * for whom {@link PersonalData} allows it, masked for the other officials; never an ID number (ADR 0019).
     */
    public record CadreHousehold(String applicationNo, String villageCode, String villageName, String headName,
                                 String status, String phone, HouseholdView.FileCardView fileCard) {
    }

    public record VisitView(long id, long cadreId, String applicationNo, LocalDate date, String measureType,
                            String measureLabel, String description, BigDecimal amount, String recordedBy,
                            Instant recordedAt) {
    }

    public record CadreDetail(CadreView cadre, List<CadreHousehold> households, List<VisitView> visits) {
    }

    public record PairingView(long cadreId, String cadreName, long unitId, String unitName, Instant startedAt,
                              String startedBy, String startReason, Instant endedAt, String endedBy,
                              String endReason) {
    }

    /** {@code canReassign}: the caller is the county office of the household's county (the page shows the form). */
    public record HouseholdResponsibility(String applicationNo, String villageCode, String villageName,
                                          CadreView cadre, List<PairingView> history, List<VisitView> visits,
                                          boolean canReassign) {
    }

    public record NewUnit(String name, String regionCode) {
    }

    public record UnitChange(String name) {
    }

    public record CadreChange(String name, String nameLatin, String rank, Long unitId, String phone) {
    }

    /**
     * What the cadres, quotas and pairing screens offer the caller: which screens at all (by his roles), whether he
     * manages the cadres of {@code countyCode} and sets the quotas of {@code prefecture}. The server refuses the rest
     * anyway; this only spares him buttons that would answer 403.
     */
    public record Access(boolean cadres, boolean quotas, boolean pairing, String countyCode, boolean manage,
                         String prefecture, boolean setQuotas) {
    }

    public record NewCadre(String name, String nameLatin, String rank, Long unitId, String countyCode, String phone,
                           String userId) {
    }

    public record NewVisit(String applicationNo, LocalDate date, String measureType, @MultiLine String description,
                           BigDecimal amount) {
    }

    public record Reassignment(Long cadreId, @MultiLine String reason) {
    }

    public record CadreMove(Long toCadreId, @MultiLine String reason) {
    }

    public record Moved(long fromCadreId, Long toCadreId, int households, boolean fromCadreActive) {
    }

    // ---- what the screens offer ----

    @GetMapping("/api/cadre-access")
    public Access access(@RequestParam(required = false) String county,
            @RequestParam(required = false) String prefecture, Authentication user) {
        String countyCode = null;
        boolean manage = false;
        if (county != null && !county.isBlank()) {
            RegionCode code = RegionCode.of(county.strip(), "county");
            if (code.level() != RegionLevel.COUNTY) {
                throw FieldRuleException.invalid(Map.of("county", county.strip() + " is not a county code"));
            }
            countyCode = code.value();
            manage = manages(countyCode, user);
        }
        boolean setQuotas = false;
        if (prefecture != null && !prefecture.isBlank()) {
            if (!prefecture.strip().matches("\\d{4}")) {
                throw FieldRuleException.invalid(Map.of("prefecture", "the first four digits of the prefecture's code"));
            }
            setQuotas = maySetQuotas(prefecture.strip(), user);
        }
        boolean reads = RegionScope.hasRole(user, OfficialRole.COUNTY, OfficialRole.CITY, OfficialRole.TOWNSHIP);
        return new Access(reads, RegionScope.hasRole(user, OfficialRole.COUNTY, OfficialRole.CITY), reads,
                countyCode, manage, prefecture == null || prefecture.isBlank() ? null : prefecture.strip(), setQuotas);
    }

    // ---- quotas ----

    /** The quota rows that apply in a prefecture (its own and the default 0000); any official may read them. */
    @GetMapping("/api/cadre-quotas")
    public List<AssistanceService.Quota> quotas(@RequestParam(defaultValue = "0000") String prefecture) {
        return assistance.quotas(prefecture);
    }

    public record QuotaChange(Integer households, String source) {
    }

    /** The city office of the prefecture (or an administrator) sets a rank's quota; it applies to the next check. */
    @PutMapping("/api/cadre-quotas/{prefecture}/{rank}")
    public AssistanceService.Quota setQuota(@PathVariable String prefecture, @PathVariable String rank,
            @RequestBody QuotaChange body, Authentication user) {
        if (!maySetQuotas(prefecture, user)) {
            throw forbidden("prefecture", "only the city poverty-alleviation office of " + prefecture
                    + " sets its quotas (the default 0000: an administrator)");
        }
        return assistance.setQuota(prefecture, rank, body.households(), body.source());
    }

    private static boolean maySetQuotas(String prefecture, Authentication user) {
        return prefecture.matches("\\d{4}") && !AssistanceService.DEFAULT_PREFECTURE.equals(prefecture)
                ? RegionScope.memberOf(user, OfficialRole.CITY.key() + "-" + prefecture)
                : RegionScope.of(user).everything();
    }

    // ---- units ----

    @GetMapping("/api/assisting-units")
    public List<UnitView> units(@RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Authentication user) {
        checkPage(page, size);
        return prefixes(region, user).stream()
                .flatMap(prefix -> assistance.units(prefix, page, size).stream())
                .distinct().limit(size).map(this::view).toList();
    }

    @PostMapping("/api/assisting-units")
    public ResponseEntity<UnitView> createUnit(@RequestBody NewUnit body, Authentication user) {
        if (body.regionCode() != null) {
            RegionCode region = RegionCode.of(body.regionCode(), "regionCode");
            requireManager(region.level().isAbove(RegionLevel.COUNTY) ? region.value()
                    : region.ancestor(RegionLevel.COUNTY).value(), user, "regionCode");
        }
        AssistingUnit unit = assistance.createUnit(body.name(), body.regionCode());
        return ResponseEntity.created(URI.create("/api/assisting-units/" + unit.getId())).body(view(unit));
    }

    /** Renames a unit: the county office of its county (a unit above the county: the city office). */
    @PutMapping("/api/assisting-units/{id}")
    public UnitView renameUnit(@PathVariable long id, @RequestBody UnitChange body, Authentication user) {
        AssistingUnit unit = assistance.requireUnit(id);
        RegionCode region = RegionCode.of(unit.getRegionCode());
        if (!overlaps(RegionScope.of(user), region.level().isAbove(RegionLevel.COUNTY) ? region.value()
                : region.ancestor(RegionLevel.COUNTY).value())) {
            throw AssistanceService.unknownUnit(id);
        }
        requireManager(region.level().isAbove(RegionLevel.COUNTY) ? region.value()
                : region.ancestor(RegionLevel.COUNTY).value(), user, "unitId");
        return view(assistance.renameUnit(id, body.name()));
    }

    // ---- cadres ----

    /** Cadres helping in the region (a township or village: its county's), with households paired and quota left. */
    @GetMapping("/api/cadres")
    public List<CadreView> cadres(@RequestParam(required = false) String region,
            @RequestParam(defaultValue = "false") boolean includeLeft, @RequestParam(required = false) String q,
            @RequestParam(required = false) String rank, @RequestParam(required = false) Long unitId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Authentication user) {
        checkPage(page, size);
        return prefixes(region, user).stream()
                .flatMap(prefix -> assistance.search(prefix, !includeLeft, q, rank, unitId, page, size).stream())
                .distinct().limit(size).map(load -> view(load, user)).toList();
    }

    @GetMapping("/api/cadres/{id}")
    public CadreDetail cadre(@PathVariable long id, Authentication user) {
        Cadre cadre = visibleCadre(id, user);
        RegionScope scope = RegionScope.of(user);
        boolean himself = isHimself(cadre, user);
        boolean whole = himself || manages(cadre.getCountyCode(), user);
        List<CadreHousehold> own = assistance.currentHouseholds(id).stream()
                .filter(h -> whole || scope.covers(h.villageCode()))
                .map(h -> {
                    HouseholdView household = households.view(h.applicationNo());
                    return new CadreHousehold(h.applicationNo(), h.villageCode(), regions.get(h.villageCode()).label(),
                            h.headName(), h.status(), PersonalData.phone(household.phone(),
                                    himself || PersonalData.inFull(user, h.villageCode())), household.fileCard());
                })
                .toList();
        List<VisitView> visits = assistance.visitsOfCadre(id, LEDGER_SHOWN).stream()
                .map(this::view)
                .filter(v -> whole || scope.covers(households.get(v.applicationNo()).getVillageCode()))
                .toList();
        return new CadreDetail(view(assistance.load(cadre), user), own, visits);
    }

    @PostMapping("/api/cadres")
    public ResponseEntity<CadreView> createCadre(@RequestBody NewCadre body, Authentication user) {
        if (body.countyCode() != null) {
            requireManager(body.countyCode(), user, "countyCode");
        }
        Cadre cadre = assistance.createCadre(body.name(), body.nameLatin(), body.rank(), body.unitId(),
                body.countyCode(), body.phone(), body.userId());
        return ResponseEntity.created(URI.create("/api/cadres/" + cadre.getId()))
                .body(view(assistance.load(cadre), user));
    }

    /** The county office corrects a cadre (name, Latin name, rank, unit, phone); county and login stay. */
    @PutMapping("/api/cadres/{id}")
    public CadreView updateCadre(@PathVariable long id, @RequestBody CadreChange body, Authentication user) {
        Cadre cadre = visibleCadre(id, user);
        requireManager(cadre.getCountyCode(), user, "cadreId");
        Cadre updated = assistance.updateCadre(id, body.name(), body.nameLatin(), body.rank(), body.unitId(),
                body.phone());
        return view(assistance.load(updated), user);
    }

    public record LiaisonChange(Boolean liaison) {
    }

    /** The county office names the cadre his unit's liaison for inspection findings, or withdraws it (ADR 0030). */
    @PutMapping("/api/cadres/{id}/liaison")
    public CadreView nameLiaison(@PathVariable long id, @RequestBody LiaisonChange body, Authentication user) {
        Cadre cadre = visibleCadre(id, user);
        requireManager(cadre.getCountyCode(), user, "cadreId");
        return view(assistance.load(assistance.nameLiaison(id, body.liaison())), user);
    }

    /** A ledger entry, by the cadre himself (or the county office for him). The date may not lie ahead. */
    @PostMapping("/api/cadres/{id}/visits")
    public ResponseEntity<VisitView> recordVisit(@PathVariable long id, @RequestBody NewVisit body,
            Authentication user) {
        Cadre cadre = visibleCadre(id, user);
        if (!isHimself(cadre, user) && !manages(cadre.getCountyCode(), user)) {
            throw forbidden("cadreId", "only " + cadre.getName() + " himself or the county office of "
                    + cadre.getCountyCode() + " records his visits");
        }
        if (body.applicationNo() != null) {
            visibleToCadreOrManager(body.applicationNo(), cadre, user);
        }
        Visit visit = assistance.recordVisit(id, body.applicationNo(), body.date(), body.measureType(),
                body.description(), body.amount(), user.getName());
        return ResponseEntity.created(URI.create("/api/cadres/" + id + "/visits/" + visit.getId())).body(view(visit));
    }

    /** All of a cadre's households go to another cadre, e.g. while he is away; he stays in the registry. */
    @PostMapping("/api/cadres/{id}/reassignment")
    public Moved reassignAll(@PathVariable long id, @RequestBody CadreMove body, Authentication user) {
        return move(id, body, user, false);
    }

    /** The cadre moves or retires: his households go to {@code toCadreId} (required if he has any). */
    @PostMapping("/api/cadres/{id}/departure")
    public Moved depart(@PathVariable long id, @RequestBody CadreMove body, Authentication user) {
        return move(id, body, user, true);
    }

    private Moved move(long id, CadreMove body, Authentication user, boolean leaves) {
        Cadre cadre = visibleCadre(id, user);
        requireManager(cadre.getCountyCode(), user, "cadreId");
        if (body.toCadreId() == null) {
            if (!leaves) {
                throw FieldRuleException.invalid(Map.of("toCadreId", "is required"));
            }
            assistance.leave(id, body.reason());
            return new Moved(id, null, 0, false);
        }
        Cadre target = visibleCadre(body.toCadreId(), user);
        int moved = assistance.reassignAll(id, target.getId(), body.reason(), leaves, user.getName());
        return new Moved(id, target.getId(), moved, !leaves);
    }

    // ---- a household's responsibility ----

    @GetMapping("/api/households/{applicationNo}/pairing")
    public HouseholdResponsibility pairing(@PathVariable String applicationNo, Authentication user) {
        Household household = households.get(applicationNo);
        FileCard card = households.fileCard(household.getId()).orElse(null);
        Cadre current = card == null || card.getCadreId() == null ? null : assistance.cadre(card.getCadreId());
        boolean himself = current != null && isHimself(current, user);
        if (!himself && !RegionScope.of(user).covers(household.getVillageCode())) {
            throw new HouseholdNotFoundException(applicationNo);
        }
        String county = RegionCode.of(household.getVillageCode()).ancestor(RegionLevel.COUNTY).value();
        return new HouseholdResponsibility(applicationNo, household.getVillageCode(),
                regions.get(household.getVillageCode()).label(),
                current == null ? null : view(assistance.load(current), user),
                assistance.history(household.getId()).stream().map(AssistanceController::view).toList(),
                assistance.visitsOfHousehold(household.getId(), LEDGER_SHOWN).stream().map(this::view).toList(),
                RegionScope.of(user).covers(household.getVillageCode()) && manages(county, user));
    }

    /** Reassigns one household: an official of the household's county, with a reason; the history keeps both. */
    @PostMapping("/api/households/{applicationNo}/pairing")
    public HouseholdResponsibility reassign(@PathVariable String applicationNo, @RequestBody Reassignment body,
            Authentication user) {
        Household household = households.get(applicationNo);
        if (!RegionScope.of(user).covers(household.getVillageCode())) {
            throw new HouseholdNotFoundException(applicationNo);
        }
        requireManager(RegionCode.of(household.getVillageCode()).ancestor(RegionLevel.COUNTY).value(), user,
                "applicationNo");
        if (body.cadreId() == null) {
            throw FieldRuleException.invalid(Map.of("cadreId", "is required"));
        }
        visibleCadre(body.cadreId(), user);
        assistance.reassign(applicationNo, body.cadreId(), body.reason(), user.getName());
        return pairing(applicationNo, user);
    }

    // ---- access rules ----

    /** The cadre, if the caller works in his county (or above it), is the cadre, or is an administrator. */
    private Cadre visibleCadre(long id, Authentication user) {
        Cadre cadre;
        try {
            cadre = assistance.cadre(id);
        } catch (FieldRuleException e) {
            throw AssistanceService.unknownCadre(id);
        }
        if (isHimself(cadre, user) || overlaps(RegionScope.of(user), cadre.getCountyCode())) {
            return cadre;
        }
        throw AssistanceService.unknownCadre(id);
    }

    private void visibleToCadreOrManager(String applicationNo, Cadre cadre, Authentication user) {
        Household household = households.get(applicationNo);
        boolean paired = assistance.currentHouseholdIds(cadre.getId()).contains(household.getId());
        if (!paired && !RegionScope.of(user).covers(household.getVillageCode())) {
            throw new HouseholdNotFoundException(applicationNo);
        }
    }

    /**
     * Region prefixes to list, at county depth: the caller's own counties (or wider regions, for a city office),
     * narrowed to the asked region when it lies within them; an asked region that contains the caller's (a prefecture
     * or the province for a village clerk) is narrowed to the caller's own, as {@code GET /api/households} narrows a
     * wide region; a region apart from the caller's is a 403 problem naming {@code region}.
     */
    private List<String> prefixes(String region, Authentication user) {
        RegionScope scope = RegionScope.of(user);
        List<String> own = scope.everything() ? List.of("") : scope.prefixes().stream()
                .map(p -> p.length() > RegionLevel.COUNTY.significantDigits()
                        ? p.substring(0, RegionLevel.COUNTY.significantDigits()) : p)
                .distinct().toList();
        if (region == null || region.isBlank()) {
            return own;
        }
        RegionCode code = RegionCode.of(region.trim());
        String asked = code.prefix(code.level().isAbove(RegionLevel.COUNTY) ? code.level() : RegionLevel.COUNTY);
        List<String> narrowed = own.stream()
                .map(p -> asked.startsWith(p) ? asked : p.startsWith(asked) ? p : null)
                .filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (narrowed.isEmpty()) {
            throw forbidden("region", region + " lies outside your region " + scope.prefixes());
        }
        return narrowed;
    }

    private static boolean overlaps(RegionScope scope, String countyCode) {
        String county = countyCode.substring(0, RegionLevel.COUNTY.significantDigits());
        return scope.everything() || scope.prefixes().stream().anyMatch(p -> p.startsWith(county) || county.startsWith(p));
    }

    /** The county office of the county, the city office above it, or an administrator. */
    private boolean manages(String countyCode, Authentication user) {
        return RegionScope.memberOf(user, groups.of(countyCode, OfficialRole.COUNTY.key()))
                || RegionScope.memberOf(user, groups.of(countyCode, OfficialRole.CITY.key()));
    }

    private void requireManager(String regionCode, Authentication user, String field) {
        RegionCode code = RegionCode.of(regionCode, field);
        boolean allowed = code.level().isAbove(RegionLevel.COUNTY)
                ? RegionScope.memberOf(user, groups.of(code.ancestor(RegionLevel.CITY).value(), OfficialRole.CITY.key()))
                : manages(code.ancestor(RegionLevel.COUNTY).value(), user);
        if (!allowed) {
            throw forbidden(field, "only the county poverty-alleviation office of " + regionCode
                    + " (or the city office above it) manages its cadres and pairings");
        }
    }

    private static boolean isHimself(Cadre cadre, Authentication user) {
        return cadre.getUserId() != null && cadre.getUserId().equals(user.getName());
    }

    private static FieldRuleException forbidden(String field, String rule) {
        return new FieldRuleException(HttpStatus.FORBIDDEN, "forbidden", "无权限 / Forbidden", Map.of(field, rule));
    }

    private static void checkPage(int page, int size) {
        if (size < 1 || size > MAX_PAGE || page < 0) {
            throw FieldRuleException.invalid(Map.of("size", "page size must be 1-" + MAX_PAGE + " and page >= 0"));
        }
    }

    // ---- mapping ----

    private UnitView view(AssistingUnit unit) {
        return new UnitView(unit.getId(), unit.getName(), unit.getRegionCode(), unit.getLevel().name(),
                regions.get(unit.getRegionCode()).label());
    }

    private CadreView view(AssistanceService.Load load, Authentication user) {
        Cadre c = load.cadre();
        boolean personal = isHimself(c, user) || manages(c.getCountyCode(), user);
        return new CadreView(c.getId(), c.getName(), c.getNameLatin(), c.getRank().name(), c.getRank().label(),
                view(c.getUnit()), c.getCountyCode(), c.isActive(), c.getLeftReason(), load.quota(), load.paired(),
                load.left(), personal ? c.getPhone() : null, personal ? c.getUserId() : null, c.isLiaison());
    }

    private VisitView view(Visit v) {
        return new VisitView(v.getId(), v.getCadreId(), households.get(v.getHouseholdId()).getApplicationNo(),
                v.getDate(), v.getMeasureType().name(), v.getMeasureType().label(), v.getDescription(), v.getAmount(),
                v.getRecordedBy(), v.getRecordedAt());
    }

    private static PairingView view(Pairing p) {
        return new PairingView(p.getCadre().getId(), p.getCadre().getName(), p.getUnit().getId(),
                p.getUnit().getName(), p.getStartedAt(), p.getStartedBy(), p.getStartReason(), p.getEndedAt(),
                p.getEndedBy(), p.getEndReason());
    }
}
