package org.precisionaid.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.precisionaid.project.ProjectCodes.ProjectType;
import org.precisionaid.region.InvalidRegionCodeException;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.region.UnknownRegionException;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.input.Numbers;
import org.springframework.stereotype.Component;

/**
 * Checks a project application against every rule at once and names each broken one by its field:
 * beneficiaries are registered households of the same county, budget lines sum to the total and stay within
 * the county's available funds, micro-credit keeps to §12 (DMN {@code microCredit}), amounts are positive.
 */
@Component
public class ProjectValidator {

    static final int MAX_TEXT = 128;
    static final int MAX_BENEFICIARIES = 500;
    static final int MAX_LINES = 10;
    static final int MAX_OUTPUTS = 10;
    /** project_output.quantity numeric(14,3); project.latitude/longitude numeric(9,6). */
    static final int QUANTITY_PRECISION = 14;
    static final int QUANTITY_SCALE = 3;
    static final int COORDINATE_SCALE = 6;

    private final RegionService regions;
    private final HouseholdRepository households;
    private final FundSourceRepository sources;
    private final FundBook funds;
    private final FundingRules rules;

    public ProjectValidator(RegionService regions, HouseholdRepository households, FundSourceRepository sources,
            FundBook funds, FundingRules rules) {
        this.regions = regions;
        this.households = households;
        this.sources = sources;
        this.funds = funds;
        this.rules = rules;
    }

    public record ValidProject(String name, ProjectType type, Region region, String countyCode, String implementingUnit,
                               ProjectForm form, long totalFen, List<Line> lines, List<ValidBeneficiary> beneficiaries) {
    }

    public record Line(String fundSource, long amountFen) {
    }

    public record ValidBeneficiary(Household household, String benefit, Long amountFen) {
    }

    /** @param projectId the project being corrected (its own budget does not count against itself), or 0 */
    public ValidProject validate(ProjectForm form, long projectId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(form.name(), "name", MAX_TEXT, errors);
        String unit = text(form.implementingUnit(), "implementingUnit", MAX_TEXT, errors);
        ProjectType type = type(form.type(), errors);
        Region region = region(form.regionCode(), errors);
        String county = region == null ? null : region.code().ancestor(RegionLevel.COUNTY).value();
        if (form.periodStart() == null) {
            errors.put("periodStart", "is required");
        }
        if (form.periodEnd() == null) {
            errors.put("periodEnd", "is required");
        } else if (form.periodStart() != null && form.periodEnd().isBefore(form.periodStart())) {
            errors.put("periodEnd", "must not be before periodStart " + form.periodStart());
        } else if (form.periodStart() != null && type != null) {
            int longest = rules.longestPeriodMonths(type.name());
            if (form.periodEnd().isAfter(form.periodStart().plusMonths(longest))) {
                errors.put("periodEnd", "a " + type + " project is implemented within " + longest + " months of periodStart "
                        + "(DMN longestPeriod), not by " + form.periodEnd());
            }
        }
        location(form, errors);
        outputs(form, errors);
        Long total = amount(form.total(), "total", errors);
        List<Line> lines = lines(form, errors);
        if (total != null && errors.keySet().stream().noneMatch(k -> k.startsWith("budgetLines"))) {
            long sum = lines.stream().mapToLong(Line::amountFen).sum();
            if (sum != total) {
                errors.put("budgetLines", "the budget lines sum to " + Money.format(sum) + " yuan, not to the total "
                        + Money.format(total) + " yuan");
            }
        }
        if (county != null && form.periodStart() != null && errors.keySet().stream().noneMatch(k -> k.startsWith("budgetLines"))) {
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                long remaining = funds.remaining(county, line.fundSource(), form.periodStart().getYear(), projectId);
                if (line.amountFen() > remaining) {
                    errors.put("budgetLines[" + i + "].amount", "exceeds the available funds: " + Money.format(remaining)
                            + " yuan of " + line.fundSource() + " remain for county " + county.substring(0, 6) + " in "
                            + form.periodStart().getYear());
                }
            }
        }
        List<ValidBeneficiary> beneficiaries = beneficiaries(form, county, type, errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        return new ValidProject(name, type, region, county, unit, form, total, lines, beneficiaries);
    }

    private static String text(String value, String field, int max, Map<String, String> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.put(field, "is required");
        } else if (text.length() > max) {
            errors.put(field, "at most " + max + " characters");
        }
        return text;
    }

    private static ProjectType type(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put("type", "is required");
            return null;
        }
        try {
            return ProjectType.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.put("type", "'" + value + "' is not a project type; known types: "
                    + java.util.Arrays.toString(ProjectType.values()));
            return null;
        }
    }

    private Region region(String code, Map<String, String> errors) {
        if (code == null || code.isBlank()) {
            errors.put("regionCode", "is required");
            return null;
        }
        try {
            Region region = regions.get(code.trim());
            if (region.getLevel().isAbove(RegionLevel.COUNTY)) {
                errors.put("regionCode", "a project is applied for by a county, township or village, not a "
                        + region.getLevel().name().toLowerCase());
                return null;
            }
            return region;
        } catch (InvalidRegionCodeException e) {
            errors.put("regionCode", "must be a 12-digit region code");
        } catch (UnknownRegionException e) {
            errors.put("regionCode", "no region " + code);
        }
        return null;
    }

    private static void location(ProjectForm form, Map<String, String> errors) {
        if ((form.latitude() == null) != (form.longitude() == null)) {
            errors.put(form.latitude() == null ? "latitude" : "longitude", "give both latitude and longitude, or neither");
            return;
        }
        if (form.latitude() != null && form.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            errors.put("latitude", "must be between -90 and 90");
        } else if (form.latitude() != null && Numbers.outOfRange(form.latitude(), 3, COORDINATE_SCALE) != null) {
            errors.put("latitude", Numbers.outOfRange(form.latitude(), 3, COORDINATE_SCALE));
        }
        if (form.longitude() != null && form.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            errors.put("longitude", "must be between -180 and 180");
        } else if (form.longitude() != null && Numbers.outOfRange(form.longitude(), 3, COORDINATE_SCALE) != null) {
            errors.put("longitude", Numbers.outOfRange(form.longitude(), 3, COORDINATE_SCALE));
        }
    }

    private static void outputs(ProjectForm form, Map<String, String> errors) {
        List<ProjectForm.OutputForm> outputs = form.outputs() == null ? List.of() : form.outputs();
        if (outputs.isEmpty()) {
            errors.put("outputs", "name at least one output, e.g. 30 sheep or 4.2 km canal");
        } else if (outputs.size() > MAX_OUTPUTS) {
            errors.put("outputs", "at most " + MAX_OUTPUTS + " outputs");
        }
        for (int i = 0; i < Math.min(outputs.size(), MAX_OUTPUTS); i++) {
            ProjectForm.OutputForm output = outputs.get(i);
            if (output == null) {
                errors.put("outputs[" + i + "]", "must not be null");
                continue;
            }
            text(output.description(), "outputs[" + i + "].description", 256, errors);
            text(output.unit(), "outputs[" + i + "].unit", 32, errors);
            Numbers.positive(output.quantity(), "outputs[" + i + "].quantity", QUANTITY_PRECISION, QUANTITY_SCALE, errors);
        }
    }

    private static Long amount(BigDecimal yuan, String field, Map<String, String> errors) {
        if (yuan == null) {
            errors.put(field, "is required");
            return null;
        }
        if (yuan.signum() <= 0) {
            errors.put(field, "must be positive (yuan), not " + yuan.toPlainString());
            return null;
        }
        if (yuan.compareTo(Money.MAX_YUAN) > 0) {
            errors.put(field, "at most " + Money.MAX_YUAN.toPlainString() + " yuan");
            return null;
        }
        Long fen = Money.fen(yuan);
        if (fen == null) {
            errors.put(field, "at most two decimals (fen)");
        }
        return fen;
    }

    private List<Line> lines(ProjectForm form, Map<String, String> errors) {
        List<ProjectForm.BudgetLineForm> input = form.budgetLines() == null ? List.of() : form.budgetLines();
        List<Line> lines = new ArrayList<>();
        if (input.isEmpty()) {
            errors.put("budgetLines", "name at least one fund source and its amount");
        } else if (input.size() > MAX_LINES) {
            errors.put("budgetLines", "at most " + MAX_LINES + " budget lines");
            return lines;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ProjectForm.BudgetLineForm line = input.get(i);
            if (line == null) {
                errors.put("budgetLines[" + i + "]", "must not be null");
                continue;
            }
            String source = line.fundSource() == null ? "" : line.fundSource().trim().toUpperCase();
            if (!sources.existsById(source)) {
                errors.put("budgetLines[" + i + "].fundSource", "'" + line.fundSource() + "' is not a fund source; known: "
                        + sources.findAllByOrderByPosition().stream().map(FundSource::getCode).toList());
            } else if (!seen.add(source)) {
                errors.put("budgetLines[" + i + "].fundSource", source + " appears twice; one line per source");
            }
            Long fen = amount(line.amount(), "budgetLines[" + i + "].amount", errors);
            if (fen != null) {
                lines.add(new Line(source, fen));
            }
        }
        return lines;
    }

    private List<ValidBeneficiary> beneficiaries(ProjectForm form, String county, ProjectType type,
            Map<String, String> errors) {
        List<ProjectForm.BeneficiaryForm> input = form.beneficiaries() == null ? List.of() : form.beneficiaries();
        List<ValidBeneficiary> valid = new ArrayList<>();
        if (input.isEmpty()) {
            errors.put("beneficiaries", "name at least one registered household the project benefits");
            return valid;
        }
        if (input.size() > MAX_BENEFICIARIES) {
            errors.put("beneficiaries", "at most " + MAX_BENEFICIARIES + " households per project; split it");
            return valid;
        }
        boolean credit = type == ProjectType.MICRO_CREDIT;
        if (credit) {
            if (form.loanTermMonths() == null || form.loanTermMonths() < 1) {
                errors.put("loanTermMonths", "is required for micro-credit: the loan term in months");
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ProjectForm.BeneficiaryForm beneficiary = input.get(i);
            String field = "beneficiaries[" + i + "]";
            if (beneficiary == null) {
                errors.put(field, "must not be null");
                continue;
            }
            String applicationNo = beneficiary.applicationNo() == null ? "" : beneficiary.applicationNo().trim();
            String benefit = text(beneficiary.benefit(), field + ".benefit", 256, errors);
            Long fen = null;
            if (beneficiary.amount() != null || credit) {
                fen = amount(beneficiary.amount(), field + ".amount", errors);
            }
            if (!seen.add(applicationNo)) {
                errors.put(field + ".applicationNo", applicationNo + " appears twice");
                continue;
            }
            Household household = households.findByApplicationNo(applicationNo).orElse(null);
            if (household == null) {
                errors.put(field + ".applicationNo", "no household " + applicationNo + " in the registry");
                continue;
            }
            if (household.getStatus() != Status.REGISTERED) {
                errors.put(field + ".applicationNo", "household " + applicationNo + " is " + household.getStatus()
                        + "; only registered (建档立卡) households may benefit");
                continue;
            }
            if (county != null && !household.getVillageCode().startsWith(county.substring(0, 6))) {
                errors.put(field + ".applicationNo", "household " + applicationNo + " lives in another county ("
                        + household.getVillageCode().substring(0, 6) + "); beneficiaries come from the project's county");
                continue;
            }
            if (credit && fen != null && form.loanTermMonths() != null) {
                rules.microCreditViolations(Money.yuan(fen).doubleValue(), form.loanTermMonths(),
                        Boolean.TRUE.equals(form.secured())).forEach((rule, text) ->
                        errors.put("amount".equals(rule) ? field + ".amount" : rule, text));
            }
            valid.add(new ValidBeneficiary(household, benefit, fen));
        }
        return valid;
    }
}
