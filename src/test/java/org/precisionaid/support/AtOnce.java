package org.precisionaid.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Two actions released at the same moment by a barrier, for the PostgreSQL tests of concurrent officials. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs both at once on the pool; each outcome is its result or the exception it ended with. */
    public static List<Object> run(ExecutorService pool, Callable<Object> first, Callable<Object> second)
            throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> action : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                barrier.await();
                try {
                    return action.call();
                } catch (Exception e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }
}
