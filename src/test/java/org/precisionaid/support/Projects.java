package org.precisionaid.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.precisionaid.project.ProjectForm;
import org.precisionaid.registry.Household;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.registry.HouseholdService;

/**
 * Registered households to benefit from projects, and valid project applications for tests. Households are put
 * into the registry directly (submitted, classified, registered): their own procedure is tested elsewhere.
 */
public final class Projects {

    public static final String VILLAGE = Applications.VILLAGE;     // 阿勒帕萨勒干村, 铁厂沟镇, 托里县
    public static final String TOWNSHIP = "654224101000";
    public static final String COUNTY = "654224000000";
    public static final String OTHER_COUNTY_VILLAGE = "654225101205"; // 吉也克村, 裕民县
    /** Far from the numbers other tests and the benchmark use, so the people are new. */
    private static final AtomicLong HOUSEHOLDS = new AtomicLong(800_000);
    /** One number per pairing made here: five pairings to a cadre, never a sixth over his quota. */
    private static final AtomicLong PAIRINGS = new AtomicLong(800_000);

    private Projects() {
    }

    /** A household of the village that went through identification and holds a file card (REGISTERED). */
    /** Registered as the registration step does it: file card and a responsible cadre of the county. */
    public static Household registered(HouseholdService households, AssistanceService assistance, String village) {
        Household household = households.submit(Applications.eligible(village, HOUSEHOLDS.getAndIncrement()), "test");
        households.classify(household.getId(), "DEVELOPMENT", "test household");
        households.register(household.getId(), "养殖扶持 / livestock support", LocalDate.now().getYear() + 1, "test");
        assistance.pairAtRegistration(household.getId(),
                Cadres.forHousehold(assistance, village.substring(0, 6), PAIRINGS.getAndIncrement()), "test");
        return households.get(household.getApplicationNo());
    }

    /** A household registered as the registration step does it (file card, a cadre), with the form naming its members. */
    public record Family(Household household, org.precisionaid.registry.ApplicationForm form) {

        /** The ID number of the n-th member (0: the head). */
        public String idNumber(int member) {
            return form.members().get(member).idNumber();
        }
    }

    /** The n-th of {@link Applications#eligible(String, long)}'s families, registered (status REGISTERED). */
    public static Family registeredFamily(HouseholdService households, AssistanceService assistance, String village,
            long n) {
        org.precisionaid.registry.ApplicationForm form = Applications.eligible(village, n);
        Household household = households.submit(form, "test");
        households.classify(household.getId(), "DEVELOPMENT", "test household");
        households.register(household.getId(), "养殖扶持 / livestock support", LocalDate.now().getYear() + 1, "test");
        // as registration does: no registered household is ever without a responsible cadre
        assistance.pairAtRegistration(household.getId(),
                Cadres.forHousehold(assistance, village.substring(0, 6), PAIRINGS.getAndIncrement()), "test");
        return new Family(households.get(household.getApplicationNo()), form);
    }

    public static List<String> registered(HouseholdService households, AssistanceService assistance, String village,
            int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(registered(households, assistance, village).getApplicationNo());
        }
        return numbers;
    }

    /** A sheep-farming project of the village: 120,000 yuan, central 80,000 + county 40,000, for the households. */
    public static ProjectForm sheep(String region, List<String> beneficiaries) {
        return form(region, "INDUSTRY", new BigDecimal("120000"), List.of(
                new ProjectForm.BudgetLineForm("CENTRAL", new BigDecimal("80000")),
                new ProjectForm.BudgetLineForm("COUNTY", new BigDecimal("40000"))), beneficiaries, null);
    }

    public static ProjectForm form(String region, String type, BigDecimal total, List<ProjectForm.BudgetLineForm> lines,
            List<String> beneficiaries, BigDecimal amountEach) {
        int year = LocalDate.now().getYear();
        return new ProjectForm("新华村肉羊养殖项目 / Xinhua village sheep farming", type, region, "托里县农业农村局",
                LocalDate.of(year, 3, 1), LocalDate.of(year, 10, 31), new BigDecimal("45.935"),
                new BigDecimal("83.604"), total, "MICRO_CREDIT".equals(type) ? 36 : null, false,
                List.of(new ProjectForm.OutputForm("良种母羊 / breeding ewes", new BigDecimal("30"), "只 / head")),
                lines, beneficiaries.stream().map(no -> new ProjectForm.BeneficiaryForm(no, "母羊5只 / 5 ewes",
                        amountEach)).toList());
    }

    /** The same application as the Tasklist start form submits it (flat fields). */
    public static Map<String, Object> startForm(ProjectForm form) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("regionCode", form.regionCode());
        variables.put("name", form.name());
        variables.put("projectType", form.type());
        variables.put("implementingUnit", form.implementingUnit());
        variables.put("periodStart", form.periodStart().toString());
        variables.put("periodEnd", form.periodEnd().toString());
        variables.put("total", form.total().doubleValue());
        variables.put("outputDescription", form.outputs().get(0).description());
        variables.put("outputQuantity", form.outputs().get(0).quantity().doubleValue());
        variables.put("outputUnit", form.outputs().get(0).unit());
        for (int i = 0; i < form.budgetLines().size(); i++) {
            variables.put("line" + (i + 1) + "Source", form.budgetLines().get(i).fundSource());
            variables.put("line" + (i + 1) + "Amount", form.budgetLines().get(i).amount().doubleValue());
        }
        for (int i = 0; i < form.beneficiaries().size(); i++) {
            variables.put("b" + (i + 1) + "No", form.beneficiaries().get(i).applicationNo());
            variables.put("b" + (i + 1) + "Benefit", form.beneficiaries().get(i).benefit());
        }
        return variables;
    }
}
