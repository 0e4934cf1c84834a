package com.customk9.attendance.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.customk9.attendance.api.AttendanceException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The photos of a request: multipart file parts, or base64 in JSON ({@code image}, or {@code images}
 * as a list; a {@code data:image/...;base64,} prefix is allowed). Their content decides what they are.
 */
public final class Photos {

    public static final int MAX_PHOTOS = 10;

    private Photos() {
    }

    public static List<byte[]> of(List<FileUpload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw AttendanceException.invalid("image", "is required: send the photo as a multipart file part");
        }
        if (uploads.size() > MAX_PHOTOS) {
            throw AttendanceException.invalid("images", "at most " + MAX_PHOTOS + " photos per request");
        }
        List<byte[]> photos = new ArrayList<>();
        for (FileUpload upload : uploads) {
            try {
                photos.add(Files.readAllBytes(upload.uploadedFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photos;
    }

    public static List<byte[]> of(JsonNode body) {
        List<JsonNode> values = new ArrayList<>();
        if (body != null && body.hasNonNull("image")) {
            values.add(body.get("image"));
        }
        if (body != null && body.hasNonNull("images")) {
            if (!body.get("images").isArray()) {
                throw AttendanceException.invalid("images", "must be a list of base64 images");
            }
            body.get("images").forEach(values::add);
        }
        if (values.isEmpty()) {
            throw AttendanceException.invalid("image", "is required: a base64 image, or images as a list");
        }
        if (values.size() > MAX_PHOTOS) {
            throw AttendanceException.invalid("images", "at most " + MAX_PHOTOS + " photos per request");
        }
        List<byte[]> photos = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isTextual()) {
                throw AttendanceException.invalid("image", "must be base64 text");
            }
            String text = value.asText();
            int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
            try {
                photos.add(Base64.getMimeDecoder().decode(comma >= 0 ? text.substring(comma + 1) : text));
            } catch (IllegalArgumentException e) {
                throw AttendanceException.invalid("image", "is not valid base64");
            }
        }
        return photos;
    }
}
