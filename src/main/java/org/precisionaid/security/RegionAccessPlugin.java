package org.precisionaid.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.precisionaid.region.CandidateGroups;
import org.springframework.stereotype.Component;

/** Attaches {@link RegionAccessGrants} to the start event of every deployed process, so no model can forget it. */
@Component
public class RegionAccessPlugin extends AbstractCamundaConfiguration {

    private final CandidateGroups groups;

    public RegionAccessPlugin(CandidateGroups groups) {
        this.groups = groups;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        RegionAccessGrants grants = new RegionAccessGrants(groups);
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
                if (scope == startEventActivity.getProcessDefinition()) {
                    startEventActivity.addListener(ExecutionListener.EVENTNAME_END, grants);
                }
            }
        });
    }
}
