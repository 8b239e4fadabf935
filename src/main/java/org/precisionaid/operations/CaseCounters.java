package org.precisionaid.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Cases started and ended per process ({@code pa_cases_started_total}, {@code pa_cases_ended_total}; "per day" is
 * {@code increase(…[1d])} in Prometheus). A listener on every deployed process's start and end — attached at parse
 * time, like {@code RegionAccessPlugin}, so no model can forget it — counts once the engine's transaction has
 * committed: a refused or rolled-back start counts nothing. Counters are per node and start at zero with it.
 */
@Component
public class CaseCounters extends AbstractCamundaConfiguration {

    private final MeterRegistry registry;

    public CaseCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
                process.addListener(ExecutionListener.EVENTNAME_START, countAfterCommit(counter("pa.cases.started",
                        "Cases started per process", process.getKey())));
                process.addListener(ExecutionListener.EVENTNAME_END, countAfterCommit(counter("pa.cases.ended",
                        "Cases ended per process (completed, rejected or cancelled)", process.getKey())));
            }
        });
    }

    private Counter counter(String name, String description, String processKey) {
        return Counter.builder(name).description(description).tag("process", processKey).register(registry);
    }

    private static ExecutionListener countAfterCommit(Counter counter) {
        return execution -> {
            CommandContext command = Context.getCommandContext();
            if (command == null) {
                counter.increment();
            } else {
                command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                        context -> counter.increment());
            }
        };
    }
}
