package org.precisionaid.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The memo of a what-if run (ADR 0029) answers exactly as the engine asked every time: over households with repeated
 * and distinct inputs, on the deployed identification and monitoring rules, from two threads at once, and past the
 * memo's limit. No Spring context: the what-if's own DMN engine on the files in bpmn/.
 */
class MemoizedDecisionTest {

    static final WhatIfDmnEngine DMN = new WhatIfDmnEngine();
    static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void identificationAnswersAsThePlainEvaluationForRepeatedAndDistinctHouseholds() throws Exception {
        DmnDecision decision = decision("bpmn/eligibility.dmn", "classification");
        List<Map<String, Object>> households = identification();
        List<MemoizedDecision.Answer> plain = plain(decision, "classification", households);
        assertThat(plain.stream().map(MemoizedDecision.Answer::outcome).distinct())
                .as("the fixture reaches every outcome, so a wrong answer shows")
                .containsExactlyInAnyOrder("DEVELOPMENT", "SOCIAL_ASSISTANCE", "NOT_ELIGIBLE");

        MemoizedDecision memo = new MemoizedDecision(DMN.engine(), decision, "classification", MemoizedDecision.LIMIT);
        assertThat(households.stream().map(memo::evaluate).toList()).isEqualTo(plain);
        assertThat(memo.asked()).isEqualTo(households.size());
        long distinct = new HashSet<>(households).size();
        assertThat(distinct).isLessThan(households.size());
        assertThat(memo.evaluated()).as("the engine asked once per distinct inputs").isEqualTo(distinct);

        MemoizedDecision shared = new MemoizedDecision(DMN.engine(), decision, "classification", MemoizedDecision.LIMIT);
        assertThat(twoThreads(shared, households)).isEqualTo(plain);

        MemoizedDecision small = new MemoizedDecision(DMN.engine(), decision, "classification", 3);
        assertThat(households.stream().map(small::evaluate).toList()).as("past the limit, the engine is asked")
                .isEqualTo(plain);
        assertThat(small.evaluated()).isGreaterThan(distinct);
    }

    @Test
    void monitoringAnswersAsThePlainEvaluation() throws Exception {
        DmnDecision decision = decision("bpmn/monitoring-rules.dmn", "monitoringCategory");
        List<Map<String, Object>> households = new ArrayList<>();
        for (double income : new double[] {7799.99, 7800, 7800.01, 5000, 9000.5, 7799.99}) {
            for (String status : List.of("REGISTERED", "EXITED", "MONITORED")) {
                for (boolean water : new boolean[] {true, false}) {
                    Map<String, Object> inputs = new HashMap<>();
                    inputs.put("province", "65");
                    inputs.put("year", 2026);
                    inputs.put("registryStatus", status);
                    inputs.put("perCapitaIncome", income);
                    inputs.put("rigidExpensesPerCapita", 0.0);
                    inputs.put("incomeCollapse", false);
                    inputs.put("guaranteesSecure", true);
                    inputs.put("waterSecure", water);
                    households.add(inputs);
                }
            }
        }
        List<MemoizedDecision.Answer> plain = plain(decision, "category", households);
        assertThat(plain.stream().map(MemoizedDecision.Answer::outcome).distinct())
                .containsExactlyInAnyOrder("UNSTABLE", "MARGINAL", "SUDDEN_HARDSHIP", "NOT_AT_RISK");
        MemoizedDecision memo = new MemoizedDecision(DMN.engine(), decision, "category", MemoizedDecision.LIMIT);
        assertThat(twoThreads(memo, households)).isEqualTo(plain);
    }

    /** Households of four around the 2026 line (7,500): incomes with cents, some repeated, cars, labour or none. */
    private static List<Map<String, Object>> identification() {
        List<Map<String, Object>> households = new ArrayList<>();
        double[] incomes = {7499.99, 7500, 7500.01, 2000, 6800.5, 7499.99, 9999.99, 7500, 2000};
        for (int i = 0; i < incomes.length * 6; i++) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("incomeYear", 2026);
            inputs.put("perCapitaIncome", incomes[i % incomes.length]);
            inputs.put("ownsCar", i % 5 == 0);
            inputs.put("registeredBusiness", false);
            inputs.put("commercialHousing", false);
            inputs.put("civilServant", i % 11 == 0);
            inputs.put("hasLabour", i % 4 != 0);
            households.add(inputs);
        }
        return households;
    }

    private static List<MemoizedDecision.Answer> plain(DmnDecision decision, String output,
            List<Map<String, Object>> households) {
        return households.stream().map(h -> MemoizedDecision.plain(DMN.engine(), decision, output, h)).toList();
    }

    /** Each half of the households on its own thread, as a page is cut into slices. */
    private static List<MemoizedDecision.Answer> twoThreads(MemoizedDecision memo, List<Map<String, Object>> households)
            throws Exception {
        int half = households.size() / 2;
        Future<List<MemoizedDecision.Answer>> first = pool.submit(() -> households.subList(0, half).stream()
                .map(memo::evaluate).toList());
        Future<List<MemoizedDecision.Answer>> second = pool.submit(() -> households.subList(half, households.size())
                .stream().map(memo::evaluate).toList());
        List<MemoizedDecision.Answer> answers = new ArrayList<>(first.get());
        answers.addAll(second.get());
        return answers;
    }

    private static DmnDecision decision(String file, String key) throws Exception {
        return DMN.parse(new ClassPathResource(file).getContentAsByteArray()).getDecision(key);
    }
}
