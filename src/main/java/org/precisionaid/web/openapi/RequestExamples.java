package org.precisionaid.web.openapi;

import java.util.List;
import java.util.Map;

/** Request bodies shown in the contract where a caller would otherwise guess (codes, units, shapes). */
final class RequestExamples {

    private static final Map<String, Object> EXAMPLES = Map.of(
            "POST /api/officials", Map.of("userId", "township.654224101", "firstName", "建国", "lastName", "王",
                    "password", "a-long-secret-password", "regionCode", "654224101000", "role", "township"),
            "POST /api/households", Map.ofEntries(Map.entry("regionCode", "654224101201"),
                    Map.entry("villageGroup", "第三村民小组"), Map.entry("phone", "13900000000"), Map.entry("incomeYear", 2026),
                    Map.entry("wages", 5000), Map.entry("operatingNet", 1500), Map.entry("propertyIncome", 0),
                    Map.entry("transferIncome", 1500), Map.entry("expenditure", 3000), Map.entry("housingSafety", "UNSAFE_C"),
                    Map.entry("drinkingWater", "SAFE"), Map.entry("causes", List.of("ILLNESS", "LACK_OF_FUNDS")),
                    Map.entry("ownsCar", false), Map.entry("registeredBusiness", false),
                    Map.entry("commercialHousing", false), Map.entry("civilServant", false),
                    Map.entry("members", List.of(Map.of("name", "王建国", "idNumber", "<18-character ID number>",
                            "relation", "HEAD", "health", "CHRONIC_ILLNESS", "education", "PRIMARY",
                            "labourCapacity", "FULL")))),
            "POST /api/assessments", Map.of("countyCode", "654224000000", "assessmentYear", 2026),
            "POST /api/cadres/{id}/visits", Map.of("applicationNo", "SQ-2026-000123", "date", "2026-03-15",
                    "measureType", "INDUSTRY", "description", "送羊苗 20 只 / 20 lambs delivered", "amount", 6000),
            "POST /api/households/{applicationNo}/pairing", Map.of("cadreId", 2, "reason", "原帮扶责任人调任 / cadre transferred"),
            "POST /public/objections", Map.of("applicationNo", "SQ-2026-000123",
                    "reason", "该户有经营性商铺 / the household runs a shop", "contact", "(optional)"));

    private RequestExamples() {
    }

    static Object of(String key) {
        return EXAMPLES.get(key);
    }
}
