package org.precisionaid.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.precisionaid.support.Applications.VILLAGE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.precisionaid.registry.ApplicationForm.MemberForm;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.web.FieldRuleException;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ApplicationValidationTest {

    @Autowired
    ApplicationValidator validator;
    @Autowired
    HouseholdService households;
    @Autowired
    HouseholdRepository repository;

    @ParameterizedTest
    @ValueSource(strings = {"王芳", "欧阳娜娜", "阿依古丽·买买提", "阿卜杜热合曼·艾买提江·吐尔逊托合提", "Maria Wang"})
    void namesAsPeopleWriteThemAreAccepted(String name) {
        assertThat(errorsFor(withHeadName(name))).doesNotContainKey("members[0].name");
    }

    @Test
    void theDotsPeopleTypeBetweenNamePartsBecomeTheMiddleDot() {
        assertThat(ApplicationValidator.normaliseName("阿依古丽•买买提")).isEqualTo("阿依古丽·买买提");
        assertThat(ApplicationValidator.normaliseName(" 阿依古丽.买买提 ")).isEqualTo("阿依古丽·买买提");
    }

    @ParameterizedTest
    @ValueSource(strings = {"王3", "·王芳", "王··芳", "王", "<b>王芳</b>"})
    void namesNoPersonHasAreRejected(String name) {
        assertThat(errorsFor(withHeadName(name))).containsKey("members[0].name");
    }

    @Test
    void exactlyOneHeadAndAtLeastOneMember() {
        List<MemberForm> twoHeads = new ArrayList<>(Applications.members(true));
        MemberForm spouse = twoHeads.get(1);
        twoHeads.set(1, new MemberForm(spouse.name(), spouse.idNumber(), "HEAD", spouse.health(), spouse.education(),
                spouse.labourCapacity()));
        assertThat(errorsFor(withMembers(twoHeads)).get("members")).contains("exactly one").contains("found 2");
        assertThat(errorsFor(withMembers(List.of())).get("members")).contains("at least one member");
    }

    @Test
    void theSamePersonTwiceInOneApplicationIsNamed() {
        List<MemberForm> members = new ArrayList<>(Applications.members(true));
        MemberForm child = members.get(2);
        members.set(2, new MemberForm(child.name(), members.get(1).idNumber(), "CHILD", "HEALTHY", "PRIMARY", "NONE"));
        assertThat(errorsFor(withMembers(members)).get("members[2].idNumber")).contains("members[1]");
    }

    @Test
    void incomesWithinSaneBoundsAndOperatingIncomeMayBeNegative() {
        ApplicationForm base = Applications.eligible(VILLAGE);
        assertThat(errorsFor(incomes(base, "0", "-3500", "0", "0"))).isEmpty();
        Map<String, String> errors = errorsFor(incomes(base, "-1", "-2000001", "0.001", "99999999"));
        assertThat(errors.get("wages")).contains("between 0");
        assertThat(errors.get("operatingNet")).contains("between -2000000");
        assertThat(errors.get("propertyIncome")).contains("two decimal places");
        assertThat(errors.get("transferIncome")).contains("2000000");
    }

    @Test
    void perCapitaIncomeIsComputedNotTyped() {
        Household household = households.submit(Applications.eligible(VILLAGE), "clerk.654224101201");
        // (5000 + 1500 + 0 + 1500) / 4 members
        assertThat(household.getPerCapitaIncome()).isEqualByComparingTo("2000.00");
        assertThat(HouseholdService.perCapita(new BigDecimal("1000"), new BigDecimal("-200"), BigDecimal.ZERO,
                BigDecimal.ZERO, 3)).isEqualByComparingTo("266.67");
    }

    @Test
    void aPersonActiveInAnotherApplicationIsRejectedNamingItMasked() {
        ApplicationForm first = Applications.eligible(VILLAGE);
        Household earlier = households.submit(first, "clerk.654224101201");
        List<MemberForm> members = new ArrayList<>(Applications.members(true));
        members.set(3, first.members().get(3));
        long before = repository.count();

        assertThatThrownBy(() -> households.submit(withMembers(members), "clerk.654224101201"))
                .isInstanceOfSatisfying(FieldRuleException.class, e -> {
                    String message = e.errors().get("members[3].idNumber");
                    assertThat(message).contains(ResidentId.mask(first.members().get(3).idNumber()))
                            .contains(earlier.getApplicationNo().substring(earlier.getApplicationNo().length() - 4))
                            .doesNotContain(first.members().get(3).idNumber());
                });
        assertThat(repository.count()).as("nothing written half-way").isEqualTo(before);
    }

    @Test
    void otherFieldsNameTheirRule() {
        ApplicationForm base = Applications.eligible(VILLAGE);
        ApplicationForm bad = new ApplicationForm("654224101000", " ", "12345", 2009, base.wages(), base.operatingNet(),
                base.propertyIncome(), base.transferIncome(), base.expenditure(), "PALACE", null,
                List.of("BAD_LUCK"), false, false, false, false, base.members());
        Map<String, String> errors = errorsFor(bad);
        assertThat(errors.get("regionCode")).contains("TOWNSHIP").contains("village code is required");
        assertThat(errors.get("villageGroup")).contains("required");
        assertThat(errors.get("phone")).contains("11-digit");
        assertThat(errors.get("incomeYear")).contains("2011");
        assertThat(errors.get("housingSafety")).contains("'PALACE'");
        assertThat(errors.get("drinkingWater")).contains("required");
        assertThat(errors.get("causes[0]")).contains("'BAD_LUCK'");
    }

    private Map<String, String> errorsFor(ApplicationForm form) {
        try {
            validator.validate(form);
            return Map.of();
        } catch (FieldRuleException e) {
            return e.errors();
        }
    }

    private static ApplicationForm withHeadName(String name) {
        List<MemberForm> members = new ArrayList<>(Applications.members(true));
        MemberForm head = members.get(0);
        members.set(0, new MemberForm(name, head.idNumber(), "HEAD", head.health(), head.education(),
                head.labourCapacity()));
        return withMembers(members);
    }

    private static ApplicationForm withMembers(List<MemberForm> members) {
        ApplicationForm base = Applications.eligible(VILLAGE);
        return new ApplicationForm(base.regionCode(), base.villageGroup(), base.phone(), base.incomeYear(), base.wages(),
                base.operatingNet(), base.propertyIncome(), base.transferIncome(), base.expenditure(),
                base.housingSafety(), base.drinkingWater(), base.causes(), base.ownsCar(), base.registeredBusiness(),
                base.commercialHousing(), base.civilServant(), members);
    }

    private static ApplicationForm incomes(ApplicationForm base, String wages, String operating, String property,
            String transfer) {
        return new ApplicationForm(base.regionCode(), base.villageGroup(), base.phone(), base.incomeYear(),
                new BigDecimal(wages), new BigDecimal(operating), new BigDecimal(property), new BigDecimal(transfer),
                base.expenditure(), base.housingSafety(), base.drinkingWater(), base.causes(), false, false, false,
                false, base.members());
    }
}
