package org.precisionaid.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything an auditor reads about one case: where it went, who did what when, and what was decided. */
public record AuditCase(
        String businessKey,
        String processInstanceId,
        String processDefinitionId,
        String processKey,
        String processName,
        String state,
        Instant startTime,
        Instant endTime,
        String startedBy,
        String regionCode,
        String registryStatus,
        List<String> visitedActivities,
        List<String> currentActivities,
        List<Event> timeline,
        List<Operation> operations,
        List<ObjectionRecord> objections,
        List<String> otherCases) {

    /** One step of the timeline, from the engine's history or from our registry's decision records. */
    public record Event(Instant at, String kind, String title, String activityId, String official,
            Map<String, Object> details) {
    }

    /** An entry of Camunda's user-operation log: claims, assignments, cancellations, variable changes. */
    public record Operation(Instant at, String user, String operation, String entity, String property,
            String oldValue, String newValue) {
    }

    public record ObjectionRecord(Long id, Instant submittedAt, String reason, String contact, String status,
            String finding, String decidedBy, Instant decidedAt) {
    }
}
