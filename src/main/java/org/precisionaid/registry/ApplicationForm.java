package org.precisionaid.registry;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the village clerk submits for a household, from the start form or over REST. Codes arrive as text so
 * that an unknown value is reported by field name instead of failing to parse. Sex and birth date are not
 * here: they are read from the ID number.
 */
public record ApplicationForm(
        String regionCode,
        String villageGroup,
        String phone,
        Integer incomeYear,
        BigDecimal wages,
        BigDecimal operatingNet,
        BigDecimal propertyIncome,
        BigDecimal transferIncome,
        BigDecimal expenditure,
        String housingSafety,
        String drinkingWater,
        List<String> causes,
        Boolean ownsCar,
        Boolean registeredBusiness,
        Boolean commercialHousing,
        Boolean civilServant,
        List<MemberForm> members) {

    public record MemberForm(String name, String idNumber, String relation, String health, String education,
                             String labourCapacity) {
    }
}
