package org.precisionaid.whatif;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One side's decision for one what-if run, remembering its answer per distinct set of inputs (ADR 0029). A decision
 * of ours depends on its inputs only (FEEL has no state, no clock and no random), so two households with the same
 * inputs get the same answer: the engine is asked once. The memo lives as long as the run and holds at most
 * {@code limit} entries; beyond, the engine is asked every time. Thread-safe: pages are evaluated on a small pool.
 */
final class MemoizedDecision {

    /** About 200 bytes an entry: 50,000 keeps a run's memo near 10 MB a side. */
    static final int LIMIT = 50_000;

    /** What the decision answered: the rule's outcome and its reason; null outcome when no rule matched. */
    record Answer(String outcome, String reason) {
    }

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final String outcomeOutput;
    private final int limit;
    private final Map<Map<String, Object>, Answer> memo = new ConcurrentHashMap<>();
    private final LongAdder asked = new LongAdder();
    private final LongAdder evaluated = new LongAdder();

    MemoizedDecision(DmnEngine engine, DmnDecision decision, String outcomeOutput, int limit) {
        this.engine = engine;
        this.decision = decision;
        this.outcomeOutput = outcomeOutput;
        this.limit = limit;
    }

    /**
     * The answer for these inputs; the map is the key, so the caller never changes it afterwards. A failure of the
     * engine propagates (and is not remembered: the run stops at it).
     */
    Answer evaluate(Map<String, Object> inputs) {
        asked.increment();
        Answer known = memo.get(inputs);
        if (known != null) {
            return known;
        }
        Answer answer = plain(engine, decision, outcomeOutput, inputs);
        evaluated.increment();
        if (memo.size() < limit) {
            memo.putIfAbsent(inputs, answer);
        }
        return answer;
    }

    /** The engine's answer without any memo: what {@link #evaluate} must always equal. */
    static Answer plain(DmnEngine engine, DmnDecision decision, String outcomeOutput, Map<String, Object> inputs) {
        DmnDecisionResult result = engine.evaluateDecision(decision, Variables.fromMap(inputs));
        if (result.isEmpty() || result.getFirstResult().getEntry(outcomeOutput) == null) {
            return new Answer(null, null);
        }
        Object outcome = result.getFirstResult().getEntry(outcomeOutput);
        Object reason = result.getFirstResult().getEntry("reason");
        return new Answer(String.valueOf(outcome), reason == null ? "" : String.valueOf(reason));
    }

    /** Households asked about. */
    long asked() {
        return asked.sum();
    }

    /** Times the engine evaluated the decision (the distinct inputs, plus any beyond the memo's limit). */
    long evaluated() {
        return evaluated.sum();
    }
}
