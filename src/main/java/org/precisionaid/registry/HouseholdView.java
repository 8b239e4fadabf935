package org.precisionaid.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A household as officials read it over REST. ID numbers and the phone in full only for those {@link PersonalData}
 * names (county office, auditor, the village's clerk); {@link #disclosedTo} masks them for every other official.
 */
public record HouseholdView(long id, String applicationNo, String regionCode, String villageGroup, String phone,
                            String status, String statusLabel, int incomeYear, BigDecimal wages,
                            BigDecimal operatingNet, BigDecimal propertyIncome, BigDecimal transferIncome,
                            BigDecimal expenditure, BigDecimal perCapitaIncome, String housingSafety,
                            String drinkingWater, List<String> causes, boolean ownsCar, boolean registeredBusiness,
                            boolean commercialHousing, boolean civilServant, String classification,
                            String classificationReason, Instant noticeEnds, List<MemberView> members,
                            List<ChangeView> history, FileCardView fileCard, List<ProjectBenefit> projects,
                            Integer exitYear, String exitReason, boolean monitored) {

    /** A project that benefits (or benefited) the household, and what it planned for it. */
    public record ProjectBenefit(String projectNo, String name, String type, String status, String benefit,
                                 BigDecimal amount) {
    }

    public record MemberView(String name, String idNumber, String relation, String sex, LocalDate birthDate,
                             String health, String education, String labourCapacity) {
    }

    public record ChangeView(String status, String level, String decision, String reason, String actor, Instant at) {
    }

    /**
     * The file card. {@code responsibleCadreId}/{@code assistingUnitId} are the references; the two names are read
     * from the assistance registry (or, for cards opened before it existed, the text typed then).
     */
    public record FileCardView(String cardNo, String supportCategory, String assistingUnit, String responsibleCadre,
                               Long assistingUnitId, Long responsibleCadreId, String supportMeasures,
                               int plannedExitYear, Instant registeredAt, LocalDate pairingEnds,
                               VillageTeams.Names village) {
    }

    /** This view as the caller may read it: as it is, or with ID numbers, phone and quoted numbers masked. */
    public HouseholdView disclosedTo(org.springframework.security.core.Authentication user) {
        return PersonalData.inFull(user, regionCode) ? this : masked();
    }

    /** ID numbers and the phone masked as on the public pages; reasons quoting either masked too. */
    public HouseholdView masked() {
        return new HouseholdView(id, applicationNo, regionCode, villageGroup, PersonalData.phone(phone, false), status,
                statusLabel, incomeYear, wages, operatingNet, propertyIncome, transferIncome, expenditure,
                perCapitaIncome, housingSafety, drinkingWater, causes, ownsCar, registeredBusiness, commercialHousing,
                civilServant, classification, PersonalData.text(classificationReason, false), noticeEnds,
                members.stream().map(m -> new MemberView(m.name(), PersonalData.idNumber(m.idNumber(), false),
                        m.relation(), m.sex(), m.birthDate(), m.health(), m.education(), m.labourCapacity())).toList(),
                history.stream().map(c -> new ChangeView(c.status(), c.level(), c.decision(),
                        PersonalData.text(c.reason(), false), c.actor(), c.at())).toList(),
                fileCard, projects, exitYear, PersonalData.text(exitReason, false), monitored);
    }

    public static HouseholdView of(Household h, FileCard card, Responsibility.Names names) {
        return of(h, card, names, List.of());
    }

    public static HouseholdView of(Household h, FileCard card, Responsibility.Names names, List<ProjectBenefit> projects) {
        return of(h, card, names, projects, null);
    }

    /** With the village's work team, first secretary and paired units on the file card (the card's JSON). */
    public static HouseholdView of(Household h, FileCard card, Responsibility.Names names, List<ProjectBenefit> projects,
            VillageTeams.Names village) {
        return new HouseholdView(h.getId(), h.getApplicationNo(), h.getVillageCode(), h.getVillageGroup(), h.getPhone(),
                h.getStatus().name(), h.getStatus().label(), h.getIncomeYear(), h.getWages(), h.getOperatingNet(),
                h.getPropertyIncome(), h.getTransferIncome(), h.getExpenditure(), h.getPerCapitaIncome(),
                h.getHousingSafety().name(), h.getDrinkingWater().name(), Arrays.asList(h.getCauses().split(",")),
                h.isOwnsCar(), h.isRegisteredBusiness(), h.isCommercialHousing(), h.isCivilServant(),
                h.getClassification(), h.getClassificationReason(), h.getNoticeEnds(),
                h.getMembers().stream().map(m -> new MemberView(m.getName(), m.getIdNumber(), m.getRelation().name(),
                        m.getSex().name(), m.getBirthDate(), m.getHealth().name(), m.getEducation().name(),
                        m.getLabourCapacity().name())).toList(),
                h.getHistory().stream().map(c -> new ChangeView(c.getStatus().name(), c.getLevel().name(),
                        c.getDecision(), c.getReason(), c.getActor(), c.getAt())).toList(),
                card == null ? null : new FileCardView(card.getCardNo(), card.getSupportCategory(),
                        names == null ? card.getAssistingUnit() : names.unit(),
                        names == null ? card.getResponsibleCadre() : names.cadre(), card.getAssistingUnitId(),
                        card.getCadreId(), card.getSupportMeasures(), card.getPlannedExitYear(),
                        card.getRegisteredAt(), card.getPairingEnds(), village), projects,
                h.getExitYear(), h.getExitReason(), h.isMonitored());
    }
}
