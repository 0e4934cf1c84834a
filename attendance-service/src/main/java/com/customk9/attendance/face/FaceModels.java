package com.customk9.attendance.face;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where the three model files are, and their identity (file name and SHA-256) for the status endpoint. */
public record FaceModels(Path detector, Path landmarks, Path embedding) {

    public static FaceModels in(Path directory) {
        return new FaceModels(directory.resolve("fr_detect.onnx"), directory.resolve("fr_landmark.onnx"),
                directory.resolve("fr_feature.onnx"));
    }

    public boolean present() {
        return Files.isRegularFile(detector) && Files.isRegularFile(landmarks) && Files.isRegularFile(embedding);
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
