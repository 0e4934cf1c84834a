package com.customk9.attendance.face;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which detector and recogniser the pipeline runs, and their files: by default the three networks
 * deploy/local/face-assets fetches (RFB-320 detector, 68-point landmarks, 512-d ArcFace-style embedding), or
 * OpenCV's YuNet and SFace files that an operator brings (no package registry serves them). Files are named
 * in the configuration, relative to the models directory or absolute; each kind has a default name.
 *
 * @param landmarksFile the 68-point landmark network, only for a detector without landmarks (else null)
 */
public record FaceModels(Detector detector, Path detectorFile, Path landmarksFile, Recognizer recognizer, Path recognizerFile) {

    /** Detectors: their configuration name and default file. */
    public enum Detector {
        RFB320("rfb320", "fr_detect.onnx", true),
        YUNET("yunet", "face_detection_yunet_2023mar.onnx", false);

        private final String configName;
        private final String defaultFile;
        private final boolean needsLandmarks;

        Detector(String configName, String defaultFile, boolean needsLandmarks) {
            this.configName = configName;
            this.defaultFile = defaultFile;
            this.needsLandmarks = needsLandmarks;
        }

        public String configName() {
            return configName;
        }

        static Detector named(String name) {
            return kind(values(), Detector::configName, "detector", name);
        }
    }

    /** Recognisers (embedders): their configuration name and default file. */
    public enum Recognizer {
        ARCFACE("arcface", "fr_feature.onnx"),
        SFACE("sface", "face_recognition_sface_2021dec.onnx");

        private final String configName;
        private final String defaultFile;

        Recognizer(String configName, String defaultFile) {
            this.configName = configName;
            this.defaultFile = defaultFile;
        }

        public String configName() {
            return configName;
        }

        static Recognizer named(String name) {
            return kind(values(), Recognizer::configName, "recognizer", name);
        }
    }

    static final String LANDMARKS_FILE = "fr_landmark.onnx";

    /** The kind a setting names (case and surrounding blanks aside), or an error listing the choices. */
    private static <K> K kind(K[] kinds, Function<K, String> configName, String setting, String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(kinds).filter(kind -> configName.apply(kind).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("customk9.attendance.face." + setting + " is " + name + ", not one of "
                        + Arrays.stream(kinds).map(configName).collect(Collectors.joining(", "))));
    }

    /** The default pipeline's files in one directory. */
    public static FaceModels in(Path directory) {
        return configured(Optional.of(directory), "rfb320", Optional.empty(), Optional.empty(), "arcface", Optional.empty());
    }

    /**
     * The configured pipeline; an unknown kind, or a relative file name without a models directory, is an
     * {@link IllegalArgumentException} saying which setting is wrong.
     */
    public static FaceModels configured(Optional<Path> directory, String detector, Optional<String> detectorFile,
            Optional<String> landmarksFile, String recognizer, Optional<String> recognizerFile) {
        Detector detectorKind = Detector.named(detector);
        Recognizer recognizerKind = Recognizer.named(recognizer);
        return new FaceModels(detectorKind,
                resolve(directory, detectorFile.orElse(detectorKind.defaultFile), "detector-model"),
                detectorKind.needsLandmarks ? resolve(directory, landmarksFile.orElse(LANDMARKS_FILE), "landmarks-model") : null,
                recognizerKind,
                resolve(directory, recognizerFile.orElse(recognizerKind.defaultFile), "recognizer-model"));
    }

    private static Path resolve(Optional<Path> directory, String file, String setting) {
        Path path = Path.of(file.trim());
        if (path.isAbsolute()) {
            return path;
        }
        return directory.map(dir -> dir.resolve(path)).orElseThrow(() -> new IllegalArgumentException(
                "customk9.attendance.face.models-dir is not set, and customk9.attendance.face." + setting + " (" + file
                        + ") is not an absolute path"));
    }

    /** Every file the pipeline loads. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>(3);
        files.add(detectorFile);
        if (landmarksFile != null) {
            files.add(landmarksFile);
        }
        files.add(recognizerFile);
        return files;
    }

    public List<Path> missing() {
        return files().stream().filter(file -> !Files.isRegularFile(file)).toList();
    }

    public boolean present() {
        return missing().isEmpty();
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file.getFileName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
