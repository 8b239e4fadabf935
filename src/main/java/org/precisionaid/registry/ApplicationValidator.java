package org.precisionaid.registry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.precisionaid.region.InvalidRegionCodeException;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.ApplicationForm.MemberForm;
import org.precisionaid.registry.Codes.Cause;
import org.precisionaid.registry.Codes.DrinkingWater;
import org.precisionaid.registry.Codes.Education;
import org.precisionaid.registry.Codes.Health;
import org.precisionaid.registry.Codes.HousingSafety;
import org.precisionaid.registry.Codes.LabourCapacity;
import org.precisionaid.registry.Codes.Relation;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * Checks an application field by field and returns it parsed, or throws one {@link FieldRuleException}
 * listing every broken rule by field path (e.g. {@code members[2].idNumber}). Used by REST and by the
 * process alike.
 */
@Component
public class ApplicationValidator {

    public static final int MAX_MEMBERS = 20;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("2000000");
    static final int FIRST_INCOME_YEAR = 2011;
    /** Chinese names, names with the middle dot of many minority names, and Latin-script names. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z]([\\p{IsHan}A-Za-z ]|·(?!·))*[\\p{IsHan}A-Za-z]");
    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

    private final RegionService regions;
    private final Clock clock;

    public ApplicationValidator(RegionService regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    public record ValidMember(String name, ResidentId id, Relation relation, Health health, Education education,
                              LabourCapacity labourCapacity) {
    }

    public record ValidApplication(String villageCode, String villageGroup, String phone, int incomeYear,
                                   BigDecimal wages, BigDecimal operatingNet, BigDecimal propertyIncome,
                                   BigDecimal transferIncome, BigDecimal expenditure, HousingSafety housingSafety,
                                   DrinkingWater drinkingWater, List<Cause> causes, boolean ownsCar,
                                   boolean registeredBusiness, boolean commercialHousing, boolean civilServant,
                                   List<ValidMember> members) {
    }

    public ValidApplication validate(ApplicationForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form == null) {
            throw FieldRuleException.invalid(Map.of("application", "is required"));
        }
        String village = village(form.regionCode(), errors);
        String group = text(form.villageGroup(), "villageGroup", 64, errors);
        String phone = null;
        if (form.phone() != null && !form.phone().isBlank()) {
            phone = form.phone().trim();
            if (!PHONE.matcher(phone).matches()) {
                errors.put("phone", "must be an 11-digit mobile number or a landline such as 0901-6221234");
            }
        }
        int thisYear = LocalDate.now(clock).getYear();
        Integer year = form.incomeYear();
        if (year == null || year < FIRST_INCOME_YEAR || year > thisYear) {
            errors.put("incomeYear", "must be a year from " + FIRST_INCOME_YEAR + " to " + thisYear);
        }
        BigDecimal wages = amount(form.wages(), "wages", BigDecimal.ZERO, errors);
        BigDecimal operating = amount(form.operatingNet(), "operatingNet", MAX_AMOUNT.negate(), errors);
        BigDecimal property = amount(form.propertyIncome(), "propertyIncome", BigDecimal.ZERO, errors);
        BigDecimal transfer = amount(form.transferIncome(), "transferIncome", BigDecimal.ZERO, errors);
        BigDecimal expenditure = amount(form.expenditure(), "expenditure", BigDecimal.ZERO, errors);
        HousingSafety housing = code(HousingSafety::valueOf, form.housingSafety(), "housingSafety", errors);
        DrinkingWater water = code(DrinkingWater::valueOf, form.drinkingWater(), "drinkingWater", errors);
        List<Cause> causes = new ArrayList<>();
        if (form.causes() == null || form.causes().stream().allMatch(c -> c == null || c.isBlank())) {
            errors.put("causes", "name at least one cause of poverty");
        } else {
            for (int i = 0; i < form.causes().size(); i++) {
                if (form.causes().get(i) != null && !form.causes().get(i).isBlank()) {
                    Cause cause = code(Cause::valueOf, form.causes().get(i), "causes[" + i + "]", errors);
                    if (cause != null && !causes.contains(cause)) {
                        causes.add(cause);
                    }
                }
            }
        }
        List<ValidMember> members = members(form.members(), errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        return new ValidApplication(village, group, phone, year, wages, operating, property, transfer, expenditure,
                housing, water, causes, Boolean.TRUE.equals(form.ownsCar()),
                Boolean.TRUE.equals(form.registeredBusiness()), Boolean.TRUE.equals(form.commercialHousing()),
                Boolean.TRUE.equals(form.civilServant()), members);
    }

    private List<ValidMember> members(List<MemberForm> forms, Map<String, String> errors) {
        List<ValidMember> members = new ArrayList<>();
        if (forms == null || forms.isEmpty()) {
            errors.put("members", "at least one member, the head of household, is required");
            return members;
        }
        if (forms.size() > MAX_MEMBERS) {
            errors.put("members", "at most " + MAX_MEMBERS + " members");
            return members;
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> seen = new HashMap<>();
        int heads = 0;
        for (int i = 0; i < forms.size(); i++) {
            MemberForm member = forms.get(i);
            String path = "members[" + i + "].";
            if (member == null) {
                errors.put("members[" + i + "]", "is empty");
                continue;
            }
            String name = name(member.name(), path + "name", errors);
            ResidentId id = null;
            ResidentId.Result parsed = ResidentId.parse(member.idNumber(), today);
            if (parsed.error() != null) {
                errors.put(path + "idNumber", parsed.error());
            } else {
                id = parsed.id().orElseThrow();
                Integer earlier = seen.putIfAbsent(id.value(), i);
                if (earlier != null) {
                    errors.put(path + "idNumber", "the same ID number is already given for members[" + earlier + "]");
                }
            }
            Relation relation = code(Relation::valueOf, member.relation(), path + "relation", errors);
            if (relation == Relation.HEAD) {
                heads++;
            }
            Health health = code(Health::valueOf, member.health(), path + "health", errors);
            Education education = code(Education::valueOf, member.education(), path + "education", errors);
            LabourCapacity labour = code(LabourCapacity::valueOf, member.labourCapacity(), path + "labourCapacity",
                    errors);
            members.add(new ValidMember(name, id, relation, health, education, labour));
        }
        if (heads != 1) {
            errors.putIfAbsent("members", "exactly one member must be the head of household (relation HEAD), found "
                    + heads);
        }
        return members;
    }

    private String village(String code, Map<String, String> errors) {
        try {
            RegionCode region = RegionCode.of(code == null ? null : code.trim());
            if (region.level() != RegionLevel.VILLAGE) {
                errors.put("regionCode", "'" + code + "' is a " + region.level() + " code; a village code is required");
            } else if (!regions.exists(region.value())) {
                errors.put("regionCode", "no village with code " + code);
            }
            return region.value();
        } catch (InvalidRegionCodeException e) {
            errors.put("regionCode", e.getMessage());
            return null;
        }
    }

    private static String text(String value, String field, int max, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        if (value.trim().length() > max) {
            errors.put(field, "at most " + max + " characters");
        }
        return value.trim();
    }

    /** Normalises the dots people type between the parts of a name (•, ‧, ・, ．) to the middle dot. */
    static String normaliseName(String raw) {
        return raw == null ? null : raw.trim().replaceAll("[•‧・．.]", "·").replaceAll("\\s+", " ");
    }

    private static String name(String raw, String field, Map<String, String> errors) {
        String name = normaliseName(raw);
        if (name == null || name.isEmpty()) {
            errors.put(field, "is required");
        } else if (name.length() > 40) {
            errors.put(field, "at most 40 characters");
        } else if (!NAME.matcher(name).matches()) {
            errors.put(field, "must be a person's name: Chinese characters or letters, parts joined by a single ·");
        }
        return name;
    }

    private static BigDecimal amount(BigDecimal value, String field, BigDecimal min, Map<String, String> errors) {
        if (value == null) {
            errors.put(field, "is required (enter 0 when there is none)");
            return null;
        }
        if (value.compareTo(min) < 0 || value.compareTo(MAX_AMOUNT) > 0) {
            errors.put(field, "must be between " + min.toPlainString() + " and " + MAX_AMOUNT.toPlainString() + " yuan");
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.put(field, "at most two decimal places (fen)");
        }
        return value;
    }

    private static <E extends Enum<E>> E code(Function<String, E> parse, String value, String field,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        try {
            return parse.apply(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "'" + value + "' is not one of the allowed values");
            return null;
        }
    }
}
