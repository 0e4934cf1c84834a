package com.customk9.gateway.route;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * Timeouts for the many short operations of the request path (an upstream's answer, a Redis
 * command), cheaper than a Vert.x timer each: a timer costs a map entry and a priority-queue insert
 * and removal, and nearly every one of these is cancelled within milliseconds.
 * <p>
 * Each event loop keeps one FIFO queue per distinct timeout (there are a handful: the routes'
 * timeouts, the Redis timeout); since every entry of a queue has the same timeout, the queue is in
 * deadline order, so scheduling and cancelling are O(1), and one periodic tick per loop (every
 * {@value #TICK_MILLIS} ms, only while something is pending) fires what expired. A timeout thus
 * fires up to {@value #TICK_MILLIS} ms late. A cancelled entry gives up its task at once, so what it
 * referenced can be collected even while it waits behind an older entry.
 * <p>
 * Callers off the event loops, or without a Vert.x context on it (rare), get a plain Vert.x timer.
 */
@Singleton
public class Deadlines {

    private static final Logger LOG = Logger.getLogger(Deadlines.class);
    static final long TICK_MILLIS = 20;

    /** A scheduled timeout; best cancelled on the event loop that scheduled it (from elsewhere, the tick removes it). */
    public interface Deadline {
        void cancel();
    }

    private final Vertx vertx;
    private final FastThreadLocal<Loop> loops = new FastThreadLocal<>() {
        @Override
        protected Loop initialValue() {
            return new Loop(Thread.currentThread());
        }
    };

    public Deadlines(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code onTimeout} on the calling event loop about {@code timeoutMillis} from now, unless cancelled first. */
    public Deadline schedule(long timeoutMillis, Runnable onTimeout) {
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        if (context == null || !context.isEventLoopContext() || !context.nettyEventLoop().inEventLoop()) {
            long timer = vertx.setTimer(Math.max(1, timeoutMillis), ignored -> onTimeout.run());
            return () -> vertx.cancelTimer(timer);
        }
        return loops.get().add(timeoutMillis, onTimeout, context);
    }

    private final class Loop {

        private final Thread owner;
        /** Parallel arrays: the distinct timeouts seen on this loop and their queues (a handful). */
        private long[] timeouts = new long[0];
        @SuppressWarnings("unchecked")
        private ArrayDeque<Entry>[] queues = new ArrayDeque[0];
        private long ticker = -1;

        Loop(Thread owner) {
            this.owner = owner;
        }

        Entry add(long timeoutMillis, Runnable task, ContextInternal context) {
            ArrayDeque<Entry> queue = queue(timeoutMillis);
            Entry entry = new Entry(this, queue, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis), task, context);
            queue.addLast(entry);
            if (ticker == -1) {
                // On the loop's own context: the tick outlives the request that started it.
                ticker = context.unwrap().setPeriodic(TICK_MILLIS, ignored -> tick());
            }
            return entry;
        }

        private ArrayDeque<Entry> queue(long timeoutMillis) {
            for (int i = 0; i < timeouts.length; i++) {
                if (timeouts[i] == timeoutMillis) {
                    return queues[i];
                }
            }
            int size = timeouts.length;
            timeouts = java.util.Arrays.copyOf(timeouts, size + 1);
            queues = java.util.Arrays.copyOf(queues, size + 1);
            timeouts[size] = timeoutMillis;
            queues[size] = new ArrayDeque<>();
            return queues[size];
        }

        void cancelled(ArrayDeque<Entry> queue) {
            Entry head;
            while ((head = queue.peekFirst()) != null && head.task == null) {
                queue.pollFirst();
            }
        }

        private void tick() {
            long now = System.nanoTime();
            for (ArrayDeque<Entry> queue : queues) {
                Entry head;
                while ((head = queue.peekFirst()) != null) {
                    if (head.task == null) {
                        queue.pollFirst();
                    } else if (now - head.deadline >= 0) {
                        queue.pollFirst();
                        Runnable task = head.task;
                        head.task = null;
                        try {
                            // On the context it was scheduled from (the request's: its MDC, its duplicated context).
                            head.context.dispatch(task);
                        } catch (RuntimeException e) {
                            LOG.errorf(e, "A timeout handler failed");
                        }
                    } else {
                        break;
                    }
                }
            }
            for (ArrayDeque<Entry> queue : queues) {
                if (!queue.isEmpty()) {
                    return;
                }
            }
            vertx.cancelTimer(ticker);
            ticker = -1;
        }
    }

    private static final class Entry implements Deadline {

        private final Loop loop;
        private final ArrayDeque<Entry> queue;
        private final long deadline;
        private ContextInternal context;
        /** Null once fired or cancelled; volatile for a cancel from another thread (then left to the tick to remove). */
        private volatile Runnable task;

        Entry(Loop loop, ArrayDeque<Entry> queue, long deadline, Runnable task, ContextInternal context) {
            this.loop = loop;
            this.context = context;
            this.queue = queue;
            this.deadline = deadline;
            this.task = task;
        }

        @Override
        public void cancel() {
            if (task == null) {
                return;
            }
            task = null;
            if (Thread.currentThread() == loop.owner) {
                context = null;
                loop.cancelled(queue);
            }
        }
    }
}
