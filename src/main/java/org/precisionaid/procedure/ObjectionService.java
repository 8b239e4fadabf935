package org.precisionaid.procedure;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.precisionaid.procedure.Objection.Subject;
import org.precisionaid.web.ConflictException;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections from the public, in every procedure that posts a notice. One is stored and handed to the case
 * (message {@value #OBJECTION_MESSAGE}, correlated by business key) in the same transaction; when the case
 * cannot take it (notice over, case closed) nothing is stored and the caller is told why. A number that is not on
 * notice gets the same answer whether it exists or not ({@link #notOnNotice}).
 */
@Service
@Transactional
public class ObjectionService {

    public static final String OBJECTION_MESSAGE = "objectionRaised";
    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 1000;
    public static final int MAX_CONTACT = 100;
    /** Beyond this many unanswered objections on one household or project, further ones wait: officials are on it. */
    public static final int MAX_OPEN_PER_SUBJECT = 20;
    private static final List<Objection.State> UNANSWERED = List.of(Objection.State.OPEN, Objection.State.INVESTIGATING);

    private final ObjectionRepository objections;
    private final Map<Subject, NoticeBoard> boards = new EnumMap<>(Subject.class);
    private final RuntimeService runtime;
    private final Clock clock;

    public ObjectionService(ObjectionRepository objections, List<NoticeBoard> boards, RuntimeService runtime,
            Clock clock) {
        this.objections = objections;
        boards.forEach(board -> this.boards.put(board.subject(), board));
        this.runtime = runtime;
        this.clock = clock;
    }

    /** An objection to a household on the identification notice. */
    public Objection submit(String applicationNo, String reason, String contact) {
        return submit(Subject.HOUSEHOLD, applicationNo, reason, contact);
    }

    public Objection submit(Subject subject, String number, String reason, String contact) {
        String field = subject.field();
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanReason = clean(reason);
        String cleanContact = clean(contact);
        if (number == null || number.isBlank()) {
            errors.put(field, "is required");
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
        NoticeBoard board = boards.get(subject);
        NoticeBoard.Entry entry = board == null ? null : board.find(number.trim()).orElse(null);
        Instant now = clock.instant();
        if (entry == null || entry.noticeEnds() == null || !now.isBefore(entry.noticeEnds())) {
            // one answer whether the number exists or not: the public learns only what the notice boards show
            throw notOnNotice(field);
        }
        long open = switch (subject) {
            case HOUSEHOLD -> objections.countByHouseholdIdAndStatusIn(entry.id(), UNANSWERED);
            case PROJECT -> objections.countByProjectIdAndStatusIn(entry.id(), UNANSWERED);
            case VILLAGE_EXIT -> objections.countByVillageExitIdAndStatusIn(entry.id(), UNANSWERED);
            case MONITORING -> objections.countByMonitoringCaseIdAndStatusIn(entry.id(), UNANSWERED);
        };
        if (open >= MAX_OPEN_PER_SUBJECT) {
            throw new ConflictException(field + ": " + open + " objections to " + number
                    + " are already under investigation; please wait for their answer");
        }
        Objection objection = objections.save(new Objection(subject, entry.id(), cleanReason, cleanContact, now));
        try {
            runtime.createMessageCorrelation(OBJECTION_MESSAGE)
                    .processInstanceBusinessKey(entry.businessKey())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException(field + ": the case of " + number + " no longer takes objections");
        }
        return objection;
    }

    /**
     * The answer to a number nobody may object to now, the same (status and body) for a number that does not exist as
     * for one that exists but is not, or no longer, under public notice.
     */
    public static FieldRuleException notOnNotice(String field) {
        return new FieldRuleException(HttpStatus.CONFLICT, "not-on-notice", "不在公示期 / Not under public notice",
                Map.of(field, "该编号目前不在公示中，异议只在公示期内受理 / this number is not under public notice now; "
                        + "objections are accepted only during a notice period"));
    }

    /** Gives a newly created investigation task the oldest objection nobody is investigating yet. */
    public Objection attachOldestOpen(Subject subject, long subjectId, String taskId) {
        Objection objection = (switch (subject) {
            case HOUSEHOLD -> objections.findFirstByHouseholdIdAndStatusOrderByIdAsc(subjectId, Objection.State.OPEN);
            case PROJECT -> objections.findFirstByProjectIdAndStatusOrderByIdAsc(subjectId, Objection.State.OPEN);
            case VILLAGE_EXIT -> objections.findFirstByVillageExitIdAndStatusOrderByIdAsc(subjectId,
                    Objection.State.OPEN);
            case MONITORING -> objections.findFirstByMonitoringCaseIdAndStatusOrderByIdAsc(subjectId,
                    Objection.State.OPEN);
        }).orElseThrow(() -> new IllegalStateException("no open objection for " + subject + " " + subjectId));
        objection.investigateIn(taskId);
        return objection;
    }

    public Objection decide(long objectionId, boolean upheld, String finding, String official) {
        Objection objection = objections.findById(objectionId)
                .orElseThrow(() -> new IllegalStateException("no objection " + objectionId));
        objection.decide(upheld, finding, official, clock.instant());
        return objection;
    }

    @Transactional(readOnly = true)
    public List<Objection> of(Subject subject, long subjectId) {
        return switch (subject) {
            case HOUSEHOLD -> objections.findByHouseholdIdOrderById(subjectId);
            case PROJECT -> objections.findByProjectIdOrderById(subjectId);
            case VILLAGE_EXIT -> objections.findByVillageExitIdOrderById(subjectId);
            case MONITORING -> objections.findByMonitoringCaseIdOrderById(subjectId);
        };
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
