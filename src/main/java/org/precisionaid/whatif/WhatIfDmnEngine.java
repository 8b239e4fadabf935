package org.precisionaid.whatif;

import java.io.ByteArrayInputStream;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * The DMN engine a what-if runs on: Camunda's own DMN engine and FEEL, configured as the process engine configures
 * its one (FEEL for every expression) but without the process engine's listeners. Those write: a history row per
 * evaluation of a deployed decision and a count of decision elements into ACT_RU_METER_LOG, and they need a command
 * context. A what-if over a county's registry must write nothing (ADR 0023). No JUEL and no script is ever evaluated
 * here: models that ask for them are refused before they reach this engine, and the engine itself refuses them too.
 */
@Component
public class WhatIfDmnEngine {

    private final DmnEngine engine;

    public WhatIfDmnEngine() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration)
                DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(false);
        configuration.setElProvider(refusingEl());
        configuration.setScriptEngineResolver(language -> {
            throw new IllegalStateException("no script is run in a what-if (" + language + ")");
        });
        this.engine = configuration.buildEngine();
    }

    public DmnEngine engine() {
        return engine;
    }

    public DmnDecisionRequirementsGraph parse(byte[] xml) {
        return engine.parseDecisionRequirementsGraph(new ByteArrayInputStream(xml));
    }

    public DmnDecisionRequirementsGraph parse(DmnModelInstance model) {
        return engine.parseDecisionRequirementsGraph(model);
    }

    private static ElProvider refusingEl() {
        return expression -> {
            throw new IllegalStateException("JUEL is not evaluated in a what-if: " + expression);
        };
    }
}
