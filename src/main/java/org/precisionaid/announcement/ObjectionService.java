package org.precisionaid.announcement;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdNotFoundException;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections from the public. One is stored and handed to the case in the same transaction; when the case
 * cannot take it (notice over, case closed) nothing is stored and the caller is told why.
 */
@Service
@Transactional
public class ObjectionService {

    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 1000;
    public static final int MAX_CONTACT = 100;
    /** Beyond this many unanswered objections on one household, further ones wait: the township is on it. */
    public static final int MAX_OPEN_PER_HOUSEHOLD = 20;

    private final ObjectionRepository objections;
    private final HouseholdService households;
    private final RuntimeService runtime;
    private final Clock clock;

    public ObjectionService(ObjectionRepository objections, HouseholdService households, RuntimeService runtime,
            Clock clock) {
        this.objections = objections;
        this.households = households;
        this.runtime = runtime;
        this.clock = clock;
    }

    public Objection submit(String applicationNo, String reason, String contact) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanReason = clean(reason);
        String cleanContact = clean(contact);
        if (applicationNo == null || applicationNo.isBlank()) {
            errors.put("applicationNo", "is required");
        }
        if (cleanReason == null || cleanReason.length() < MIN_REASON) {
            errors.put("reason", "is required: at least " + MIN_REASON + " characters saying what is wrong");
        } else if (cleanReason.length() > MAX_REASON) {
            errors.put("reason", "at most " + MAX_REASON + " characters");
        }
        if (cleanContact != null && cleanContact.length() > MAX_CONTACT) {
            errors.put("contact", "at most " + MAX_CONTACT + " characters");
        }
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        Household household;
        try {
            household = households.get(applicationNo.trim());
        } catch (HouseholdNotFoundException e) {
            throw FieldRuleException.invalid(Map.of("applicationNo", "no household " + applicationNo + " is on notice"));
        }
        Instant now = clock.instant();
        if (household.getStatus() != Status.ANNOUNCED || household.getNoticeEnds() == null
                || !now.isBefore(household.getNoticeEnds())) {
            throw new ConflictException("applicationNo: household " + applicationNo
                    + " is not under public notice now; objections are accepted only during the notice period");
        }
        long open = objections.findByHouseholdIdOrderById(household.getId()).stream()
                .filter(o -> o.getStatus() == Objection.State.OPEN || o.getStatus() == Objection.State.INVESTIGATING)
                .count();
        if (open >= MAX_OPEN_PER_HOUSEHOLD) {
            throw new ConflictException("applicationNo: " + open + " objections to " + applicationNo
                    + " are already under investigation; please wait for their answer");
        }
        Objection objection = objections.save(new Objection(household.getId(), cleanReason, cleanContact, now));
        try {
            runtime.createMessageCorrelation(ProcessVariables.OBJECTION_MESSAGE)
                    .processInstanceBusinessKey(household.getApplicationNo())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("applicationNo: the case of " + applicationNo + " no longer takes objections");
        }
        return objection;
    }

    /** Gives a newly created investigation task the oldest objection nobody is investigating yet. */
    public Objection attachOldestOpen(long householdId, String taskId) {
        Objection objection = objections
                .findFirstByHouseholdIdAndStatusOrderByIdAsc(householdId, Objection.State.OPEN)
                .orElseThrow(() -> new IllegalStateException("no open objection for household " + householdId));
        objection.investigateIn(taskId);
        return objection;
    }

    public Objection decide(long objectionId, boolean upheld, String finding, String official) {
        Objection objection = objections.findById(objectionId)
                .orElseThrow(() -> new IllegalStateException("no objection " + objectionId));
        objection.decide(upheld, finding, official, clock.instant());
        return objection;
    }

    /** Drops control characters and surrounding blanks; keeps line breaks. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").trim();
        return cleaned.isEmpty() ? null : cleaned;
    }
}
