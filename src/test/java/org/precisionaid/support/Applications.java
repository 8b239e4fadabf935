package org.precisionaid.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.ApplicationForm.MemberForm;

/**
 * Valid applications for tests: each call gets people no other application has (fresh ID numbers with a
 * correct GB 11643 check character, computed here independently of the production code).
 */
public final class Applications {

    public static final String VILLAGE = "654224101201";   // 阿勒帕萨勒干村, 铁厂沟镇, 托里县
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Applications() {
    }

    /** A fresh, valid ID number born on the given date (yyyyMMdd), male when {@code male}. */
    public static String idNumber(String birthDate, boolean male) {
        int n = SEQUENCE.getAndIncrement();
        // 500 sequence numbers a day: the birth date moves on a day every 500 people, so no two calls of a run collide
        String born = java.time.LocalDate.parse(birthDate, java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                .plusDays(n / 500).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        int sequence = n % 500 * 2 + (male ? 1 : 0);
        String first17 = "654224" + born + String.format("%03d", sequence % 1000);
        if (first17.length() != 17) {
            throw new IllegalArgumentException(first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /**
     * The n-th of many distinct households for load tests: four people whose ID numbers no other n shares
     * (birth dates move one day every 500 households, the sequence digits cycle within a day).
     */
    public static ApplicationForm eligible(String village, long n) {
        java.time.LocalDate shift = java.time.LocalDate.of(1960, 1, 1).plusDays(n / 500);
        String[][] people = {{"王建国", "HEAD", "CHRONIC_ILLNESS", "PRIMARY", "FULL"},
                {"阿依古丽·买买提", "SPOUSE", "HEALTHY", "JUNIOR", "FULL"}, {"王小明", "CHILD", "HEALTHY", "IN_SCHOOL", "NONE"},
                {"李秀英", "PARENT", "SERIOUS_ILLNESS", "NONE", "NONE"}};
        List<MemberForm> members = new ArrayList<>();
        for (int k = 0; k < people.length; k++) {
            String birth = shift.plusYears(k * 12L).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            members.add(new MemberForm(people[k][0], idFor(birth, (int) (n % 500) * 2 + (k % 2)), people[k][1],
                    people[k][2], people[k][3], people[k][4]));
        }
        return form(village, new BigDecimal("5000"), new BigDecimal("1500"), BigDecimal.ZERO, new BigDecimal("1500"),
                false, members);
    }

    private static String idFor(String birthDate, int sequence) {
        String first17 = "654224" + birthDate + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** Four people, per-capita income 2,000 yuan (2026 line: 7,500), two able to work. */
    public static ApplicationForm eligible(String village) {
        return form(village, new BigDecimal("5000"), new BigDecimal("1500"), new BigDecimal("0"),
                new BigDecimal("1500"), false, members(true));
    }

    public static ApplicationForm form(String village, BigDecimal wages, BigDecimal operatingNet, BigDecimal property,
            BigDecimal transfer, boolean ownsCar, List<MemberForm> members) {
        return new ApplicationForm(village, "第三村民小组", "13912345678", 2026, wages, operatingNet, property, transfer,
                new BigDecimal("3000"), "UNSAFE_C", "SAFE", List.of("ILLNESS", "LACK_OF_FUNDS"), ownsCar, false, false,
                false, members);
    }

    public static List<MemberForm> members(boolean ableToWork) {
        String labour = ableToWork ? "FULL" : "NONE";
        List<MemberForm> members = new ArrayList<>();
        members.add(new MemberForm("王建国", idNumber("19800312", true), "HEAD", "CHRONIC_ILLNESS", "PRIMARY", labour));
        members.add(new MemberForm("阿依古丽·买买提", idNumber("19821105", false), "SPOUSE", "HEALTHY", "JUNIOR", labour));
        members.add(new MemberForm("王小明", idNumber("20100601", true), "CHILD", "HEALTHY", "IN_SCHOOL", "NONE"));
        members.add(new MemberForm("李秀英", idNumber("19500101", false), "PARENT", "SERIOUS_ILLNESS", "NONE", "NONE"));
        return members;
    }

    /** The same application as the Tasklist start form submits it (flat fields, head + member slots). */
    public static Map<String, Object> startForm(ApplicationForm form) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("regionCode", form.regionCode());
        variables.put("villageGroup", form.villageGroup());
        variables.put("phone", form.phone());
        variables.put("incomeYear", form.incomeYear().longValue());
        variables.put("wages", form.wages().doubleValue());
        variables.put("operatingNet", form.operatingNet().doubleValue());
        variables.put("propertyIncome", form.propertyIncome().doubleValue());
        variables.put("transferIncome", form.transferIncome().doubleValue());
        variables.put("expenditure", form.expenditure().doubleValue());
        variables.put("housingSafety", form.housingSafety());
        variables.put("drinkingWater", form.drinkingWater());
        variables.put("mainCause", form.causes().get(0));
        variables.put("ownsCar", form.ownsCar());
        variables.put("registeredBusiness", false);
        variables.put("commercialHousing", false);
        variables.put("civilServant", false);
        variables.put("memberCount", (long) form.members().size());
        for (int i = 0; i < form.members().size(); i++) {
            MemberForm member = form.members().get(i);
            String prefix = i == 0 ? "head" : "m" + (i + 1);
            variables.put(prefix + "Name", member.name());
            variables.put(prefix + "IdNumber", member.idNumber());
            if (i > 0) {
                variables.put(prefix + "Relation", member.relation());
            }
            variables.put(prefix + "Health", member.health());
            variables.put(prefix + "Education", member.education());
            variables.put(prefix + "Labour", member.labourCapacity());
        }
        return variables;
    }
}
