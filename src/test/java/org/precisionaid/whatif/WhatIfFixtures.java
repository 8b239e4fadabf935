package org.precisionaid.whatif;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.precisionaid.assessment.IncomeAccounts;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Households of four around the 2026 line (7,500 yuan in bpmn/eligibility.dmn), in villages of their own. */
public final class WhatIfFixtures {

    public static final int YEAR = 2026;

    private WhatIfFixtures() {
    }

    /** An applicant of the year with the given per-capita income (four people), able to work or not, with a car or not. */
    public static Household applicant(HouseholdService households, String village, int perCapitaYuan, boolean ableToWork,
            boolean ownsCar) {
        return households.submit(form(village, perCapitaYuan, ableToWork, ownsCar, "UNSAFE_C"), "test");
    }

    /** A registered household with safe housing and water whose account has the per-capita income of each year. */
    public static Household registered(HouseholdService households, IncomeAccounts accounts, String village,
            Map<Integer, Integer> perCapitaYuanByYear) {
        Household household = households.submit(form(village, 7000, true, false, "SAFE"), "test");
        households.classify(household.getId(), "DEVELOPMENT", "test household");
        households.register(household.getId(), "养殖扶持 / livestock support", YEAR + 1, "test");
        perCapitaYuanByYear.forEach((year, yuan) -> accounts.record(household.getApplicationNo(),
                new IncomeAccounts.NewEntry(LocalDate.of(year, 6, 1), "WAGES", yuan * 4L * 100, null), "test"));
        return households.get(household.getApplicationNo());
    }

    private static ApplicationForm form(String village, int perCapitaYuan, boolean ableToWork, boolean ownsCar,
            String housing) {
        return new ApplicationForm(village, "第一村民小组", "13912345678", YEAR, new BigDecimal(perCapitaYuan * 4L),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("3000"), housing, "SAFE",
                List.of("ILLNESS"), ownsCar, false, false, false, Applications.members(ableToWork));
    }

    static ResponseEntity<String> edited(TestRestTemplate rest, String user, String body, String format) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/what-if" + (format == null ? "" : "?format="
                + format), new HttpEntity<>(body, headers), String.class);
    }

    static ResponseEntity<String> uploaded(TestRestTemplate rest, String user, byte[] file, String rule, String region,
            int year) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "eligibility-changed.dmn";
            }
        });
        parts.add("rule", rule);
        parts.add("region", region);
        parts.add("year", String.valueOf(year));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/what-if/dmn", new HttpEntity<>(parts, headers),
                String.class);
    }
}
