package org.precisionaid.identification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time limits of the identification procedure, changed in configuration (environment) without code:
 * the public notice period and, per user task, how long officials have before it is overdue and escalates.
 */
@ConfigurationProperties("precision-aid.identification")
public record IdentificationProperties(Duration noticePeriod, Map<String, Duration> deadlines) {
}
