package com.customk9.attendance.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;
import com.customk9.attendance.key.Permissions;
import com.customk9.attendance.key.RequiresPermission;
import com.customk9.attendance.person.Person;
import com.customk9.attendance.person.Persons;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * A person's enrolled faces: each photo must show exactly one face, large enough; a template (the
 * embedding) is stored per photo, the photo itself is not. All photos of a request are checked before
 * any is stored.
 */
@Path("/api/v1/persons/{personId}/faces")
@Produces(MediaType.APPLICATION_JSON)
public class FaceResource {

    private final Persons persons;
    private final FaceEngine engine;
    private final FaceTemplates templates;
    private final Times times;

    public FaceResource(Persons persons, FaceEngine engine, FaceTemplates templates, Times times) {
        this.persons = persons;
        this.engine = engine;
        this.templates = templates;
        this.times = times;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresPermission(Permissions.FACE_WRITE)
    public Uni<Response> enrolUploads(@PathParam("personId") String personId,
            @RestForm(FileUpload.ALL) List<FileUpload> uploads) {
        return enrol(personId, Photos.of(uploads));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.FACE_WRITE)
    public Uni<Response> enrolBase64(@PathParam("personId") String personId, JsonNode body) {
        return enrol(personId, Photos.of(body));
    }

    @GET
    @RequiresPermission(Permissions.PERSON_READ)
    public Uni<Envelope<Map<String, Object>>> list(@PathParam("personId") String personId) {
        return active(personId).chain(templates::list)
                .map(list -> Envelope.of(Json.object("faces", list.stream().map(this::json).toList(), "total", list.size())));
    }

    @DELETE
    @Path("/{faceId}")
    @RequiresPermission(Permissions.FACE_WRITE)
    public Uni<Envelope<Map<String, Object>>> delete(@PathParam("personId") String personId, @PathParam("faceId") long faceId) {
        return active(personId).chain(person -> templates.delete(person, faceId))
                .map(ignored -> Envelope.of("Face deleted", Json.object("face_id", faceId, "person_id", personId)));
    }

    /** The photo of an enrolled face, when photos are kept ({@code customk9.attendance.face.keep-photos}). */
    @GET
    @Path("/{faceId}/photo")
    @Produces({ "image/jpeg", "image/png", "image/bmp", "image/webp", MediaType.APPLICATION_JSON })
    @RequiresPermission(Permissions.PERSON_READ)
    public Uni<Response> photo(@PathParam("personId") String personId, @PathParam("faceId") long faceId) {
        return active(personId).chain(person -> templates.photo(person, faceId))
                .map(photo -> Response.ok(photo.bytes(), photo.mediaType()).header("X-Content-Type-Options", "nosniff")
                        .header("Cache-Control", "no-store").build());
    }

    private Uni<Response> enrol(String personId, List<byte[]> photos) {
        return active(personId).chain(person -> engine.withPipeline(pipeline -> {
            List<FacePipeline.Face> faces = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                try {
                    var image = engine.guard().decode(photos.get(i));
                    try {
                        faces.add(pipeline.enrolmentFace(image));
                    } finally {
                        image.release();
                    }
                } catch (ImageRejectedException e) {
                    throw photos.size() == 1 ? e
                            : new ImageRejectedException(e.reason(), "Photo " + (i + 1) + " of " + photos.size() + ": " + e.getMessage());
                }
            }
            return faces;
        }).chain(faces -> templates.add(person, faces, photos)))
                .map(added -> Response.status(201).entity(Envelope.of(added.size() + " face(s) enrolled", Json.object(
                        "person_id", personId, "faces", added.stream().map(this::json).toList(), "total", added.size())))
                        .build());
    }

    private Uni<Person> active(String personId) {
        return persons.get(personId).invoke(person -> {
            if ("deleted".equals(person.status())) {
                throw AttendanceException.notFound("Person", personId);
            }
        });
    }

    private Map<String, Object> json(FaceTemplates.Template template) {
        return Json.object("face_id", template.id(), "person_id", template.personId(),
                "detection_score", Math.round(template.detectionScore() * 1000) / 1000.0,
                "created_at", times.iso(template.createdAt()), "has_photo", template.hasPhoto(),
                "current_model", template.currentModel());
    }
}
