package com.customk9.attendance.face;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

/**
 * Every enrolled face template, for 1:N matching by cosine similarity (templates and queries are unit
 * length, so a dot product is the cosine).
 * <p>
 * Up to {@value #EXHAUSTIVE_BELOW} templates a query is compared with every template: exact, and fast
 * enough (about 1.6 ms for 10k). Beyond that a full scan is bound by memory speed (100k templates of 512
 * floats are 205 MB, about 20 ms on one core), so the search goes in two stages:
 * <ol>
 * <li>each template also has a 1024-bit {@link SignSketch} code (128 bytes, 13 MB for 100k); the query's
 * code is compared with all of them by Hamming distance (XOR and popcount), which estimates the angle;</li>
 * <li>the templates with the smallest distances, at least {@value #MIN_CANDIDATES} and
 * {@value #CANDIDATE_PERCENT} % of the index (all those tied at the cut-off too), are compared exactly, and
 * the best of them is the answer, with its exact similarity.</li>
 * </ol>
 * The second stage decides on exact similarities, so a stranger is never accepted because of the
 * estimate: the only way it can differ from the full scan is by missing a match whose code happens to fall
 * outside the candidates, which turns that match into "unknown". With 5 % candidates that needs a genuine
 * face whose code looks less alike than 95 % of the index; bench/attendance measures how often the two
 * stages disagree with the full scan ({@link #exhaustive}) on planted matches at the operating threshold.
 * <p>
 * Large scans run in parallel slices (one per core). Readers share a lock; adding or removing templates
 * takes it exclusively.
 */
public final class TemplateIndex {

    /** The best template for a query: whose it is and how similar (cosine, -1..1). */
    public record Match(long templateId, String personId, float similarity) {
    }

    static final int EXHAUSTIVE_BELOW = 16_384;
    static final int MIN_CANDIDATES = 1_024;
    static final int CANDIDATE_PERCENT = 5;
    private static final int SLICE = 8_192;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final int dimensions;
    private final SignSketch sketch;
    private final int words;
    private final ForkJoinPool pool;
    private float[] vectors;
    private long[] codes;
    private long[] templateIds = new long[64];
    private String[] personIds = new String[64];
    private int size;

    /**
     * @param dimensions the embedding's length (a multiple of 8)
     * @param parallelism threads for large scans (1: the caller's thread only)
     */
    public TemplateIndex(int dimensions, int parallelism) {
        if (dimensions < 8 || dimensions % 8 != 0) {
            throw new IllegalArgumentException("Embeddings of " + dimensions + " values are not supported (a multiple of 8)");
        }
        this.dimensions = dimensions;
        this.sketch = new SignSketch(dimensions);
        this.words = sketch.words();
        this.vectors = new float[dimensions * 64];
        this.codes = new long[words * 64];
        this.pool = parallelism > 1 ? new ForkJoinPool(parallelism) : null;
    }

    public int dimensions() {
        return dimensions;
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
        if (embedding.length != dimensions) {
            throw new IllegalArgumentException("A template here has " + dimensions + " values, not " + embedding.length);
        }
        long[] code = sketch.code(embedding);
        lock.writeLock().lock();
        try {
            if (size == templateIds.length) {
                int capacity = size * 2;
                vectors = Arrays.copyOf(vectors, capacity * dimensions);
                codes = Arrays.copyOf(codes, capacity * words);
                templateIds = Arrays.copyOf(templateIds, capacity);
                personIds = Arrays.copyOf(personIds, capacity);
            }
            System.arraycopy(embedding, 0, vectors, size * dimensions, dimensions);
            System.arraycopy(code, 0, codes, size * words, words);
            templateIds[size] = templateId;
            personIds[size] = personId;
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the templates the predicate names (by moving the last ones into their places). */
    public int removeIf(BiPredicate<Long, String> remove) {
        lock.writeLock().lock();
        try {
            int removed = 0;
            for (int i = size - 1; i >= 0; i--) {
                if (remove.test(templateIds[i], personIds[i])) {
                    int last = size - 1;
                    System.arraycopy(vectors, last * dimensions, vectors, i * dimensions, dimensions);
                    System.arraycopy(codes, last * words, codes, i * words, words);
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

    /** The most similar template (two stages beyond {@value #EXHAUSTIVE_BELOW} templates), or null when empty. */
    public Match best(float[] query) {
        checkQuery(query);
        lock.readLock().lock();
        try {
            if (size == 0) {
                return null;
            }
            return size < EXHAUSTIVE_BELOW ? match(scanAll(query)) : match(twoStages(query));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The most similar template by comparing the query with every one: the reference for {@link #best}. */
    public Match exhaustive(float[] query) {
        checkQuery(query);
        lock.readLock().lock();
        try {
            return size == 0 ? null : match(scanAll(query));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The best template of each person among the {@code limit} most similar persons, best first (exact). */
    public List<Match> bestPerPerson(float[] query, int limit) {
        checkQuery(query);
        lock.readLock().lock();
        try {
            Map<String, Match> best = new HashMap<>();
            for (int i = 0; i < size; i++) {
                float similarity = dot(vectors, i * dimensions, query, dimensions);
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

    private void checkQuery(float[] query) {
        if (query.length != dimensions) {
            throw new IllegalArgumentException("A query here has " + dimensions + " values, not " + query.length);
        }
    }

    private Match match(long packed) {
        int index = (int) (packed & 0xFFFFFFFFL);
        return new Match(templateIds[index], personIds[index], Float.intBitsToFloat((int) (packed >>> 32)));
    }

    private long scanAll(float[] query) {
        if (pool == null || size < 2 * SLICE) {
            return scan(query, 0, size);
        }
        return inParallel(slice -> scan(query, slice[0], slice[1]));
    }

    /** The best similarity in the high 32 bits, index low. */
    private long scan(float[] query, int from, int to) {
        float best = Float.NEGATIVE_INFINITY;
        int bestIndex = from;
        for (int i = from; i < to; i++) {
            float similarity = dot(vectors, i * dimensions, query, dimensions);
            if (similarity > best) {
                best = similarity;
                bestIndex = i;
            }
        }
        return pack(best, bestIndex);
    }

    private long twoStages(float[] query) {
        long[] queryCode = sketch.code(query);
        int bits = sketch.bits();
        short[] distances = new short[size];
        int[] histogram;
        if (pool == null) {
            histogram = distances(queryCode, distances, 0, size, new int[bits + 1]);
        } else {
            List<int[]> parts = pool.submit(() -> slices().parallel()
                    .mapToObj(slice -> distances(queryCode, distances, slice * SLICE, Math.min(size, (slice + 1) * SLICE), new int[bits + 1]))
                    .toList()).join();
            histogram = new int[bits + 1];
            for (int[] part : parts) {
                for (int d = 0; d <= bits; d++) {
                    histogram[d] += part[d];
                }
            }
        }
        int wanted = Math.max(MIN_CANDIDATES, (int) ((long) size * CANDIDATE_PERCENT / 100));
        int cutoff = 0;
        for (int seen = histogram[0]; seen < wanted && cutoff < bits; seen += histogram[++cutoff]) {
            // Widens the cut-off until enough templates are within it.
        }
        short limit = (short) cutoff;
        if (pool == null) {
            return rerank(query, distances, limit, 0, size);
        }
        return inParallel(slice -> rerank(query, distances, limit, slice[0], slice[1]));
    }

    private int[] distances(long[] queryCode, short[] distances, int from, int to, int[] histogram) {
        long[] all = codes;
        for (int i = from; i < to; i++) {
            int offset = i * words;
            int distance = 0;
            for (int w = 0; w < words; w++) {
                distance += Long.bitCount(all[offset + w] ^ queryCode[w]);
            }
            distances[i] = (short) distance;
            histogram[distance]++;
        }
        return histogram;
    }

    private long rerank(float[] query, short[] distances, short limit, int from, int to) {
        float best = Float.NEGATIVE_INFINITY;
        int bestIndex = -1;
        for (int i = from; i < to; i++) {
            if (distances[i] <= limit) {
                float similarity = dot(vectors, i * dimensions, query, dimensions);
                if (similarity > best) {
                    best = similarity;
                    bestIndex = i;
                }
            }
        }
        return bestIndex < 0 ? Long.MIN_VALUE : pack(best, bestIndex);
    }

    private IntStream slices() {
        return IntStream.range(0, (size + SLICE - 1) / SLICE);
    }

    /** Runs {@code work} on slices of the index in the pool; the best packed result (higher similarity) wins. */
    private long inParallel(java.util.function.ToLongFunction<int[]> work) {
        return pool.submit(() -> slices().parallel()
                .mapToLong(slice -> work.applyAsLong(new int[] { slice * SLICE, Math.min(size, (slice + 1) * SLICE) }))
                .filter(packed -> packed != Long.MIN_VALUE)
                .reduce(Long.MIN_VALUE, TemplateIndex::better)).join();
    }

    private static long better(long a, long b) {
        if (a == Long.MIN_VALUE) {
            return b;
        }
        if (b == Long.MIN_VALUE) {
            return a;
        }
        float left = Float.intBitsToFloat((int) (a >>> 32));
        float right = Float.intBitsToFloat((int) (b >>> 32));
        // Ties go to the lower index, as in a sequential scan.
        return left > right || (left == right && (int) a < (int) b) ? a : b;
    }

    private static long pack(float similarity, int index) {
        return ((long) Float.floatToIntBits(similarity) << 32) | (index & 0xFFFFFFFFL);
    }

    static float dot(float[] m, int offset, float[] q, int dimensions) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int i = 0; i < dimensions; i += 8) {
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
}
