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

    public record Template(long id, String personId, float detectionScore, OffsetDateTime createdAt) {
    }

    private final Pool pool;
    private final FaceEngine engine;
    private final SystemLogs logs;

    public FaceTemplates(Pool pool, FaceEngine engine, SystemLogs logs) {
        this.pool = pool;
        this.engine = engine;
        this.logs = logs;
    }

    /** Stores every face in one transaction, then makes them matchable. */
    public Uni<List<Template>> add(Person person, List<FacePipeline.Face> faces) {
        return pool.withTransaction(connection -> {
            Uni<List<Template>> chain = Uni.createFrom().item(new ArrayList<>());
            for (FacePipeline.Face face : faces) {
                chain = chain.chain(added -> connection.preparedQuery("""
                        insert into face_template (person_ref, embedding, detection_score) values ($1, $2, $3)
                        returning id, created_at""")
                        .execute(Tuple.of(person.ref(), Buffer.buffer(FaceEngine.bytes(face.embedding())), face.box().score()))
                        .map(rows -> {
                            Row row = rows.iterator().next();
                            added.add(new Template(row.getLong("id"), person.personId(), face.box().score(),
                                    row.getOffsetDateTime("created_at")));
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
        return pool.preparedQuery("select id, detection_score, created_at from face_template where person_ref = $1 order by id")
                .execute(Tuple.of(person.ref()))
                .map(rows -> {
                    List<Template> templates = new ArrayList<>();
                    for (Row row : rows) {
                        templates.add(new Template(row.getLong("id"), person.personId(), row.getFloat("detection_score"),
                                row.getOffsetDateTime("created_at")));
                    }
                    return templates;
                });
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
