package com.customk9.attendance.face;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every enrolled face template in one contiguous float array (512 per template, unit length), for 1:N
 * matching by cosine similarity. A scan reads the whole array, so its time is bound by memory speed:
 * 100k templates are 205 MB. Large indexes are scanned in parallel slices (one per core); the inner
 * loop keeps eight partial sums so that the JIT can pipeline it. Readers share a lock; adding or
 * removing templates takes it exclusively.
 */
public final class TemplateIndex {

    /** The best template for a query: whose it is and how similar (cosine, -1..1). */
    public record Match(long templateId, String personId, float similarity) {
    }

    private static final int DIMENSIONS = FaceEmbedder.DIMENSIONS;
    private static final int PARALLEL_FROM = 8_192;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ForkJoinPool pool;
    private float[] vectors = new float[DIMENSIONS * 64];
    private long[] templateIds = new long[64];
    private String[] personIds = new String[64];
    private int size;

    public TemplateIndex(int parallelism) {
        this.pool = parallelism > 1 ? new ForkJoinPool(parallelism) : null;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    public void add(long templateId, String personId, float[] embedding) {
        if (embedding.length != DIMENSIONS) {
            throw new IllegalArgumentException("A template has " + DIMENSIONS + " values, not " + embedding.length);
        }
        lock.writeLock().lock();
        try {
            if (size == templateIds.length) {
                int capacity = size * 2;
                vectors = Arrays.copyOf(vectors, capacity * DIMENSIONS);
                templateIds = Arrays.copyOf(templateIds, capacity);
                personIds = Arrays.copyOf(personIds, capacity);
            }
            System.arraycopy(embedding, 0, vectors, size * DIMENSIONS, DIMENSIONS);
            templateIds[size] = templateId;
            personIds[size] = personId;
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the templates the predicate names (by moving the last ones into their places). */
    public int removeIf(java.util.function.BiPredicate<Long, String> remove) {
        lock.writeLock().lock();
        try {
            int removed = 0;
            for (int i = size - 1; i >= 0; i--) {
                if (remove.test(templateIds[i], personIds[i])) {
                    int last = size - 1;
                    System.arraycopy(vectors, last * DIMENSIONS, vectors, i * DIMENSIONS, DIMENSIONS);
                    templateIds[i] = templateIds[last];
                    personIds[i] = personIds[last];
                    personIds[last] = null;
                    size--;
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void clear() {
        removeIf((template, person) -> true);
    }

    /** The most similar template, or null when the index is empty. */
    public Match best(float[] query) {
        lock.readLock().lock();
        try {
            if (size == 0) {
                return null;
            }
            long packed = pool != null && size >= PARALLEL_FROM
                    ? pool.invoke(new Scan(vectors, query, 0, size, Math.max(PARALLEL_FROM / 2, size / pool.getParallelism() + 1)))
                    : scan(vectors, query, 0, size);
            int index = (int) (packed & 0xFFFFFFFFL);
            return new Match(templateIds[index], personIds[index], Float.intBitsToFloat((int) (packed >>> 32)));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The best template of each person among the {@code limit} most similar persons, best first. */
    public List<Match> bestPerPerson(float[] query, int limit) {
        lock.readLock().lock();
        try {
            java.util.Map<String, Match> best = new java.util.HashMap<>();
            for (int i = 0; i < size; i++) {
                float similarity = dot(vectors, i * DIMENSIONS, query);
                Match current = best.get(personIds[i]);
                if (current == null || similarity > current.similarity()) {
                    best.put(personIds[i], new Match(templateIds[i], personIds[i], similarity));
                }
            }
            List<Match> sorted = new ArrayList<>(best.values());
            sorted.sort((a, b) -> Float.compare(b.similarity(), a.similarity()));
            return sorted.subList(0, Math.min(limit, sorted.size()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The best similarity in the high 32 bits (float bits, order-preserving for what we compare), index low. */
    private static long scan(float[] vectors, float[] query, int from, int to) {
        float best = Float.NEGATIVE_INFINITY;
        int bestIndex = from;
        for (int i = from; i < to; i++) {
            float similarity = dot(vectors, i * DIMENSIONS, query);
            if (similarity > best) {
                best = similarity;
                bestIndex = i;
            }
        }
        return ((long) Float.floatToIntBits(best) << 32) | bestIndex;
    }

    private static float better(long a, long b) {
        return Float.intBitsToFloat((int) (a >>> 32)) - Float.intBitsToFloat((int) (b >>> 32));
    }

    static float dot(float[] m, int offset, float[] q) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int i = 0; i < DIMENSIONS; i += 8) {
            int o = offset + i;
            s0 += m[o] * q[i];
            s1 += m[o + 1] * q[i + 1];
            s2 += m[o + 2] * q[i + 2];
            s3 += m[o + 3] * q[i + 3];
            s4 += m[o + 4] * q[i + 4];
            s5 += m[o + 5] * q[i + 5];
            s6 += m[o + 6] * q[i + 6];
            s7 += m[o + 7] * q[i + 7];
        }
        return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
    }

    private static final class Scan extends RecursiveTask<Long> {
        private final float[] vectors;
        private final float[] query;
        private final int from;
        private final int to;
        private final int slice;

        Scan(float[] vectors, float[] query, int from, int to, int slice) {
            this.vectors = vectors;
            this.query = query;
            this.from = from;
            this.to = to;
            this.slice = slice;
        }

        @Override
        protected Long compute() {
            if (to - from <= slice) {
                return scan(vectors, query, from, to);
            }
            int middle = (from + to) >>> 1;
            Scan left = new Scan(vectors, query, from, middle, slice);
            left.fork();
            long right = new Scan(vectors, query, middle, to, slice).compute();
            long leftBest = left.join();
            return better(leftBest, right) >= 0 ? leftBest : right;
        }
    }
}
