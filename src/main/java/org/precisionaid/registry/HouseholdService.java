package org.precisionaid.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.precisionaid.registry.ApplicationValidator.ValidApplication;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry's use cases. Everything that changes a household goes through here and leaves a status change. */
@Service
@Transactional
public class HouseholdService {

    /** Statuses in which a person may not appear in another application. */
    static final EnumSet<Status> ACTIVE = EnumSet.of(Status.APPLIED, Status.RETURNED, Status.ANNOUNCED,
            Status.REGISTERED);

    private final HouseholdRepository households;
    private final FileCardRepository fileCards;
    private final ApplicationValidator validator;
    private final Clock clock;
    private final ObjectProvider<Responsibility> responsibility;
    private final List<HouseholdBenefits> benefits;
    private final ObjectProvider<VillageTeams> villageTeams;

    public HouseholdService(HouseholdRepository households, FileCardRepository fileCards,
            ApplicationValidator validator, Clock clock,
            ObjectProvider<Responsibility> responsibility, List<HouseholdBenefits> benefits,
            ObjectProvider<VillageTeams> villageTeams) {
        this.villageTeams = villageTeams;
        this.households = households;
        this.fileCards = fileCards;
        this.validator = validator;
        this.clock = clock;
        this.responsibility = responsibility;
        this.benefits = benefits;
    }

    /** Validates and records a new application (status APPLIED). Writes nothing when a rule is broken. */
    public Household submit(ApplicationForm form, String actor) {
        ValidApplication application = validator.validate(form);
        Instant now = clock.instant();
        Household household = new Household(application.villageCode(), now);
        household.setApplicationNo("p-" + UUID.randomUUID());
        apply(household, application);
        households.save(household);
        rejectPeopleActiveElsewhere(household);
        household.setApplicationNo(String.format("SQ-%d-%s-%06d", now.atZone(clock.getZone()).getYear(),
                household.getVillageCode(), household.getId()));
        household.changeStatus(Status.APPLIED, Level.APPLICATION, "submitted", null, actor, now);
        return household;
    }

    /**
     * A household never registered as poor becomes a subject of return-to-poverty monitoring: its members and income
     * items pass the same validation as an application, and no member may belong to another household of the
     * registry that is active, exited or monitored. Status MONITORED, number {@code JH-<year>-<village>-<id>}.
     */
    public Household submitMonitored(ApplicationForm form, String actor) {
        ValidApplication application = validator.validate(form);
        Instant now = clock.instant();
        Household household = new Household(application.villageCode(), now);
        household.setApplicationNo("p-" + UUID.randomUUID());
        apply(household, application);
        households.save(household);
        rejectPeopleActiveElsewhere(household, MONITORING_CONFLICTS);
        household.setApplicationNo(String.format("JH-%d-%s-%06d", now.atZone(clock.getZone()).getYear(),
                household.getVillageCode(), household.getId()));
        household.changeStatus(Status.MONITORED, Level.MONITORING, "entered for monitoring", null, actor, now);
        return household;
    }

    /** Replaces the application's facts while it is returned for correction. The village cannot change. */
    public Household correct(String applicationNo, ApplicationForm form, String actor) {
        Household household = get(applicationNo);
        if (household.getStatus() != Status.RETURNED) {
            throw new ConflictException("application " + applicationNo + " is " + household.getStatus()
                    + "; it can be corrected only while RETURNED for correction");
        }
        ValidApplication application = validator.validate(form);
        if (!application.villageCode().equals(household.getVillageCode())) {
            throw FieldRuleException.invalid(Map.of("regionCode",
                    "an application stays in its village " + household.getVillageCode() + "; start a new one to move it"));
        }
        household.getMembers().clear();
        households.flush();
        apply(household, application);
        rejectPeopleActiveElsewhere(household);
        household.touch(clock.instant());
        return household;
    }

    /** Records a decision and the status it leads to. */
    public Household decide(long householdId, Status newStatus, Level level, String decision, String reason,
            String actor) {
        Household household = get(householdId);
        household.changeStatus(newStatus, level, decision, reason, actor, clock.instant());
        return household;
    }

    public Household classify(long householdId, String classification, String reason) {
        Household household = get(householdId);
        household.classify(classification, reason);
        return household;
    }

    /** Puts the household on the public notice until the given moment. */
    public Household announce(long householdId, Instant noticeEnds, String actor) {
        Household household = get(householdId);
        household.announceUntil(noticeEnds);
        household.changeStatus(Status.ANNOUNCED, Level.ANNOUNCEMENT, "published", "until " + noticeEnds, actor,
                clock.instant());
        return household;
    }

    /** Opens the file card; the caller names the responsible cadre in the same transaction (assistance). */
    public FileCard register(long householdId, String supportMeasures, int plannedExitYear, String actor) {
        Household household = get(householdId);
        Instant now = clock.instant();
        FileCard card = fileCards.save(new FileCard(household, household.getClassification(), supportMeasures,
                plannedExitYear, now, actor));
        household.changeStatus(Status.REGISTERED, Level.REGISTRATION, "registered", card.getCardNo(), actor, now);
        return card;
    }

    /** Posts the household's proposed exit (脱贫) in its village until the given moment; it stays registered meanwhile. */
    public Household publishExitNotice(long householdId, Instant ends, String actor) {
        Household household = registered(householdId);
        household.exitNoticeUntil(ends);
        household.changeStatus(Status.REGISTERED, Level.ANNOUNCEMENT, "exit notice published", "until " + ends, actor,
                clock.instant());
        return household;
    }

    /** The exit was not approved (level, reason, official); the household stays registered and its notice ends. */
    public Household exitRefused(long householdId, Level level, String reason, String actor) {
        Household household = get(householdId);
        household.exitNoticeUntil(null);
        household.changeStatus(household.getStatus(), level, "exit refused", reason, actor, clock.instant());
        return household;
    }

    /** Removes the household from the poor register (销号) for the given year; the file card stays. */
    public Household exit(long householdId, int year, String reason, String actor) {
        Household household = registered(householdId);
        household.exit(year, reason);
        household.changeStatus(Status.EXITED, Level.EXIT, "exited " + year, reason, actor, clock.instant());
        return household;
    }

    /** Starts or ends return-to-poverty monitoring (防止返贫监测) of a household that left poverty. */
    public Household monitor(long householdId, boolean monitored, String reason, String actor) {
        Household household = get(householdId);
        household.monitor(monitored);
        household.changeStatus(household.getStatus(), Level.ASSESSMENT,
                monitored ? "monitoring started" : "monitoring ended", reason, actor, clock.instant());
        return household;
    }

    /** Records a decision of the annual assessment without changing the household's status. */
    public Household note(long householdId, Level level, String decision, String reason, String actor) {
        Household household = get(householdId);
        household.changeStatus(household.getStatus(), level, decision, reason, actor, clock.instant());
        return household;
    }

    /** The township's updated support plan and planned exit year after a year the household stayed poor. */
    public FileCard updatePlan(long householdId, String supportMeasures, int plannedExitYear, String actor) {
        Household household = registered(householdId);
        FileCard card = fileCards.findById(householdId)
                .orElseThrow(() -> new IllegalStateException("household " + householdId + " has no file card"));
        card.updatePlan(supportMeasures, plannedExitYear);
        household.changeStatus(Status.REGISTERED, Level.ASSESSMENT, "support plan updated",
                "planned exit " + plannedExitYear + ": " + supportMeasures, actor, clock.instant());
        return card;
    }

    private Household registered(long householdId) {
        Household household = get(householdId);
        if (household.getStatus() != Status.REGISTERED) {
            throw new ConflictException("household " + household.getApplicationNo() + " is "
                    + household.getStatus() + "; this step needs a registered household");
        }
        return household;
    }

    @Transactional(readOnly = true)
    public Household get(long id) {
        return households.findById(id).orElseThrow(() -> new HouseholdNotFoundException(String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Household get(String applicationNo) {
        return households.findByApplicationNo(applicationNo)
                .orElseThrow(() -> new HouseholdNotFoundException(applicationNo));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<FileCard> fileCard(long householdId) {
        return fileCards.findById(householdId);
    }

    /** Households matching the filters, read whole (members, decisions) for the caller. */
    @Transactional(readOnly = true)
    public List<HouseholdView> search(String regionPrefix, Status status, String idNumber,
            org.springframework.data.domain.Pageable page) {
        return households.search(regionPrefix, status, idNumber, page).stream()
                .map(household -> HouseholdView.of(household, null, null)).toList();
    }

    /** One household with its members, decisions and file card, as officials read it. */
    @Transactional(readOnly = true)
    public HouseholdView view(String applicationNo) {
        Household household = get(applicationNo);
        FileCard card = fileCards.findById(household.getId()).orElse(null);
        return HouseholdView.of(household, card,
                card == null || card.getCadreId() == null ? null : responsibility.getObject().describe(card),
                benefits.stream().flatMap(source -> source.of(household.getId()).stream()).toList(),
                card == null ? null : villageTeams.getIfAvailable(() -> code -> VillageTeams.Names.NONE)
                        .namesFor(household.getVillageCode()));
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(String applicationNo) {
        return List.copyOf(get(applicationNo).getHistory());
    }

    /** The household as an application form again, e.g. to correct a few of its facts. */
    @Transactional(readOnly = true)
    public ApplicationForm formOf(Household household) {
        return new ApplicationForm(household.getVillageCode(), household.getVillageGroup(), household.getPhone(),
                household.getIncomeYear(), household.getWages(), household.getOperatingNet(),
                household.getPropertyIncome(), household.getTransferIncome(), household.getExpenditure(),
                household.getHousingSafety().name(), household.getDrinkingWater().name(),
                List.of(household.getCauses().split(",")), household.isOwnsCar(), household.isRegisteredBusiness(),
                household.isCommercialHousing(), household.isCivilServant(),
                household.getMembers().stream().map(member -> new ApplicationForm.MemberForm(member.getName(),
                        member.getIdNumber(), member.getRelation().name(), member.getHealth().name(),
                        member.getEducation().name(), member.getLabourCapacity().name())).toList());
    }

    /** Per-capita net income: the four income items over the number of members, to the fen. */
    public static BigDecimal perCapita(BigDecimal wages, BigDecimal operatingNet, BigDecimal property,
            BigDecimal transfer, int members) {
        return wages.add(operatingNet).add(property).add(transfer)
                .divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
    }

    private void apply(Household household, ValidApplication application) {
        household.setVillageGroup(application.villageGroup());
        household.setPhone(application.phone());
        household.setIncomeYear(application.incomeYear());
        household.setIncome(application.wages(), application.operatingNet(), application.propertyIncome(),
                application.transferIncome(), application.expenditure(),
                perCapita(application.wages(), application.operatingNet(), application.propertyIncome(),
                        application.transferIncome(), application.members().size()));
        household.setHousingSafety(application.housingSafety());
        household.setDrinkingWater(application.drinkingWater());
        household.setCauses(application.causes().stream().map(Enum::name).collect(Collectors.joining(",")));
        household.setNegativeListFacts(application.ownsCar(), application.registeredBusiness(),
                application.commercialHousing(), application.civilServant());
        int position = 0;
        for (ApplicationValidator.ValidMember member : application.members()) {
            household.getMembers().add(new Member(household, position++, member.name(), member.id(),
                    member.relation(), member.health(), member.education(), member.labourCapacity()));
        }
    }

    /** A person may not be entered for monitoring while he belongs to any household the registry still follows. */
    static final EnumSet<Status> MONITORING_CONFLICTS = EnumSet.of(Status.APPLIED, Status.RETURNED, Status.ANNOUNCED,
            Status.REGISTERED, Status.EXITED, Status.MONITORED);

    private void rejectPeopleActiveElsewhere(Household household) {
        rejectPeopleActiveElsewhere(household, ACTIVE);
    }

    private void rejectPeopleActiveElsewhere(Household household, java.util.Set<Status> statuses) {
        List<String> ids = household.getMembers().stream().map(Member::getIdNumber).toList();
        List<Member> elsewhere = households.findActiveMembersElsewhere(ids, statuses, household.getId());
        if (elsewhere.isEmpty()) {
            return;
        }
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (Member other : elsewhere) {
            int index = ids.indexOf(other.getIdNumber());
            errors.put("members[" + index + "].idNumber", ResidentId.mask(other.getIdNumber())
                    + " is already a member of application " + maskApplication(other.getHousehold())
                    + " (" + other.getHousehold().getStatus().label() + ")");
        }
        throw FieldRuleException.invalid(errors);
    }

    /** Names the other application without exposing more than the clerk needs: village and the last digits. */
    static String maskApplication(Household other) {
        String no = other.getApplicationNo();
        return no.length() <= 4 ? no : "…" + other.getVillageCode() + "-" + no.substring(no.length() - 4);
    }
}
