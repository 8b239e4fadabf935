package org.precisionaid.assistance;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.Responsibility;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assistance responsibility (帮扶责任): who answers for each registered household, within the quotas of
 * {@code cadre_quota}. Every change of a household's cadre goes through here, takes the target cadre's row
 * lock and counts his households again under it (ADR 0008), and leaves a {@link Pairing} in the history.
 */
@Service
@Transactional
public class AssistanceService implements Responsibility {

    /** The prefecture row of {@code cadre_quota} that applies where a prefecture has none of its own. */
    static final String DEFAULT_PREFECTURE = "0000";
    /** A file card's pairing that still holds on the day given as the parameter: the households a cadre answers for. */
    static final String PAIRING_HOLDS = "(pairing_ends is null or pairing_ends > ?)";
    static final int MAX_TEXT = 1000;

    private final CadreRepository cadres;
    private final AssistingUnitRepository units;
    private final PairingRepository pairings;
    private final VisitRepository visits;
    private final HouseholdService households;
    private final RegionService regions;
    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    private final AssistanceProperties properties;
    private final Clock clock;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;

    /** The cadres of a county who can take households changed: forms that offer them must show the new list. */
    public record CadresChanged(String countyCode) {
    }

    /** A change that will lock a cadre's row and then change what forms offer: their tasks are locked first. */
    public record CadresChanging(String countyCode) {
    }

    AssistanceService(CadreRepository cadres, AssistingUnitRepository units, PairingRepository pairings,
            VisitRepository visits, HouseholdService households, RegionService regions, JdbcTemplate jdbc,
            EntityManager entities, AssistanceProperties properties, Clock clock, IdentityService identity,
            ApplicationEventPublisher events) {
        this.identity = identity;
        this.events = events;
        this.cadres = cadres;
        this.units = units;
        this.pairings = pairings;
        this.visits = visits;
        this.households = households;
        this.regions = regions;
        this.jdbc = jdbc;
        this.entities = entities;
        this.properties = properties;
        this.clock = clock;
    }

    /** A cadre with his quota and the households he answers for now. */
    public record Load(Cadre cadre, int quota, long paired) {
        public long left() {
            return Math.max(0, quota - paired);
        }
    }

    // ---- registry of units and cadres ----

    public AssistingUnit createUnit(String name, String regionCode) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = text(name, "name", 128, true, errors);
        if (regionCode == null) {
            errors.put("regionCode", "is required");
        }
        throwIfAny(errors);
        RegionCode region = regions.get(regionCode).code();
        if (units.findByRegionCodeAndName(region.value(), cleanName).isPresent()) {
            throw new ConflictException("assisting unit '" + cleanName + "' already exists in " + region.value());
        }
        return units.save(new AssistingUnit(cleanName, region, clock.instant()));
    }

    public Cadre createCadre(String name, String nameLatin, String rank, Long unitId, String countyCode, String phone,
            String userId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = text(name, "name", 64, true, errors);
        String latin = text(nameLatin, "nameLatin", 64, false, errors);
        CadreRank cadreRank = rank(rank, errors);
        AssistingUnit unit = null;
        if (unitId == null) {
            errors.put("unitId", "is required");
        } else {
            unit = units.findById(unitId).orElse(null);
            if (unit == null) {
                errors.put("unitId", "no assisting unit " + unitId);
            }
        }
        if (countyCode == null) {
            errors.put("countyCode", "is required");
        } else if (RegionCode.of(countyCode).level() != RegionLevel.COUNTY) {
            errors.put("countyCode", countyCode + " is not a county code: a cadre helps households of one county");
        } else {
            regions.get(countyCode);
            RegionCode unitRegion = unit == null ? null : RegionCode.of(unit.getRegionCode());
            RegionCode county = RegionCode.of(countyCode);
            if (unitRegion != null && !unitRegion.isWithin(county) && !county.isWithin(unitRegion)) {
                errors.put("unitId", unit.getName() + " (" + unit.getRegionCode() + ") is neither in county "
                        + countyCode + " nor above it");
            }
        }
        String cleanPhone = phone(phone, errors);
        String user = userId == null || userId.isBlank() ? null : userId.trim();
        if (user != null && cadres.findByUserId(user).isPresent()) {
            errors.put("userId", user + " is already linked to another cadre");
        } else if (user != null && countyCode != null && !errors.containsKey("countyCode")) {
            String group = OfficialRole.CADRE.key() + "-" + countyCode.substring(0, RegionLevel.COUNTY.significantDigits());
            if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
                errors.put("userId", user + " is not a login in group " + group
                        + "; create it first (POST /api/officials, role cadre, regionCode " + countyCode + ")");
            }
        }
        throwIfAny(errors);
        Cadre cadre = cadres.saveAndFlush(new Cadre(cleanName, latin, cadreRank, unit, countyCode, cleanPhone, user,
                clock.instant()));
        events.publishEvent(new CadresChanged(countyCode));
        return cadre;
    }

    /** Renames a unit (its region stays: its cadres and the pairings' history name it). */
    public AssistingUnit renameUnit(long unitId, String name) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = text(name, "name", 128, true, errors);
        throwIfAny(errors);
        AssistingUnit unit = requireUnit(unitId);
        units.findByRegionCodeAndName(unit.getRegionCode(), cleanName)
                .filter(other -> !other.getId().equals(unit.getId()))
                .ifPresent(other -> {
                    throw new FieldRuleException(HttpStatus.CONFLICT, "conflict", "冲突 / Conflict", Map.of("name",
                            "assisting unit '" + cleanName + "' already exists in " + unit.getRegionCode()));
                });
        unit.rename(cleanName);
        units.flush();
        return unit;
    }

    @Transactional(readOnly = true)
    public AssistingUnit requireUnit(long unitId) {
        return units.findById(unitId).orElseThrow(() -> unknownUnit(unitId));
    }

    /** No unit with this id, or none the caller may see: 404, as for cadres. */
    static FieldRuleException unknownUnit(long unitId) {
        return new FieldRuleException(HttpStatus.NOT_FOUND, "unknown-unit", "帮扶单位不存在 / Unknown assisting unit",
                Map.of("unitId", "no assisting unit " + unitId));
    }

    /**
     * Corrects a cadre: name, Latin name, rank, unit, phone. His county and login stay. A lower rank must still hold
     * the households he answers for (his row locked while they are counted, ADR 0008).
     */
    public Cadre updateCadre(long cadreId, String name, String nameLatin, String rank, Long unitId, String phone) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = text(name, "name", 64, true, errors);
        String latin = text(nameLatin, "nameLatin", 64, false, errors);
        CadreRank cadreRank = rank(rank, errors);
        String cleanPhone = phone(phone, errors);
        lockTasksBeforeCadre(cadreId);
        Cadre cadre = lockCadre(cadreId, "cadreId");
        AssistingUnit unit = unitOfCounty(unitId, cadre.getCountyCode(), errors);
        throwIfAny(errors);
        if (cadreRank != cadre.getRank()) {
            int quota = quota(new Cadre(cleanName, latin, cadreRank, unit, cadre.getCountyCode(), null, null,
                    clock.instant()));
            int open = currentHouseholdIds(cadreId).size();
            if (open > quota) {
                throw new FieldRuleException(HttpStatus.CONFLICT, "over-quota", "超出帮扶户数 / Over quota",
                        Map.of("rank", cadre.getName() + " answers for " + open + " households; a " + cadreRank.en()
                                + "-level cadre takes " + quota + ": reassign households first"));
            }
        }
        cadre.update(cleanName, latin, cadreRank, unit, cleanPhone);
        cadres.flush();
        events.publishEvent(new CadresChanged(cadre.getCountyCode()));
        return cadre;
    }

    /**
     * The county office names a cadre his unit's liaison (联络员), who then answers the unit's inspection findings in
     * Tasklist, or withdraws the naming (ADR 0030). Only an active cadre with a login can answer a task.
     */
    public Cadre nameLiaison(long cadreId, Boolean liaison) {
        if (liaison == null) {
            throw FieldRuleException.invalid(Map.of("liaison", "is required: true names the cadre his unit's liaison, "
                    + "false withdraws it"));
        }
        Cadre cadre = lockCadre(cadreId, "cadreId");
        if (liaison && !cadre.isActive()) {
            throw FieldRuleException.invalid(Map.of("liaison", cadre.getName() + " has left (" + cadre.getLeftReason()
                    + "): only a serving cadre answers for his unit"));
        }
        if (liaison && cadre.getUserId() == null) {
            throw FieldRuleException.invalid(Map.of("liaison", cadre.getName() + " has no login: link his login "
                    + "(userId) first, so that he sees the unit's rectifications in Tasklist"));
        }
        cadre.liaison(liaison);
        cadres.flush();
        return cadre;
    }

    /** The unit, if it lies in the county or above it (a cadre helps one county's households). */
    private AssistingUnit unitOfCounty(Long unitId, String countyCode, Map<String, String> errors) {
        if (unitId == null) {
            errors.put("unitId", "is required");
            return null;
        }
        AssistingUnit unit = units.findById(unitId).orElse(null);
        if (unit == null) {
            errors.put("unitId", "no assisting unit " + unitId);
            return null;
        }
        RegionCode unitRegion = RegionCode.of(unit.getRegionCode());
        RegionCode county = RegionCode.of(countyCode);
        if (!unitRegion.isWithin(county) && !county.isWithin(unitRegion)) {
            errors.put("unitId", unit.getName() + " (" + unit.getRegionCode() + ") is neither in county "
                    + countyCode + " nor above it");
        }
        return unit;
    }

    private static String phone(String phone, Map<String, String> errors) {
        String cleanPhone = phone == null || phone.isBlank() ? null : phone.trim();
        if (cleanPhone != null && !cleanPhone.matches("\\+?[0-9 -]{5,20}")) {
            errors.put("phone", "digits only, 5-20");
        }
        return cleanPhone;
    }

    @Transactional(readOnly = true)
    public Cadre cadre(long cadreId) {
        return cadres.findById(cadreId).orElseThrow(() -> unknownCadre(cadreId));
    }

    @Transactional(readOnly = true)
    public Optional<Cadre> cadreOfUser(String userId) {
        return userId == null ? Optional.empty() : cadres.findByUserId(userId);
    }

    @Transactional(readOnly = true)
    public Optional<AssistingUnit> unit(long unitId) {
        return units.findById(unitId);
    }

    @Transactional(readOnly = true)
    public List<AssistingUnit> units(String regionPrefix, int page, int size) {
        return units.findInRegion(regionPrefix, PageRequest.of(page, size));
    }

    // ---- quotas and loads ----

    /** The quota of the cadre's rank in the prefecture of his county; 0 when no row applies. */
    @Transactional(readOnly = true)
    public int quota(Cadre cadre) {
        String prefecture = cadre.getCountyCode().substring(0, RegionLevel.CITY.significantDigits());
        List<Integer> found = jdbc.queryForList("""
                select households from cadre_quota where cadre_rank = ? and prefecture in (?, ?)
                order by case when prefecture = ? then 1 else 0 end""", Integer.class,
                cadre.getRank().name(), prefecture, DEFAULT_PREFECTURE, DEFAULT_PREFECTURE);
        return found.isEmpty() ? 0 : found.get(0);
    }

    /** One row of {@code cadre_quota}. */
    public record Quota(String prefecture, String rank, int households, String source) {
    }

    @Transactional(readOnly = true)
    public List<Quota> quotas(String prefecture) {
        return jdbc.query("select prefecture, cadre_rank, households, source from cadre_quota"
                + " where prefecture in (?, ?) order by prefecture, cadre_rank",
                (row, n) -> new Quota(row.getString(1), row.getString(2), row.getInt(3), row.getString(4)),
                prefecture, DEFAULT_PREFECTURE);
    }

    /** Sets the quota of a rank in a prefecture (a policy decision: the source names the document). */
    public Quota setQuota(String prefecture, String rank, Integer households, String source) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (prefecture == null || !prefecture.matches("\\d{4}")) {
            errors.put("prefecture", "the first four digits of the prefecture's code, or 0000 for the default");
        }
        CadreRank cadreRank = rank(rank, errors);
        if (households == null || households < 0 || households > 50) {
            errors.put("households", "0-50");
        }
        String why = text(source, "source", 256, true, errors);
        throwIfAny(errors);
        int updated = jdbc.update("update cadre_quota set households = ?, source = ? where prefecture = ? and cadre_rank = ?",
                households, why, prefecture, cadreRank.name());
        if (updated == 0) {
            jdbc.update("insert into cadre_quota (prefecture, cadre_rank, households, source) values (?, ?, ?, ?)",
                    prefecture, cadreRank.name(), households, why);
        }
        return new Quota(prefecture, cadreRank.name(), households, why);
    }

    @Transactional(readOnly = true)
    public Load load(Cadre cadre) {
        return new Load(cadre, quota(cadre), paired(List.of(cadre.getId())).getOrDefault(cadre.getId(), 0L));
    }

    /** Cadres whose county lies within the region prefix (or the county of a township/village prefix). */
    @Transactional(readOnly = true)
    public List<Load> loads(String countyPrefix, boolean activeOnly, int page, int size) {
        return withLoads(cadres.findInRegion(countyPrefix, activeOnly, PageRequest.of(page, size)));
    }

    /**
     * As {@link #loads}, narrowed by what the cadres' screen searches: text in the name, Latin name or unit's name,
     * a rank, a unit. Bad values are a 400 naming {@code q}, {@code rank} or {@code unitId}.
     */
    @Transactional(readOnly = true)
    public List<Load> search(String countyPrefix, boolean activeOnly, String text, String rank, Long unitId, int page,
            int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        String q = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (q.length() > 64) {
            errors.put("q", "at most 64 characters");
        }
        List<CadreRank> ranks = List.of(CadreRank.values());
        if (rank != null && !rank.isBlank()) {
            CadreRank one = rank(rank, errors);
            ranks = one == null ? ranks : List.of(one);
        }
        if (unitId != null && unitId < 1) {
            errors.put("unitId", "must be a unit's id (1 or more)");
        }
        throwIfAny(errors);
        String like = q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        List<Cadre> found = cadres.search(countyPrefix, activeOnly, like, ranks, unitId == null ? 0 : unitId,
                PageRequest.of(page, size));
        return withLoads(found);
    }

    private List<Load> withLoads(List<Cadre> found) {
        Map<Long, Long> paired = paired(found.stream().map(Cadre::getId).toList());
        Map<String, Integer> quotaCache = new HashMap<>();
        return found.stream().map(c -> new Load(c,
                quotaCache.computeIfAbsent(c.getCountyCode().substring(0, 4) + c.getRank(), k -> quota(c)),
                paired.getOrDefault(c.getId(), 0L))).toList();
    }

    /** A cadre the registration form offers: his id and his label with the households he may still take. */
    public record Offer(long cadreId, String label) {
    }

    /**
     * Active cadres of the county with quota left, for the registration form, in the cadres' screen's order. One
     * query, counting each cadre's households by index: the form is made for every household registered, and a
     * county's cadres run to the thousands — neither all of them loaded as entities, nor only its first few hundred.
     */
    @Transactional(readOnly = true)
    public List<Offer> withQuotaLeft(String regionCode) {
        String county = RegionCode.of(regionCode).prefix(RegionLevel.COUNTY);
        return jdbc.query("""
                select id, name, name_latin, cadre_rank, quota_left from (
                  select c.id, c.name, c.name_latin, c.cadre_rank, c.county_code,
                         q.households - (select count(*) from file_card f where f.cadre_id = c.id
                                         and %s) as quota_left
                  from cadre c join cadre_quota q on q.cadre_rank = c.cadre_rank
                   and q.prefecture = coalesce((select own.prefecture from cadre_quota own
                        where own.cadre_rank = c.cadre_rank and own.prefecture = substring(c.county_code, 1, 4)), ?)
                  where c.county_code like ? and c.active = true) offered
                where quota_left > 0
                order by county_code, cadre_rank, name, id
                limit ?""".formatted(PAIRING_HOLDS),
                (row, n) -> new Offer(row.getLong("id"), Cadre.optionLabel(row.getString("name"),
                        row.getString("name_latin"), CadreRank.valueOf(row.getString("cadre_rank")),
                        row.getLong("quota_left"))),
                java.sql.Date.valueOf(today()), DEFAULT_PREFECTURE, county + "%", properties.optionsShown());
    }

    /** Households each cadre answers for today: registered, or left poverty less than the transition period ago. */
    private Map<Long, Long> paired(Collection<Long> cadreIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (cadreIds.isEmpty()) {
            return counts;
        }
        String marks = String.join(",", cadreIds.stream().map(id -> "?").toList());
        List<Object> args = new ArrayList<>(cadreIds);
        args.add(java.sql.Date.valueOf(today()));
        jdbc.query("select cadre_id, count(*) from file_card where cadre_id in (" + marks + ")"
                + " and " + PAIRING_HOLDS + " group by cadre_id",
                row -> {
                    counts.put(row.getLong(1), row.getLong(2));
                }, args.toArray());
        return counts;
    }

    // ---- pairing ----

    /**
     * Checks that the cadre may take one more household of this village, holding his row lock until the
     * transaction ends. Used by the registration task before it completes.
     */
    public Cadre checkPairable(long cadreId, String villageCode) {
        Cadre cadre = lockCadre(cadreId, "cadreId");
        requirePairable(cadre, villageCode, "cadreId");
        return cadre;
    }

    /** Names the responsible cadre of a household just registered (file card open, no cadre yet). */
    public Pairing pairAtRegistration(long householdId, long cadreId, String actor) {
        Household household = households.get(householdId);
        FileCard card = lockCard(householdId);
        Cadre cadre = lockCadre(cadreId, "cadreId");
        if (card.getCadreId() != null && card.getCadreId() == cadreId) {
            return pairings.current(householdId).orElseThrow();
        }
        requirePairable(cadre, household.getVillageCode(), "cadreId");
        return startPairing(card, cadre, actor, "建档立卡结对 / Paired at registration");
    }

    /** Gives a registered household another cadre (the old one moves, retires, or the county reorganises). */
    public Pairing reassign(String applicationNo, long cadreId, String reason, String actor) {
        Household household = households.get(applicationNo);
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, "reason", MAX_TEXT, true, errors);
        throwIfAny(errors);
        if (household.getStatus() != Status.REGISTERED) {
            throw new ConflictException("application " + applicationNo + " is " + household.getStatus()
                    + "; only a registered household has a responsible cadre");
        }
        Cadre cadre = lockCadre(cadreId, "cadreId");
        FileCard card = lockCard(household.getId());
        if (card.getCadreId() != null && card.getCadreId() == cadreId) {
            throw FieldRuleException.invalid(Map.of("cadreId", cadre.getName() + " is already responsible for "
                    + applicationNo));
        }
        requirePairable(cadre, household.getVillageCode(), "cadreId");
        endCurrent(household.getId(), actor, why);
        return startPairing(card, cadre, actor, why);
    }

    /**
     * Moves every household of one cadre to another, all or none (the target's quota must hold them all), and
     * optionally records that the old cadre has left. A cadre never leaves with households still on him.
     */
    public int reassignAll(long fromCadreId, long toCadreId, String reason, boolean leaves, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, "reason", MAX_TEXT, true, errors);
        if (fromCadreId == toCadreId) {
            errors.put("toCadreId", "must be another cadre");
        }
        throwIfAny(errors);
        // both rows locked, in id order so that two opposite moves cannot deadlock
        Cadre from;
        Cadre to;
        if (fromCadreId < toCadreId) {
            from = lockCadre(fromCadreId, "cadreId");
            to = lockCadre(toCadreId, "toCadreId");
        } else {
            to = lockCadre(toCadreId, "toCadreId");
            from = lockCadre(fromCadreId, "cadreId");
        }
        List<Long> householdIds = currentHouseholdIds(from.getId());
        if (!to.isActive()) {
            throw FieldRuleException.invalid(Map.of("toCadreId", to.getName() + " has left: " + to.getLeftReason()));
        }
        if (!householdIds.isEmpty()) {
            Load load = load(to);
            if (load.left() < householdIds.size()) {
                throw overQuota(to, load, householdIds.size(), "toCadreId");
            }
            for (long householdId : householdIds) {
                Household household = households.get(householdId);
                requireSameCounty(to, household.getVillageCode(), "toCadreId");
                FileCard card = lockCard(householdId);
                endCurrent(householdId, actor, why);
                startPairing(card, to, actor, why);
            }
        }
        if (leaves) {
            from.leave(why);
        }
        return householdIds.size();
    }

    /** Records that a cadre has moved or retired; refused while he still answers for a household. */
    public Cadre leave(long cadreId, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, "reason", MAX_TEXT, true, errors);
        throwIfAny(errors);
        lockTasksBeforeCadre(cadreId);
        Cadre cadre = lockCadre(cadreId, "cadreId");
        int open = currentHouseholdIds(cadreId).size();
        if (open > 0) {
            throw new FieldRuleException(HttpStatus.CONFLICT, "conflict", "冲突 / Conflict", Map.of("toCadreId",
                    cadre.getName() + " is still responsible for " + open + " household(s); reassign them first"
                            + " (toCadreId), so that no household is left without a cadre"));
        }
        cadre.leave(why);
        cadres.flush();
        events.publishEvent(new CadresChanged(cadre.getCountyCode()));
        return cadre;
    }

    /**
     * The household has left poverty on {@code exitDate}: it keeps its cadre, and counts in his quota, for the
     * transition period ({@code precision-aid.assistance.transition-period}). Called by the exit procedure.
     */
    public LocalDate householdExited(long householdId, LocalDate exitDate) {
        FileCard card = lockCard(householdId);
        LocalDate ends = exitDate.plus(properties.transitionPeriod());
        card.keepPairingUntil(ends);
        return ends;
    }

    @Transactional(readOnly = true)
    public List<Pairing> history(long householdId) {
        return pairings.history(householdId);
    }

    /** Ids of the households the cadre answers for today. */
    @Transactional(readOnly = true)
    public List<Long> currentHouseholdIds(long cadreId) {
        return jdbc.queryForList("select household_id from file_card where cadre_id = ?"
                + " and " + PAIRING_HOLDS + " order by household_id", Long.class, cadreId,
                java.sql.Date.valueOf(today()));
    }

    /** A household the cadre answers for, as his list shows it. */
    public record PairedHousehold(long householdId, String applicationNo, String villageCode, String headName,
                                  String status) {
    }

    @Transactional(readOnly = true)
    public List<PairedHousehold> currentHouseholds(long cadreId) {
        return currentHouseholdIds(cadreId).stream().map(households::get)
                .map(h -> new PairedHousehold(h.getId(), h.getApplicationNo(), h.getVillageCode(),
                        h.head() == null ? null : h.head().getName(), h.getStatus().name()))
                .toList();
    }

    // ---- work ledger ----

    public Visit recordVisit(long cadreId, String applicationNo, LocalDate date, String measureType,
            String description, BigDecimal amount, String actor) {
        Cadre cadre = cadre(cadreId);
        Map<String, String> errors = new LinkedHashMap<>();
        Household household = null;
        if (applicationNo == null || applicationNo.isBlank()) {
            errors.put("applicationNo", "is required");
        } else {
            household = households.get(applicationNo.trim());
            if (!currentHouseholdIds(cadreId).contains(household.getId())
                    && pairings.history(household.getId()).stream().noneMatch(p -> p.getCadre().getId() == cadreId)) {
                errors.put("applicationNo", cadre.getName() + " is not responsible for " + applicationNo);
            }
        }
        if (date == null) {
            errors.put("date", "is required");
        } else if (date.isAfter(today())) {
            errors.put("date", date + " is in the future; record a visit once it has happened");
        } else if (date.isBefore(today().minusYears(1))) {
            errors.put("date", date + " is more than a year ago");
        }
        MeasureType type = measureType(measureType, errors);
        String what = text(description, "description", MAX_TEXT, true, errors);
        if (amount != null && (amount.signum() < 0 || amount.scale() > 2
                || amount.compareTo(new BigDecimal("10000000")) > 0)) {
            errors.put("amount", "yuan, 0-10,000,000, to the fen");
        }
        throwIfAny(errors);
        return visits.save(new Visit(cadreId, household.getId(), date, type, what, amount, actor, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Visit> visitsOfHousehold(long householdId, int limit) {
        return visits.ofHousehold(householdId, PageRequest.of(0, limit));
    }

    @Transactional(readOnly = true)
    public List<Visit> visitsOfCadre(long cadreId, int limit) {
        return visits.ofCadre(cadreId, PageRequest.of(0, limit));
    }

    // ---- Responsibility (names on the file card) ----

    @Override
    @Transactional(readOnly = true)
    public Names describe(FileCard card) {
        Cadre cadre = cadres.findById(card.getCadreId()).orElse(null);
        AssistingUnit unit = card.getAssistingUnitId() == null ? null
                : units.findById(card.getAssistingUnitId()).orElse(null);
        return new Names(unit == null ? null : unit.getName(),
                cadre == null ? null : cadre.getName() + "（" + cadre.getRank().zh() + "）");
    }

    // ---- rules ----

    private void requirePairable(Cadre cadre, String villageCode, String field) {
        if (!cadre.isActive()) {
            throw FieldRuleException.invalid(Map.of(field, cadre.getName() + " has left (" + cadre.getLeftReason()
                    + ") and takes no households"));
        }
        requireSameCounty(cadre, villageCode, field);
        Load load = load(cadre);
        if (load.left() < 1) {
            throw overQuota(cadre, load, 1, field);
        }
    }

    private void requireSameCounty(Cadre cadre, String villageCode, String field) {
        String county = RegionCode.of(villageCode).ancestor(RegionLevel.COUNTY).value();
        if (!county.equals(cadre.getCountyCode())) {
            throw FieldRuleException.invalid(Map.of(field, cadre.getName() + " assists households of "
                    + regions.get(cadre.getCountyCode()).label() + ", not of " + regions.get(county).label()));
        }
    }

    private FieldRuleException overQuota(Cadre cadre, Load load, int wanted, String field) {
        String prefecture = cadre.getCountyCode().substring(0, 4);
        return new FieldRuleException(HttpStatus.CONFLICT, "over-quota", "超出帮扶户数 / Over quota",
                Map.of(field, cadre.getName() + "（" + cadre.getRank().label() + "）already answers for "
                        + load.paired() + " of " + load.quota() + " households (quota of " + cadre.getRank().en()
                        + "-level cadres in prefecture " + prefecture + ")"
                        + (wanted > 1 ? "; " + wanted + " more do not fit" : "")));
    }

    private Pairing startPairing(FileCard card, Cadre cadre, String actor, String reason) {
        card.assignResponsibility(cadre.getId(), cadre.getUnit().getId());
        entities.flush();
        return pairings.save(new Pairing(card.getHouseholdId(), cadre, clock.instant(), actor, reason));
    }

    private void endCurrent(long householdId, String actor, String reason) {
        pairings.current(householdId).ifPresent(p -> p.end(clock.instant(), actor, reason));
    }

    /**
     * The open registration tasks of the cadre's county, locked before his row (ADR 0021: a registration locks its task,
     * then the cadre). Read with plain SQL, so that the cadre is loaded only under his lock, never stale.
     */
    private void lockTasksBeforeCadre(long cadreId) {
        jdbc.queryForList("select county_code from cadre where id = ?", String.class, cadreId).stream().findFirst()
                .ifPresent(county -> events.publishEvent(new CadresChanging(county)));
    }

    private Cadre lockCadre(long cadreId, String field) {
        entities.flush();
        return cadres.lockById(cadreId).orElseThrow(() -> FieldRuleException.invalid(Map.of(field,
                "no cadre " + cadreId)));
    }

    private FileCard lockCard(long householdId) {
        entities.flush();
        FileCard card = entities.find(FileCard.class, householdId, LockModeType.PESSIMISTIC_WRITE);
        if (card == null) {
            throw new ConflictException("household " + householdId + " has no file card; it is not registered");
        }
        return card;
    }

    /** No cadre with this id, or none the caller may see: 404, so that cadres of other regions do not leak. */
    static FieldRuleException unknownCadre(long cadreId) {
        return new FieldRuleException(HttpStatus.NOT_FOUND, "unknown-cadre", "帮扶责任人不存在 / Unknown cadre",
                Map.of("cadreId", "no cadre " + cadreId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String text(String value, String field, int max, boolean required, Map<String, String> errors) {
        String text = value == null ? "" : value.trim();
        if (required && text.isEmpty()) {
            errors.put(field, "is required");
        } else if (text.length() > max) {
            errors.put(field, "at most " + max + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static CadreRank rank(String rank, Map<String, String> errors) {
        try {
            return CadreRank.valueOf(rank == null ? "" : rank.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.put("rank", "one of " + java.util.Arrays.toString(CadreRank.values()));
            return null;
        }
    }

    private static MeasureType measureType(String type, Map<String, String> errors) {
        try {
            return MeasureType.valueOf(type == null ? "" : type.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.put("measureType", "one of " + java.util.Arrays.toString(MeasureType.values()));
            return null;
        }
    }

    private static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
    }
}
