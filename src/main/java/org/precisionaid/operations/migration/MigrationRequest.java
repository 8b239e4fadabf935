package org.precisionaid.operations.migration;

import java.util.List;

/**
 * What the administrator asks for: move the running cases of one version of a process to another (the latest when
 * {@code targetVersion} is left out). The engine maps equal activities itself; {@code mappings} add what it cannot
 * see — a task renamed or moved. {@code activityIds} and {@code businessKeys} narrow the cases (both: a case must match
 * both). The plan is always built here from this request, never taken from the caller as a plan.
 */
public record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion, List<Mapping> mappings,
        List<String> activityIds, List<String> businessKeys) {

    /** One explicit instruction: the cases waiting in {@code from} (source version) wait in {@code to} afterwards. */
    public record Mapping(String from, String to) {
    }

    List<Mapping> mappingsOrNone() {
        return mappings == null ? List.of() : mappings;
    }

    List<String> activityIdsOrNone() {
        return activityIds == null ? List.of() : activityIds;
    }

    List<String> businessKeysOrNone() {
        return businessKeys == null ? List.of() : businessKeys;
    }
}
