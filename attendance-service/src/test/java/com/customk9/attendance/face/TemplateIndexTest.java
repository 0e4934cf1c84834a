package com.customk9.attendance.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TemplateIndexTest {

    private static float[] random(Random random) {
        float[] v = new float[512];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Embeddings.normalised(v);
    }

    @Test
    void findsTheSameBestTemplateSequentiallyAndInParallel() {
        Random random = new Random(7);
        TemplateIndex sequential = new TemplateIndex(1);
        TemplateIndex parallel = new TemplateIndex(4);
        float[][] vectors = new float[20_000][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = random(random);
            sequential.add(i, "p" + (i % 1000), vectors[i]);
            parallel.add(i, "p" + (i % 1000), vectors[i]);
        }
        for (int probe : new int[] { 0, 9_999, 12_345, 19_999 }) {
            float[] query = vectors[probe].clone();
            query[3] += 0.05f;
            query = Embeddings.normalised(query);
            assertThat(sequential.best(query).templateId()).isEqualTo(probe);
            assertThat(parallel.best(query).templateId()).isEqualTo(probe);
            assertThat(parallel.best(query).similarity()).isEqualTo(sequential.best(query).similarity());
        }
    }

    @Test
    void removedTemplatesAreNeverMatchedAgain() {
        Random random = new Random(3);
        TemplateIndex index = new TemplateIndex(1);
        float[] anna = random(random);
        float[] ben = random(random);
        index.add(1, "anna", anna);
        index.add(2, "ben", ben);
        assertThat(index.best(anna).personId()).isEqualTo("anna");
        assertThat(index.removeIf((template, person) -> person.equals("anna"))).isEqualTo(1);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.best(anna).personId()).isEqualTo("ben");
        index.clear();
        assertThat(index.best(anna)).isNull();
    }
}
