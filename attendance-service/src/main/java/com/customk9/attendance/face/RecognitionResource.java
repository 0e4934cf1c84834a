package com.customk9.attendance.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.config.AttendanceSettings;
import com.customk9.attendance.config.Settings;
import com.customk9.attendance.key.Permissions;
import com.customk9.attendance.key.RequiresPermission;
import com.customk9.attendance.record.AttendanceMarking;
import com.customk9.attendance.record.AttendanceRecords;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A camera frame: every face is detected, aligned, embedded and matched against all templates. A face
 * whose best similarity reaches {@code recognition_threshold} is that person (confidence = similarity
 * in percent); below it the face is reported as unknown, never as the nearest person. With auto-mark on
 * (the config, or {@code ?mark=false} to only identify), a recognised person is checked in, or checked
 * out when already in, within the duplicate window rules.
 */
@Path("/api/v1/recognize")
@Produces(MediaType.APPLICATION_JSON)
public class RecognitionResource {

    private record Seen(FacePipeline.Face face, TemplateIndex.Match match) {
    }

    private final FaceEngine engine;
    private final AttendanceSettings settings;
    private final AttendanceMarking marking;
    private final AttendanceRecords records;

    public RecognitionResource(FaceEngine engine, AttendanceSettings settings, AttendanceMarking marking,
            AttendanceRecords records) {
        this.engine = engine;
        this.settings = settings;
        this.marking = marking;
        this.records = records;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresPermission(Permissions.RECOGNIZE)
    public Uni<Envelope<Map<String, Object>>> recognizeUpload(@RestForm(FileUpload.ALL) List<FileUpload> uploads,
            @QueryParam("mark") Boolean mark) {
        return recognize(single(Photos.of(uploads)), mark);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.RECOGNIZE)
    public Uni<Envelope<Map<String, Object>>> recognizeBase64(JsonNode body, @QueryParam("mark") Boolean mark) {
        return recognize(single(Photos.of(body)), mark);
    }

    private static byte[] single(List<byte[]> photos) {
        if (photos.size() != 1) {
            throw AttendanceException.invalid("image", "send one camera frame");
        }
        return photos.get(0);
    }

    private Uni<Envelope<Map<String, Object>>> recognize(byte[] frame, Boolean mark) {
        return settings.current().chain(current -> engine.withPipeline(pipeline -> {
            var image = engine.guard().decode(frame);
            try {
                List<Seen> seen = new ArrayList<>();
                for (FacePipeline.Face face : pipeline.faces(image)) {
                    seen.add(new Seen(face, face.embedding() == null ? null : engine.index().best(face.embedding())));
                }
                return Map.entry(seen, Map.of("width", image.cols(), "height", image.rows()));
            } finally {
                image.release();
            }
        }).chain(result -> Multi.createFrom().iterable(result.getKey())
                .onItem().transformToUniAndConcatenate(seen -> answer(seen, current, mark))
                .collect().asList()
                .map(faces -> Envelope.of(Json.object("faces", faces, "face_count", faces.size(),
                        "recognized_count", faces.stream().filter(f -> Boolean.TRUE.equals(f.get("recognized"))).count(),
                        "threshold", current.recognitionThreshold(), "frame", result.getValue())))));
    }

    private Uni<Map<String, Object>> answer(Seen seen, Settings current, Boolean mark) {
        FaceBox box = seen.face().box();
        Map<String, Object> face = Json.object("box", Json.object("x", box.x(), "y", box.y(), "width", box.width(),
                "height", box.height()), "detection_score", round(box.score(), 3));
        if (seen.face().embedding() == null) {
            face.putAll(Json.object("recognized", false, "person_id", null, "confidence", null, "reason", "face_too_small"));
            return Uni.createFrom().item(face);
        }
        TemplateIndex.Match match = seen.match();
        double similarity = match == null ? 0 : match.similarity();
        if (match == null || similarity < current.recognitionThreshold()) {
            face.putAll(Json.object("recognized", false, "person_id", null, "confidence", null,
                    "similarity", round(similarity, 3), "reason", "unknown_face"));
            return Uni.createFrom().item(face);
        }
        double confidence = round(similarity * 100, 1);
        face.putAll(Json.object("recognized", true, "person_id", match.personId(), "confidence", confidence,
                "similarity", round(similarity, 3)));
        boolean marking = mark != null ? mark && current.autoMarkEnabled() : current.autoMarkEnabled();
        if (!marking) {
            face.put("attendance", Json.object("marked", false, "reason", "auto_mark_disabled"));
            return Uni.createFrom().item(face);
        }
        return this.marking.markOrCheckOut(match.personId(), confidence, "auto")
                .map(marked -> {
                    face.put("person_name", marked.record().personName());
                    face.put("attendance", Json.object("marked", true, "action", marked.action(),
                            "record", records.json(marked.record())));
                    return face;
                })
                .onFailure(AttendanceException.class).recoverWithItem(error -> {
                    AttendanceException refused = (AttendanceException) error;
                    Map<String, Object> attendance = Json.object("marked", false, "reason", refused.machineCode().toLowerCase(),
                            "message", refused.getMessage());
                    if (refused.details().get("record_id") != null) {
                        attendance.put("record_id", refused.details().get("record_id"));
                    }
                    face.put("attendance", attendance);
                    return face;
                });
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
