package com.customk9.attendance.face;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.log.SystemLogs;
import com.customk9.attendance.person.Person;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Face templates in PostgreSQL (the embedding, never the photo), kept in step with the engine's index. */
@ApplicationScoped
public class FaceTemplates {

    /** @param currentModel whether the running recogniser made it (only those are matched) */
    public record Template(long id, String personId, float detectionScore, OffsetDateTime createdAt, boolean hasPhoto,
            boolean currentModel) {
    }

    /** A kept enrolment photo and its media type. */
    public record Photo(byte[] bytes, String mediaType) {
    }

    private final Pool pool;
    private final FaceEngine engine;
    private final SystemLogs logs;
    private final boolean keepPhotos;

    public FaceTemplates(Pool pool, FaceEngine engine, SystemLogs logs,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "customk9.attendance.face.keep-photos",
                    defaultValue = "false") boolean keepPhotos) {
        this.pool = pool;
        this.engine = engine;
        this.logs = logs;
        this.keepPhotos = keepPhotos;
    }

    /**
     * Stores every face in one transaction, then makes them matchable. The photos are stored with them
     * only when {@code customk9.attendance.face.keep-photos} is on.
     */
    public Uni<List<Template>> add(Person person, List<FacePipeline.Face> faces, List<byte[]> photos) {
        return pool.withTransaction(connection -> {
            Uni<List<Template>> chain = Uni.createFrom().item(new ArrayList<>());
            for (int i = 0; i < faces.size(); i++) {
                FacePipeline.Face face = faces.get(i);
                byte[] photo = keepPhotos ? photos.get(i) : null;
                String type = photo == null ? null : mediaType(ImageGuard.header(photo).format());
                chain = chain.chain(added -> connection.preparedQuery("""
                        insert into face_template (person_ref, embedding, detection_score, photo, photo_type, embedding_model)
                        values ($1, $2, $3, $4, $5, $6) returning id, created_at""")
                        .execute(Tuple.of(person.ref(), Buffer.buffer(FaceEngine.bytes(face.embedding())), face.box().score(),
                                photo == null ? null : Buffer.buffer(photo), type, engine.embeddingModel()))
                        .map(rows -> {
                            Row row = rows.iterator().next();
                            added.add(new Template(row.getLong("id"), person.personId(), face.box().score(),
                                    row.getOffsetDateTime("created_at"), photo != null, true));
                            return added;
                        }));
            }
            return chain.call(added -> logs.write(connection, "info", "sync", "Faces enrolled",
                    Map.of("person_id", person.personId(), "faces", added.size())));
        }).invoke(added -> {
            for (int i = 0; i < added.size(); i++) {
                engine.index().add(added.get(i).id(), person.personId(), faces.get(i).embedding());
            }
        });
    }

    public Uni<List<Template>> list(Person person) {
        return pool.preparedQuery("select id, detection_score, created_at, photo is not null as has_photo, "
                + "embedding_model = $2 as current_model from face_template where person_ref = $1 order by id")
                .execute(Tuple.of(person.ref(), String.valueOf(engine.embeddingModel())))
                .map(rows -> {
                    List<Template> templates = new ArrayList<>();
                    for (Row row : rows) {
                        templates.add(new Template(row.getLong("id"), person.personId(), row.getFloat("detection_score"),
                                row.getOffsetDateTime("created_at"), row.getBoolean("has_photo"),
                                Boolean.TRUE.equals(row.getBoolean("current_model"))));
                    }
                    return templates;
                });
    }

    /** The kept photo of one of the person's faces; 404 when there is none. */
    public Uni<Photo> photo(Person person, long templateId) {
        return pool.preparedQuery("select photo, photo_type from face_template where id = $1 and person_ref = $2 and photo is not null")
                .execute(Tuple.of(templateId, person.ref()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw AttendanceException.notFound("Face photo", templateId);
                    }
                    Row row = rows.iterator().next();
                    return new Photo(row.getBuffer("photo").getBytes(), row.getString("photo_type"));
                });
    }

    private static String mediaType(ImageGuard.Format format) {
        return switch (format) {
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            case BMP -> "image/bmp";
            case WEBP -> "image/webp";
        };
    }

    public Uni<Void> delete(Person person, long templateId) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                "delete from face_template where id = $1 and person_ref = $2 returning id")
                .execute(Tuple.of(templateId, person.ref()))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw AttendanceException.notFound("Face", templateId);
                    }
                })
                .call(() -> logs.write(connection, "info", "sync", "Face deleted",
                        Map.of("person_id", person.personId(), "face_id", templateId))))
                .invoke(() -> engine.index().removeIf((id, personId) -> id == templateId))
                .replaceWithVoid();
    }

    /** After a person is deleted (their rows are gone with the same transaction). */
    public void forget(String personId) {
        engine.index().removeIf((id, owner) -> owner.equals(personId));
    }
}
