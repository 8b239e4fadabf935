package org.precisionaid.operations.migration;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.precisionaid.operations.migration.MigrationViews.BatchStarted;
import org.precisionaid.operations.migration.MigrationViews.BatchView;
import org.precisionaid.operations.migration.MigrationViews.PlanView;
import org.precisionaid.operations.migration.MigrationViews.ProcessView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators move running cases to another version of their process (ADR 0020); officials get 403. */
@RestController
@RequestMapping("/api/admin/migrations")
@PreAuthorize("hasRole('ADMIN')")
public class MigrationController {

    private final CaseMigration migration;

    public MigrationController(CaseMigration migration) {
        this.migration = migration;
    }

    /** The webapps' CSRF token of the administrator's session, which the migration page sends with its POSTs. */
    @GetMapping("/session-token")
    public Map<String, String> sessionToken(HttpServletRequest request) {
        return org.precisionaid.security.SessionTokenController.of(request);
    }

    @GetMapping("/processes")
    public List<ProcessView> processes() {
        return migration.processes();
    }

    @PostMapping("/plan")
    public PlanView plan(@RequestBody MigrationRequest request) {
        return migration.plan(request);
    }

    @PostMapping("/batches")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public BatchStarted start(@RequestBody MigrationRequest request) {
        return migration.start(request);
    }

    @GetMapping("/batches")
    public List<BatchView> batches() {
        return migration.batches();
    }

    @GetMapping("/batches/{batchId}")
    public BatchView batch(@PathVariable String batchId) {
        return migration.batch(batchId);
    }
}
