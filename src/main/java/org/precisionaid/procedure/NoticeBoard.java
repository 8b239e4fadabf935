package org.precisionaid.procedure;

import java.time.Instant;
import java.util.Optional;

/**
 * A registry whose entries go on public notice and take objections: the household registry (identification)
 * and the project registry (funding). {@link ObjectionService} asks the board of the objection's subject.
 */
public interface NoticeBoard {

    Objection.Subject subject();

    /** The entry with this number (application or project number), if it exists. */
    Optional<Entry> find(String number);

    /** @param noticeEnds end of the current notice, or {@code null} when the entry is not under notice */
    record Entry(long id, String businessKey, Instant noticeEnds) {
    }
}
