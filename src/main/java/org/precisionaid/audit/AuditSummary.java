package org.precisionaid.audit;

import java.time.Instant;
import java.util.List;

/** One row of the auditor's search, and the page it stands on. */
public record AuditSummary(String businessKey, String processKey, String processName, String state,
        Instant startTime, Instant endTime, String registryStatus, String lastLevel) {

    public record Page(int page, int size, long total, List<AuditSummary> cases) {
    }
}
