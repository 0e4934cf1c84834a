package com.customk9.attendance.face;

import java.util.Random;

/**
 * A short binary code per embedding whose Hamming distances estimate angles (sign random projections,
 * "SimHash"): the embedding is rotated at random and each bit is the sign of one coordinate. For two
 * unit vectors at angle θ, each bit differs with probability θ/π, so the share of differing bits
 * estimates the angle, and the cosine with it, at 1/64 of the memory of the floats.
 * <p>
 * The random rotation is a structured one, two rounds of random sign flips each followed by a
 * Walsh-Hadamard transform ({@code O(d log d)}, not a dense {@code d x d} product), so that coding
 * 100k templates at start takes about a second. Several independent rotations give more bits than the
 * embedding has dimensions: a 512-d embedding gets 1024 bits (16 longs), a 128-d one 1024 too.
 * <p>
 * The seed is fixed: codes are computed in memory from the stored embeddings and never persisted, but a
 * fixed seed keeps runs repeatable. Thread-safe (immutable).
 */
final class SignSketch {

    /** Bits per code at least; more for embeddings of more than 1024 dimensions (one block each). */
    static final int TARGET_BITS = 1024;
    private static final long SEED = 0x5EEDFACEL;

    private final int dimensions;
    private final int padded;
    private final int blocks;
    private final int words;
    /** Per block: the two rounds' signs (+1/-1), each {@code padded} long. */
    private final float[][] firstSigns;
    private final float[][] secondSigns;

    SignSketch(int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("An embedding has at least one dimension");
        }
        this.dimensions = dimensions;
        // The transform works on a power of two: shorter embeddings are padded with zeros.
        this.padded = Math.max(64, Integer.bitCount(dimensions) == 1 ? dimensions : Integer.highestOneBit(dimensions) << 1);
        this.blocks = Math.max(1, (TARGET_BITS + padded - 1) / padded);
        this.words = blocks * padded / 64;
        Random random = new Random(SEED);
        this.firstSigns = new float[blocks][];
        this.secondSigns = new float[blocks][];
        for (int b = 0; b < blocks; b++) {
            firstSigns[b] = signs(random, padded);
            secondSigns[b] = signs(random, padded);
        }
    }

    /** Longs per code. */
    int words() {
        return words;
    }

    int bits() {
        return words * 64;
    }

    /** Writes the code of {@code embedding} into {@code codes} from {@code offset} ({@link #words()} longs). */
    void code(float[] embedding, long[] codes, int offset) {
        if (embedding.length != dimensions) {
            throw new IllegalArgumentException("An embedding here has " + dimensions + " values, not " + embedding.length);
        }
        float[] work = new float[padded];
        int bit = 0;
        for (int b = 0; b < blocks; b++) {
            java.util.Arrays.fill(work, 0f);
            for (int i = 0; i < dimensions; i++) {
                work[i] = embedding[i] * firstSigns[b][i];
            }
            hadamard(work);
            for (int i = 0; i < padded; i++) {
                work[i] *= secondSigns[b][i];
            }
            hadamard(work);
            for (int i = 0; i < padded; i++, bit++) {
                if (work[i] > 0) {
                    codes[offset + (bit >>> 6)] |= 1L << (bit & 63);
                } else {
                    codes[offset + (bit >>> 6)] &= ~(1L << (bit & 63));
                }
            }
        }
    }

    long[] code(float[] embedding) {
        long[] code = new long[words];
        code(embedding, code, 0);
        return code;
    }

    /** In-place unnormalised fast Walsh-Hadamard transform (length a power of two); signs are all we keep. */
    static void hadamard(float[] v) {
        for (int half = 1; half < v.length; half <<= 1) {
            for (int start = 0; start < v.length; start += half << 1) {
                for (int i = start; i < start + half; i++) {
                    float a = v[i];
                    float b = v[i + half];
                    v[i] = a + b;
                    v[i + half] = a - b;
                }
            }
        }
    }

    private static float[] signs(Random random, int length) {
        float[] signs = new float[length];
        for (int i = 0; i < length; i++) {
            signs[i] = random.nextBoolean() ? 1f : -1f;
        }
        return signs;
    }
}
