package com.customk9.attendance.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TemplateIndexTest {

    private static float[] random(Random random) {
        return TestVectors.randomUnit(random, 512);
    }

    private static float[] random(Random random, int dimensions) {
        return TestVectors.randomUnit(random, dimensions);
    }

    @Test
    void findsTheSameBestTemplateSequentiallyAndInParallel() {
        Random random = new Random(7);
        TemplateIndex sequential = new TemplateIndex(512, 1);
        TemplateIndex parallel = new TemplateIndex(512, 4);
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
        TemplateIndex index = new TemplateIndex(512, 1);
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

    @Test
    void twoStagesAnswerWhatTheFullScanAnswers() {
        Random random = new Random(11);
        TemplateIndex index = new TemplateIndex(512, 2);
        float[][] vectors = new float[TemplateIndex.EXHAUSTIVE_BELOW * 2][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = random(random);
            index.add(i, "p" + i, vectors[i]);
        }
        for (int q = 0; q < 200; q++) {
            int target = random.nextInt(vectors.length);
            // 0.35 to the target: below any sensible threshold, the hardest case for the first stage.
            float[] query = TestVectors.atSimilarity(vectors[target], random(random), 0.35);
            TemplateIndex.Match best = index.best(query);
            TemplateIndex.Match exhaustive = index.exhaustive(query);
            assertThat(best.templateId()).isEqualTo(exhaustive.templateId()).isEqualTo(target);
            assertThat(best.similarity()).isEqualTo(exhaustive.similarity());
        }
        // A query unlike every template still gets the most similar one, with its exact similarity.
        float[] stranger = random(random);
        assertThat(index.best(stranger).similarity()).isLessThan(0.3f).isEqualTo(index.exhaustive(stranger).similarity());
    }

    @Test
    void hammingDistancesOfSignCodesEstimateTheAngle() {
        Random random = new Random(5);
        SignSketch sketch = new SignSketch(512);
        assertThat(sketch.bits()).isEqualTo(1024);
        for (double cosine : new double[] { 0.9, 0.5, 0.0 }) {
            double share = 0;
            int pairs = 200;
            for (int i = 0; i < pairs; i++) {
                float[] a = random(random);
                long[] x = sketch.code(a);
                long[] y = sketch.code(TestVectors.atSimilarity(a, random(random), cosine));
                int differing = 0;
                for (int w = 0; w < x.length; w++) {
                    differing += Long.bitCount(x[w] ^ y[w]);
                }
                share += differing / (double) sketch.bits() / pairs;
            }
            assertThat(share).isCloseTo(Math.acos(cosine) / Math.PI, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void embeddingsOfOtherLengthsWork() {
        Random random = new Random(1);
        TemplateIndex sface = new TemplateIndex(128, 1);
        float[][] vectors = new float[TemplateIndex.EXHAUSTIVE_BELOW + 100][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = random(random, 128);
            sface.add(i, "p" + i, vectors[i]);
        }
        float[] query = TestVectors.atSimilarity(vectors[77], random(random, 128), 0.8);
        assertThat(sface.best(query).templateId()).isEqualTo(77);
        assertThat(new SignSketch(128).bits()).isEqualTo(1024);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sface.add(1, "x", random(random)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sface.best(random(random)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TemplateIndex(100, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
