package org.precisionaid.history;

import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Installs {@link AuditedHistory} as the engine's history writer (history level FULL stays, ADR 0028). */
@Component
public class HistoryFootprint extends AbstractCamundaConfiguration {

    private final List<String> derivedVariables;

    public HistoryFootprint(@Value("${precision-aid.history.derived-variables:}") List<String> derivedVariables) {
        this.derivedVariables = derivedVariables;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new AuditedHistory(new LinkedHashSet<>(derivedVariables.stream()
                .map(String::strip).filter(name -> !name.isEmpty()).toList())));
    }
}
