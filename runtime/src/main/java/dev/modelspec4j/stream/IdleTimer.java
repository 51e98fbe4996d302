package dev.modelspec4j.stream;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one scheduler that ends silent streams, shared by every stream of the JVM: a single daemon thread, started
 * on first use. A stream keeps at most one task here at a time; a cancelled task leaves the queue at once.
 */
final class IdleTimer {

    private IdleTimer() {
    }

    private static final class Holder {
        static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

        private static ScheduledThreadPoolExecutor scheduler() {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "modelspec4j-stream-idle-timer");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.setRemoveOnCancelPolicy(true);
            return scheduler;
        }
    }

    /** Runs {@code task} once, after {@code delayNanos}. */
    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return Holder.SCHEDULER.schedule(task, Math.max(delayNanos, 0), TimeUnit.NANOSECONDS);
    }
}
