package org.precisionaid.assistance;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param transitionPeriod how long a household keeps its cadre after it leaves poverty (脱贫不脱帮扶)
 * @param optionsShown     at most this many cadres are offered in the registration form
 */
@ConfigurationProperties("precision-aid.assistance")
public record AssistanceProperties(Period transitionPeriod, Integer optionsShown) {

    public AssistanceProperties {
        transitionPeriod = transitionPeriod == null ? Period.ofYears(3) : transitionPeriod;
        optionsShown = optionsShown == null ? 50 : optionsShown;
    }
}
