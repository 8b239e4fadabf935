package org.precisionaid.village;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Codes;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Village files: checked entries in, the figures of village exit out (poor population counted, never typed). */
@Service
@Transactional
public class VillageFileService {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_INDUSTRIES = 500;
    static final int FIRST_YEAR = 2000;

    private final VillageFileRepository files;
    private final RegionService regions;
    private final VillageExitRules rules;
    private final Clock clock;

    public VillageFileService(VillageFileRepository files, RegionService regions, VillageExitRules rules, Clock clock) {
        this.files = files;
        this.regions = regions;
        this.rules = rules;
        this.clock = clock;
    }

    /** Creates or replaces the file of a village; a broken rule names its field and nothing is written. */
    public VillageFile save(String villageCode, VillageFileForm form, String actor) {
        Region village = village(villageCode);
        if (form == null) {
            throw FieldRuleException.invalid(Map.of("body", "is required: the village file as JSON"));
        }
        validate(form);
        VillageFile file = files.findById(village.getCode()).orElseGet(() -> new VillageFile(village.getCode()));
        if (form.version() != null && files.existsById(village.getCode()) && form.version() != file.getVersion()) {
            throw new ConflictException("version: the file of " + villageCode + " was changed meanwhile (now version "
                    + file.getVersion() + ", you sent " + form.version() + "); reload it and enter your changes again");
        }
        file.update(form, actor, clock.instant());
        return files.saveAndFlush(file);
    }

    @Transactional(readOnly = true)
    public Optional<VillageFile> find(String villageCode) {
        return files.findById(village(villageCode).getCode());
    }

    @Transactional(readOnly = true)
    public VillageFile get(String villageCode) {
        return find(villageCode).orElseThrow(() -> noFile(villageCode));
    }

    @Transactional(readOnly = true)
    public List<VillageFile> inRegion(String prefix) {
        return files.findInRegion(prefix);
    }

    /** Members of the village's registered households that have not left poverty. */
    @Transactional(readOnly = true)
    public long poorPopulation(String villageCode) {
        return files.countMembers(villageCode, Codes.Status.REGISTERED);
    }

    /** Poor population of every village in the region with at least one poor member, by village code. */
    @Transactional(readOnly = true)
    public Map<String, Long> poorPopulations(String prefix) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : files.countMembersByVillage(prefix, Codes.Status.REGISTERED)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public VillageExitRules.Figures figures(String villageCode) {
        return figures(get(villageCode), poorPopulation(villageCode));
    }

    public static VillageExitRules.Figures figures(VillageFile file, long poorPopulation) {
        return new VillageExitRules.Figures(file.getVillageCode(), poorPopulation, file.getAgriculturalPopulation(),
                file.getCollectiveIncomeYuan(), file.isRoadHardened(), file.isSafeDrinkingWater(), file.isElectricity(),
                file.isBroadband(), file.isClinic(), file.isBusService(), file.isCulturalRoom());
    }

    /** The DMN's verdict on the village as its file and the registry stand now. */
    @Transactional(readOnly = true)
    public VillageExitRules.Check check(String villageCode) {
        return rules.check(figures(villageCode));
    }

    VillageFile lock(String villageCode) {
        return files.lock(villageCode).orElseThrow(() -> noFile(villageCode));
    }

    /** The region, which must be a village; otherwise the field {@code villageCode} is named. */
    Region village(String villageCode) {
        Region region = regions.get(villageCode);
        if (region.getLevel() != RegionLevel.VILLAGE) {
            throw FieldRuleException.invalid(Map.of("villageCode", "'" + villageCode + "' is a "
                    + region.getLevel().label() + " code, not a village code"));
        }
        return region;
    }

    static FieldRuleException noFile(String villageCode) {
        return FieldRuleException.invalid(Map.of("villageCode", "village " + villageCode
                + " has no village file yet; its clerk or committee enters it first (PUT /api/villages/"
                + villageCode + "/file)"));
    }

    void validate(VillageFileForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        int thisYear = Year.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getValue();
        whole(errors, "households", form.households(), 0, 100_000);
        whole(errors, "population", form.population(), 0, 1_000_000);
        whole(errors, "agriculturalPopulation", form.agriculturalPopulation(), 1, 1_000_000);
        if (form.households() != null && form.population() != null && form.population() < form.households()) {
            errors.putIfAbsent("population", "must be at least the number of households (" + form.households() + ")");
        }
        if (form.agriculturalPopulation() != null && form.population() != null
                && form.agriculturalPopulation() > form.population()) {
            errors.putIfAbsent("agriculturalPopulation", "must not exceed the population (" + form.population() + ")");
        }
        decimal(errors, "areaKm2", form.areaKm2(), false);
        decimal(errors, "cultivatedLandMu", form.cultivatedLandMu(), true);
        Map<String, Boolean> indicators = new LinkedHashMap<>();
        indicators.put("roadHardened", form.roadHardened());
        indicators.put("busService", form.busService());
        indicators.put("safeDrinkingWater", form.safeDrinkingWater());
        indicators.put("electricity", form.electricity());
        indicators.put("broadband", form.broadband());
        indicators.put("clinic", form.clinic());
        indicators.put("culturalRoom", form.culturalRoom());
        indicators.forEach((field, value) -> {
            if (value == null) {
                errors.put(field, "is required: true or false");
            }
        });
        if (form.leadingIndustries() == null || form.leadingIndustries().isBlank()) {
            errors.put("leadingIndustries", "is required: the village's leading industries (e.g. 肉羊养殖 / sheep)");
        } else if (form.leadingIndustries().trim().length() > MAX_INDUSTRIES) {
            errors.put("leadingIndustries", "at most " + MAX_INDUSTRIES + " characters");
        }
        if (form.collectiveIncomeYuan() == null) {
            errors.put("collectiveIncomeYuan", "is required: the village collective's income of the year in yuan");
        } else if (form.collectiveIncomeYuan() < 0 || form.collectiveIncomeYuan() > 10_000_000_000L) {
            errors.put("collectiveIncomeYuan", "must be between 0 and 10,000,000,000 yuan");
        }
        if (form.collectiveIncomeYear() == null) {
            errors.put("collectiveIncomeYear", "is required: the year the collective income was earned");
        } else if (form.collectiveIncomeYear() < FIRST_YEAR || form.collectiveIncomeYear() > thisYear) {
            errors.put("collectiveIncomeYear", "must be a year from " + FIRST_YEAR + " to " + thisYear);
        }
        if (form.perCapitaIncomeYuan() != null && (form.perCapitaIncomeYuan() < 0
                || form.perCapitaIncomeYuan() > 10_000_000)) {
            errors.put("perCapitaIncomeYuan", "must be between 0 and 10,000,000 yuan");
        }
        text(errors, "mainConstraints", form.mainConstraints());
        text(errors, "urgentNeeds", form.urgentNeeds());
        if (form.plannedExitYear() != null && (form.plannedExitYear() < 2014
                || form.plannedExitYear() > thisYear + 10)) {
            errors.put("plannedExitYear", "must be a year from 2014 to " + (thisYear + 10));
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
    }

    private static void whole(Map<String, String> errors, String field, Integer value, int min, int max) {
        if (value == null) {
            errors.put(field, "is required: a whole number");
        } else if (value < min || value > max) {
            errors.put(field, "must be between " + min + " and " + max);
        }
    }

    private static void decimal(Map<String, String> errors, String field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            errors.put(field, "is required: a number");
        } else if (zeroAllowed ? value.signum() < 0 : value.signum() <= 0) {
            errors.put(field, zeroAllowed ? "must not be negative" : "must be greater than 0");
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.put(field, "at most two decimals");
        } else if (value.compareTo(new BigDecimal("10000000")) > 0) {
            errors.put(field, "must be at most 10,000,000");
        }
    }

    private static void text(Map<String, String> errors, String field, String value) {
        if (value != null && value.trim().length() > MAX_TEXT) {
            errors.put(field, "at most " + MAX_TEXT + " characters");
        }
    }
}
