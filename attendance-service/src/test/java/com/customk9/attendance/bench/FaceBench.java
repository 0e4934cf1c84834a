package com.customk9.attendance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import com.customk9.attendance.face.Embeddings;
import com.customk9.attendance.face.FaceAssets;
import com.customk9.attendance.face.FacePipeline;
import com.customk9.attendance.face.TemplateIndex;
import com.customk9.attendance.face.TestVectors;

/**
 * Not a test (the name keeps it out of the default run): {@code bench/attendance/run}. Accuracy of the
 * face pipeline on real labelled photos, the operating threshold chosen from the data, latency per
 * 640 px frame on one core, and 1:N matching time. Writes its section of bench/RESULTS.md.
 */
class FaceBench {

    private static final double MARGIN = 0.05;

    private record Photo(String person, float[] embedding) {
    }

    @Test
    void measure() throws IOException {
        FacePipeline pipeline = FaceAssets.pipeline();
        Core.setNumThreads(1);
        Map<String, List<Path>> johns = FaceAssets.johns();

        List<Photo> photos = new ArrayList<>();
        int undetected = 0;
        for (var person : johns.entrySet()) {
            for (Path file : person.getValue()) {
                List<FacePipeline.Face> faces = pipeline.faces(FaceAssets.onCanvas(file));
                FacePipeline.Face face = faces.stream().filter(f -> f.embedding() != null).findFirst().orElse(null);
                if (face == null) {
                    undetected++;
                    photos.add(new Photo(person.getKey(), null));
                } else {
                    photos.add(new Photo(person.getKey(), face.embedding()));
                }
            }
        }

        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                if (photos.get(i).embedding() == null || photos.get(j).embedding() == null) {
                    continue;
                }
                double s = Embeddings.cosine(photos.get(i).embedding(), photos.get(j).embedding());
                (photos.get(i).person().equals(photos.get(j).person()) ? genuine : impostor).add(s);
            }
        }

        List<float[]> strangers = strangers(pipeline);
        double strangerMax = -1;
        List<Double> strangerBest = new ArrayList<>();
        for (float[] stranger : strangers) {
            double best = -1;
            for (Photo photo : photos) {
                if (photo.embedding() != null) {
                    best = Math.max(best, Embeddings.cosine(stranger, photo.embedding()));
                }
            }
            strangerBest.add(best);
            strangerMax = Math.max(strangerMax, best);
        }

        double impostorMax = impostor.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double threshold = Math.ceil((Math.max(impostorMax, strangerMax) + MARGIN) * 20) / 20;
        double[] eer = equalErrorRate(genuine, impostor);

        // One-photo enrolment: enrol photo k of every person, identify every other photo; k = 0..10.
        int identified = 0;
        int rank1 = 0;
        int attempts = 0;
        int photosPerPerson = johns.values().iterator().next().size();
        for (int k = 0; k < photosPerPerson; k++) {
            TemplateIndex index = new TemplateIndex(512, 1);
            int id = 0;
            for (int p = 0; p < photos.size(); p++) {
                if (p % photosPerPerson == k && photos.get(p).embedding() != null) {
                    index.add(id++, photos.get(p).person(), photos.get(p).embedding());
                }
            }
            for (int p = 0; p < photos.size(); p++) {
                if (p % photosPerPerson == k) {
                    continue;
                }
                attempts++;
                Photo probe = photos.get(p);
                if (probe.embedding() == null) {
                    continue;
                }
                TemplateIndex.Match match = index.best(probe.embedding());
                if (match != null && match.personId().equals(probe.person())) {
                    rank1++;
                    if (match.similarity() >= threshold) {
                        identified++;
                    }
                }
            }
        }
        long strangersAccepted = strangerBest.stream().filter(s -> s >= threshold).count();

        Latency latency = latency(pipeline, johns);
        Matching matching = matching(photos, photosPerPerson, threshold);

        write(johns.size(), photosPerPerson, undetected, genuine, impostor, strangers.size(), strangerMax, threshold, eer,
                attempts, rank1, identified, strangersAccepted, latency, matching);
    }

    /** dlib's examples/faces boxes (PASCAL VOC photos of people not in johns), each cropped with a margin and enlarged. */
    private static List<float[]> strangers(FacePipeline pipeline) throws IOException {
        List<float[]> embeddings = new ArrayList<>();
        Pattern image = Pattern.compile("<image file='([^']+)'[^>]*>(.*?)</image>", Pattern.DOTALL);
        Pattern box = Pattern.compile("<box top='(-?\\d+)' left='(-?\\d+)' width='(\\d+)' height='(\\d+)'");
        for (String list : List.of("faces/training.xml", "faces/testing.xml")) {
            String xml = Files.readString(FaceAssets.photo(list));
            Matcher images = image.matcher(xml);
            while (images.find()) {
                Mat picture = Imgcodecs.imread(FaceAssets.photo("faces/" + images.group(1)).toString());
                Matcher boxes = box.matcher(images.group(2));
                while (boxes.find()) {
                    int top = Integer.parseInt(boxes.group(1));
                    int left = Integer.parseInt(boxes.group(2));
                    int width = Integer.parseInt(boxes.group(3));
                    int height = Integer.parseInt(boxes.group(4));
                    int margin = width;
                    Rect crop = new Rect(Math.max(0, left - margin), Math.max(0, top - margin), 0, 0);
                    crop.width = Math.min(picture.cols(), left + width + margin) - crop.x;
                    crop.height = Math.min(picture.rows(), top + height + margin) - crop.y;
                    Mat region = new Mat(picture, crop);
                    Mat large = new Mat();
                    Imgproc.resize(region, large, new Size(), 3, 3, Imgproc.INTER_CUBIC);
                    double cx = (left - crop.x + width / 2.0) * 3;
                    double cy = (top - crop.y + height / 2.0) * 3;
                    pipeline.faces(large).stream().filter(f -> f.embedding() != null)
                            .min((a, b) -> Double.compare(distance(a, cx, cy), distance(b, cx, cy)))
                            .ifPresent(f -> embeddings.add(f.embedding()));
                }
            }
        }
        return embeddings;
    }

    private static double distance(FacePipeline.Face face, double cx, double cy) {
        double x = face.box().x() + face.box().width() / 2.0;
        double y = face.box().y() + face.box().height() / 2.0;
        return Math.hypot(x - cx, y - cy);
    }

    private static double[] equalErrorRate(List<Double> genuine, List<Double> impostor) {
        double bestGap = 2;
        double[] best = { 0, 0 };
        for (double t = -1; t <= 1; t += 0.001) {
            double threshold = t;
            double far = impostor.stream().filter(s -> s >= threshold).count() / (double) impostor.size();
            double frr = genuine.stream().filter(s -> s < threshold).count() / (double) genuine.size();
            if (Math.abs(far - frr) < bestGap) {
                bestGap = Math.abs(far - frr);
                best = new double[] { (far + frr) / 2, t };
            }
        }
        return best;
    }

    private record Latency(int frames, double[] detect, double[] align, double[] embed, double[] match, double[] total, int templates) {
    }

    /** One face on a 640x480 frame, a photo per person in turn; match against 1,000 templates. */
    private static Latency latency(FacePipeline pipeline, Map<String, List<Path>> johns) {
        TemplateIndex index = new TemplateIndex(512, 1);
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            index.add(i, "p" + i, randomUnit(random));
        }
        List<Mat> frames = new ArrayList<>();
        for (List<Path> person : johns.values()) {
            for (Path chip : person.subList(0, 4)) {
                Mat face = Imgcodecs.imread(chip.toString());
                Mat frame = new Mat(480, 640, face.type(), new Scalar(120, 130, 125));
                face.copyTo(new Mat(frame, new Rect(250, 120, face.cols(), face.rows())));
                frames.add(frame);
            }
        }
        int warmup = 40;
        int rounds = 300;
        double[][] stages = new double[5][rounds];
        for (int round = -warmup; round < rounds; round++) {
            Mat frame = frames.get(Math.floorMod(round, frames.size()));
            long start = System.nanoTime();
            List<FacePipeline.Face> faces = pipeline.faces(frame);
            long matched = System.nanoTime();
            for (FacePipeline.Face face : faces) {
                if (face.embedding() != null) {
                    index.best(face.embedding());
                }
            }
            long end = System.nanoTime();
            if (round >= 0) {
                FacePipeline.StageTimes times = pipeline.lastTimes();
                stages[0][round] = times.detect() / 1e6;
                stages[1][round] = times.align() / 1e6;
                stages[2][round] = times.embed() / 1e6;
                stages[3][round] = (end - matched) / 1e6;
                stages[4][round] = (end - start) / 1e6;
            }
        }
        return new Latency(rounds, stages[0], stages[1], stages[2], stages[3], stages[4], index.size());
    }

    private record Matching(String timings, String agreement) {
    }

    /**
     * 1:N timing at 1k, 10k and 100k random unit templates, the full scan against {@link TemplateIndex#best}
     * (two stages from 16,384 templates); then how often the two stages answer another template than the full
     * scan at 100k: real probes (one-photo enrolment among 100k other templates), and planted matches at the
     * operating threshold in a gallery whose impostor similarities spread like real faces'.
     */
    private static Matching matching(List<Photo> photos, int photosPerPerson, double threshold) {
        StringBuilder rows = new StringBuilder();
        Random random = new Random(5);
        int cores = Runtime.getRuntime().availableProcessors();
        TemplateIndex largeOne = null;
        for (int size : new int[] { 1_000, 10_000, 100_000 }) {
            TemplateIndex one = new TemplateIndex(512, 1);
            TemplateIndex all = new TemplateIndex(512, cores);
            for (int i = 0; i < size; i++) {
                float[] v = randomUnit(random);
                one.add(i, "p" + i, v);
                all.add(i, "p" + i, v);
            }
            double[] fullOne = time(one::exhaustive, random);
            double[] fullAll = time(all::exhaustive, random);
            double[] bestOne = time(one::best, random);
            double[] bestAll = time(all::best, random);
            rows.append(String.format(Locale.ROOT, "| %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n", size,
                    percentile(fullOne, 0.5), percentile(fullAll, 0.5),
                    percentile(bestOne, 0.5), percentile(bestOne, 0.99), percentile(bestAll, 0.5), percentile(bestAll, 0.99)));
            largeOne = one;
        }

        // Real probes among 100k: enrol photo k of each person next to the random templates, identify the others.
        int probes = 0;
        int disagreements = 0;
        int identified = 0;
        for (int k = 0; k < photosPerPerson; k++) {
            largeOne.removeIf((template, person) -> template < 0);
            long id = -1;
            for (int p = 0; p < photos.size(); p++) {
                if (p % photosPerPerson == k && photos.get(p).embedding() != null) {
                    largeOne.add(id--, photos.get(p).person(), photos.get(p).embedding());
                }
            }
            for (int p = 0; p < photos.size(); p++) {
                Photo probe = photos.get(p);
                if (p % photosPerPerson == k || probe.embedding() == null) {
                    continue;
                }
                probes++;
                TemplateIndex.Match best = largeOne.best(probe.embedding());
                if (best.templateId() != largeOne.exhaustive(probe.embedding()).templateId()) {
                    disagreements++;
                }
                if (best.personId().equals(probe.person()) && best.similarity() >= threshold) {
                    identified++;
                }
            }
        }

        // Planted matches at the threshold in a gallery with real faces' spread of impostor similarities.
        float[][] basis = new float[60][];
        for (int j = 0; j < basis.length; j++) {
            basis[j] = randomUnit(random);
        }
        TemplateIndex spread = new TemplateIndex(512, 1);
        float[][] gallery = new float[100_000][];
        for (int i = 0; i < gallery.length; i++) {
            gallery[i] = lowRank(random, basis);
            spread.add(i, "p" + i, gallery[i]);
        }
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 5_000; i++) {
            double s = Embeddings.cosine(gallery[random.nextInt(gallery.length)], gallery[random.nextInt(gallery.length)]);
            sum += s;
            squares += s * s;
        }
        double sd = Math.sqrt(squares / 5_000 - (sum / 5_000) * (sum / 5_000));
        int planted = 2_000;
        int plantedDisagreements = 0;
        for (int q = 0; q < planted; q++) {
            float[] query = TestVectors.atSimilarity(gallery[random.nextInt(gallery.length)], lowRank(random, basis), threshold);
            if (spread.best(query).templateId() != spread.exhaustive(query).templateId()) {
                plantedDisagreements++;
            }
        }
        String agreement = String.join("\n",
                String.format(Locale.ROOT, "| real probes: one-photo enrolment of johns among 100,000 random templates (%d probes) | %d | %.1f %% identified at the threshold |",
                        probes, disagreements, 100.0 * identified / probes),
                String.format(Locale.ROOT, "| planted at similarity %.2f (the threshold) to one of 100,000 templates whose pairwise similarities have sd %.3f, as real impostors' (%d queries) | %d | |",
                        threshold, sd, planted, plantedDisagreements));
        return new Matching(rows.toString().stripTrailing(), agreement);
    }

    private static double[] time(java.util.function.Function<float[], TemplateIndex.Match> search, Random random) {
        int warmup = 20;
        int rounds = 100;
        double[] millis = new double[rounds];
        for (int round = -warmup; round < rounds; round++) {
            float[] query = randomUnit(random);
            long start = System.nanoTime();
            search.apply(query);
            if (round >= 0) {
                millis[round] = (System.nanoTime() - start) / 1e6;
            }
        }
        return millis;
    }

    /** A unit vector mostly in the span of {@code basis}: pairwise similarities spread by about 1/sqrt(basis size). */
    private static float[] lowRank(Random random, float[][] basis) {
        float[] v = new float[512];
        for (float[] direction : basis) {
            float weight = (float) random.nextGaussian();
            for (int i = 0; i < v.length; i++) {
                v[i] += weight * direction[i];
            }
        }
        double noise = 0.3 * Math.sqrt(basis.length / 512.0);
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (noise * random.nextGaussian());
        }
        return Embeddings.normalised(v);
    }

    private static float[] randomUnit(Random random) {
        return TestVectors.randomUnit(random, 512);
    }

    private void write(int persons, int perPerson, int undetected, List<Double> genuine, List<Double> impostor,
            int strangers, double strangerMax, double threshold, double[] eer, int attempts, int rank1, int identified,
            long strangersAccepted, Latency latency, Matching matching) throws IOException {
        String section = String.join("\n",
                "<!-- attendance:start -->",
                "## attendance-service: face recognition accuracy and speed",
                "",
                "Reproduce: `bench/attendance/run` (fetches the models and photos first, as the tests do).",
                "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + ", OpenCV " + Core.VERSION + " (org.openpnp), one run."
                        + " Models: `fr_detect.onnx` (detector), `fr_landmark.onnx` (68 landmarks), `fr_feature.onnx`"
                        + " (512-d embedding), from npm `faceplugin-face-recognition-js@0.0.1`.",
                "Photos: dlib's `examples/johns` (" + persons + " people x " + perPerson + " photos, 150x150 chips, each"
                        + " placed on a plain canvas twice its size), and as strangers the " + strangers + " boxed faces of"
                        + " dlib's `examples/faces` that the pipeline could embed (each cropped with a margin and enlarged 3x;"
                        + " all are people outside johns). Photos without an embeddable face: " + undetected + ".",
                "",
                "**Accuracy**",
                "",
                "| measure | value |",
                "|---|---|",
                String.format(Locale.ROOT, "| genuine pairs (same person): cosine similarity | %s |", stats(genuine)),
                String.format(Locale.ROOT, "| impostor pairs (two people of johns): cosine similarity | %s |", stats(impostor)),
                String.format(Locale.ROOT, "| strangers: best similarity to any enrolled photo | max %.3f |", strangerMax),
                String.format(Locale.ROOT, "| equal error rate (genuine vs impostor pairs) | %.2f %% at %.3f |", eer[0] * 100, eer[1]),
                String.format(Locale.ROOT, "| operating threshold (highest impostor or stranger similarity + %.2f, rounded up to 0.05) | **%.2f** |",
                        MARGIN, threshold),
                String.format(Locale.ROOT, "| rank-1 identification, one enrolled photo per person (%d probes: every photo, each of the %d enrolment choices) | %.1f %% |",
                        attempts, perPerson, 100.0 * rank1 / attempts),
                String.format(Locale.ROOT, "| one-photo enrolment accuracy (right person and similarity at or above the threshold) | **%.1f %%** |",
                        100.0 * identified / attempts),
                String.format(Locale.ROOT, "| strangers accepted at the threshold (false accepts) | **%d of %d** |", strangersAccepted, strangers),
                "",
                "Similarity histogram (share of pairs per bucket):",
                "",
                "| cosine | genuine | impostor |",
                "|---|---|---|",
                histogram(genuine, impostor),
                "",
                String.format(Locale.ROOT, "**Latency per 640x480 frame with one face**, one core (`Core.setNumThreads(1)`), %d frames"
                        + " after 40 warm-up frames, matching against %,d templates:", latency.frames(), latency.templates()),
                "",
                "| stage | p50 | p99 |",
                "|---|---|---|",
                row("detect", latency.detect()),
                row("align (68 landmarks + warp)", latency.align()),
                row("embed", latency.embed()),
                row("match (1:1,000)", latency.match()),
                row("**total**", latency.total()),
                "",
                "**1:N matching**, random unit templates, 100 queries after 20 warm-up each. Full scan: cosine with every"
                        + " template (512 floats each). Index: what the service runs, the full scan below 16,384 templates,"
                        + " beyond that two stages (1024-bit sign codes compared by Hamming distance, then the exact cosine of"
                        + " the closest 5 %, see `TemplateIndex`):",
                "",
                "| templates | full scan, one thread p50 | full scan, all " + Runtime.getRuntime().availableProcessors()
                        + " cores p50 | index, one thread p50 | p99 | index, all " + Runtime.getRuntime().availableProcessors()
                        + " cores p50 | p99 |",
                "|---|---|---|---|---|---|---|",
                matching.timings(),
                "",
                "Does the index answer the full scan's best template? (the two stages decide on exact similarities, so a"
                        + " disagreement can only lose a match, never accept a stranger)",
                "",
                "| queries | answers differing from the full scan | |",
                "|---|---|---|",
                matching.agreement(),
                "<!-- attendance:end -->",
                "");
        Path results = Path.of(System.getProperty("bench.results", "../bench/RESULTS.md"));
        String existing = Files.exists(results) ? Files.readString(results) : "# Benchmarks\n\n";
        int start = existing.indexOf("<!-- attendance:start -->");
        int end = existing.indexOf("<!-- attendance:end -->");
        String updated = start >= 0 && end > start
                ? existing.substring(0, start) + section + existing.substring(end + "<!-- attendance:end -->\n".length())
                : existing + (existing.endsWith("\n\n") ? "" : "\n") + section;
        Files.writeString(results, updated);
        System.out.println(section);
    }

    private static String stats(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(v).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        return String.format(Locale.ROOT, "%d pairs: mean %.3f, sd %.3f, min %.3f, p5 %.3f, p95 %.3f, max %.3f", v.length,
                mean, sd, v[0], percentile(v, 0.05), percentile(v, 0.95), v[v.length - 1]);
    }

    private static String histogram(List<Double> genuine, List<Double> impostor) {
        List<String> rows = new ArrayList<>();
        for (int bucket = -2; bucket < 10; bucket++) {
            double low = bucket / 10.0;
            double high = low + 0.1;
            long g = genuine.stream().filter(s -> s >= low && s < high).count();
            long i = impostor.stream().filter(s -> s >= low && s < high).count();
            if (g + i > 0) {
                rows.add(String.format(Locale.ROOT, "| %.1f to %.1f | %.1f %% | %.1f %% |", low, high,
                        100.0 * g / genuine.size(), 100.0 * i / impostor.size()));
            }
        }
        return String.join("\n", rows);
    }

    private static String row(String what, double[] millis) {
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms |", what, percentile(millis, 0.5), percentile(millis, 0.99));
    }

    private static double percentile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
