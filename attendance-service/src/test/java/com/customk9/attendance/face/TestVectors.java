package com.customk9.attendance.face;

import java.util.Random;

/** Synthetic embeddings for the index's tests and the benchmark. */
public final class TestVectors {

    private TestVectors() {
    }

    /** A random unit vector (uniform on the sphere). */
    public static float[] randomUnit(Random random, int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Embeddings.normalised(v);
    }

    /** A unit vector at exactly {@code similarity} to the unit vector {@code target}, the rest of it along {@code other}. */
    public static float[] atSimilarity(float[] target, float[] other, double similarity) {
        double along = Embeddings.cosine(target, other);
        float[] orthogonal = new float[target.length];
        for (int i = 0; i < target.length; i++) {
            orthogonal[i] = (float) (other[i] - along * target[i]);
        }
        orthogonal = Embeddings.normalised(orthogonal);
        double rest = Math.sqrt(1 - similarity * similarity);
        float[] v = new float[target.length];
        for (int i = 0; i < target.length; i++) {
            v[i] = (float) (similarity * target[i] + rest * orthogonal[i]);
        }
        return v;
    }
}
