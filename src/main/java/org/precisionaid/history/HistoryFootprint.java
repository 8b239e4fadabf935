package org.precisionaid.history;

import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installs {@link AuditedHistory} as the engine's history writer (history level FULL stays, ADR 0028) and
 * {@link ShortEngineIds} as its id generator (ADR 0035).
 */
@Component
public class HistoryFootprint extends AbstractCamundaConfiguration {

    /** Ids a node takes from the database at once: one counter update per thousand ids; a restart skips the rest. */
    static final int ID_BLOCK_SIZE = 1000;

    private final List<String> derivedVariables;
    private final boolean shortIds;
    private ShortEngineIds ids;

    public HistoryFootprint(@Value("${precision-aid.history.derived-variables:}") List<String> derivedVariables,
            @Value("${precision-aid.history.short-ids:true}") boolean shortIds) {
        this.derivedVariables = derivedVariables;
        this.shortIds = shortIds;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new AuditedHistory(new LinkedHashSet<>(derivedVariables.stream()
                .map(String::strip).filter(name -> !name.isEmpty()).toList())));
        if (shortIds) {
            ids = new ShortEngineIds();
            ids.setIdBlockSize(ID_BLOCK_SIZE);
            configuration.setIdGenerator(ids);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (ids != null) { // a block is taken in a transaction of its own, as the engine does for its own generator
            ids.setCommandExecutor(configuration.getCommandExecutorTxRequiresNew());
        }
    }
}
