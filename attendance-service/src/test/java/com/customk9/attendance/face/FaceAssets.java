package com.customk9.attendance.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The models and labelled photos that deploy/local/face-assets fetched (the test command does it
 * first), found through the system property the module's pom sets.
 */
public final class FaceAssets {

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    private FaceAssets() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("customk9.attendance.face.assets",
                System.getProperty("user.home") + "/.cache/customk9/face-assets-1"));
        if (!Files.isRegularFile(root.resolve("complete"))) {
            throw new IllegalStateException("No face models and photos in " + root + ": run deploy/local/face-assets");
        }
        return root;
    }

    public static FaceModels models() {
        return FaceModels.in(root().resolve("models"));
    }

    public static FacePipeline pipeline() {
        return new FacePipeline(models(), 0.8f, 40);
    }

    /** dlib's examples/johns: 5 people, 11 aligned 150x150 photos each, by person, in a stable order. */
    public static Map<String, List<Path>> johns() {
        Map<String, List<Path>> byPerson = new TreeMap<>();
        try (Stream<Path> people = Files.list(root().resolve("photos/johns"))) {
            for (Path person : people.sorted().toList()) {
                try (Stream<Path> photos = Files.list(person)) {
                    byPerson.put(person.getFileName().toString(), photos.sorted().toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPerson;
    }

    public static Path photo(String relative) {
        return root().resolve("photos").resolve(relative);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 150x150 face chip on a larger plain canvas (a passport-style photo): the detector is trained on
     * scenes, not on crops that end at the chin.
     */
    public static Mat onCanvas(Path chip) {
        Mat face = Imgcodecs.imread(chip.toString());
        Mat canvas = new Mat();
        int margin = face.cols() / 2;
        Core.copyMakeBorder(face, canvas, margin, margin, margin, margin, Core.BORDER_CONSTANT, new Scalar(200, 200, 200));
        face.release();
        return canvas;
    }

    public static byte[] jpeg(Mat image) {
        MatOfByte buffer = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, buffer);
        return buffer.toArray();
    }
}
