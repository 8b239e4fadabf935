package org.precisionaid.history;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.db.DbIdGenerator;

/**
 * The engine's ids as numbers handed out in blocks by the database (Camunda's {@link DbIdGenerator}) instead of
 * 36-character UUIDs: every history row carries six to nine ids, and each id column is indexed, so the ids are a
 * third of what a case leaves for ten years (ADR 0035). Unique across nodes: each block is taken from the counter row
 * {@code next.dbid} under the engine's optimistic lock. Two nodes taking a block at the same moment collide on that
 * row; the loser takes the next block instead of failing the official's command, as the plain generator would. Each
 * collision means another node took its block, so retrying makes progress; the bound only guards against a counter row
 * that something else keeps rewriting.
 */
public class ShortEngineIds extends DbIdGenerator {

    static final int ATTEMPTS = 100;

    @Override
    protected synchronized void getNewBlock() {
        for (int attempt = 1; ; attempt++) {
            try {
                super.getNewBlock();
                return;
            } catch (OptimisticLockingException collision) {
                if (attempt == ATTEMPTS) {
                    throw collision;
                }
            }
        }
    }
}
