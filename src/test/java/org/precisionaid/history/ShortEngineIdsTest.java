package org.precisionaid.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The engine's ids are short numbers (ADR 0035), unique when two nodes take blocks of them at the same moment. */
@IntegrationTest
class ShortEngineIdsTest {

    static final String VILLAGE = "654224200201"; // 托里县: a village only the history tests use

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired ApplicationContext context;
    @Autowired HistoryService history;

    @Test
    void aCaseAndEverythingItWritesCarryShortNumbersForIds() {
        String applicationNo = CaseFlows.of(context).applyOverRest(VILLAGE, 9819L);

        var theCase = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult();
        var task = history.createHistoricTaskInstanceQuery().processInstanceId(theCase.getId()).singleResult();
        assertThat(configuration.getIdGenerator()).isInstanceOf(ShortEngineIds.class);
        assertThat(List.of(theCase.getId(), task.getId(), task.getExecutionId()))
                .as("a 36-character UUID before; every history row carries six to nine ids")
                .allSatisfy(id -> assertThat(id).matches("[0-9]{1,12}"));
    }

    @Test
    void twoNodesTakingBlocksAtOnceNeverHandOutAnIdTwiceNorFailTheCommand() throws Exception {
        // two generators on the engine's database are two nodes; blocks of one id make them collide on the counter
        List<ShortEngineIds> nodes = List.of(node(), node());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> taken = new ArrayList<>();
            for (ShortEngineIds node : nodes) {
                Callable<List<String>> take = () -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        ids.add(node.getNextId());
                    }
                    return ids;
                };
                taken.add(threads.submit(take));
            }
            Set<String> distinct = new HashSet<>();
            int all = 0;
            for (Future<List<String>> ids : taken) {
                all += ids.get().size(); // an OptimisticLockingException of the counter would surface here
                distinct.addAll(ids.get());
            }
            assertThat(all).isEqualTo(300);
            assertThat(distinct).as("each id handed out once").hasSize(300);
        } finally {
            threads.shutdownNow();
        }
    }

    private ShortEngineIds node() {
        ShortEngineIds node = new ShortEngineIds();
        node.setIdBlockSize(1);
        node.setCommandExecutor(configuration.getCommandExecutorTxRequiresNew());
        return node;
    }
}
