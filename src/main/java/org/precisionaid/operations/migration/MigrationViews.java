package org.precisionaid.operations.migration;

import java.util.Date;
import java.util.List;

/** What the migration REST answers: plain records, no engine objects (their JSON would leak engine internals). */
public final class MigrationViews {

    private MigrationViews() {
    }

    /** A process and its versions that have running cases. */
    public record ProcessView(String key, String name, int latestVersion, List<Integer> deployedVersions,
            List<VersionView> versions) {
    }

    public record VersionView(String definitionId, int version, boolean latest, long runningCases, long failedJobs,
            long incidents, List<ActivityView> activities) {
    }

    public record ActivityView(String activityId, String name, long runningCases, long failedJobs, long incidents) {
    }

    public record DefinitionRef(String definitionId, String key, int version) {
    }

    /** One instruction of the plan and what the engine found wrong with it (nothing: it can be carried out). */
    public record InstructionView(List<String> sourceActivityIds, List<String> targetActivityIds,
            boolean updateEventTrigger, boolean explicit, List<String> failures) {
    }

    /** Activities of the source version where cases wait and no instruction maps: those cases cannot be migrated. */
    public record UnmappedView(String activityId, String name, long runningCases, String reason) {
    }

    /**
     * The plan with the engine's validation report. {@code valid} false: the engine refuses the plan, {@code
     * instructions} then holds the instructions it refused and why. {@code selectedCases}: the running cases of the
     * source version the filter picks.
     */
    public record PlanView(boolean valid, DefinitionRef source, DefinitionRef target, List<InstructionView> instructions,
            List<String> variableFailures, List<UnmappedView> unmappedActivities, long selectedCases) {
    }

    public record BatchStarted(String batchId, DefinitionRef source, DefinitionRef target, long cases) {
    }

    /** A migration batch: its jobs (one per case), how far it got, and every case it could not move with the reason. */
    public record BatchView(String batchId, boolean finished, Date startTime, Date endTime, int totalJobs,
            int completedJobs, int remainingJobs, int failedJobs, List<FailureView> failures) {
    }

    /**
     * A case the batch could not move; it stays on its version as it was. {@code retriesLeft} 0: the engine gave up
     * and raised an incident.
     */
    public record FailureView(String jobId, String processInstanceId, String businessKey, String reason,
            int retriesLeft) {
    }
}
