package org.precisionaid.operations;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says when the application is ready for requests, counted from the JVM's start. Spring's "Started … (process running
 * for …)" is logged before the start tasks (the demo data, Tasklist's filters, the registration options) run, so it
 * tells an operator less than this line; the start-up benchmark reads both (docs/benchmarks.md, ADR 0033).
 */
@Component
class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        LOG.info("Ready for requests {} s after the JVM started (start tasks included)",
                String.format(java.util.Locale.ROOT, "%.3f", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
    }
}
