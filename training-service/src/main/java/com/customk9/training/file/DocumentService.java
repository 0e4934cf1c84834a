package com.customk9.training.file;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;
import com.customk9.training.dog.DogService;
import com.customk9.training.event.TrainingEvents;

import io.smallrye.mutiny.Uni;

/**
 * Documents of dogs: Odoo attachments ({@code ir.attachment}) whose {@code res_model} is
 * {@code customk9.dog}, read and written as the integration user inside the caller's scope. An
 * attachment belongs to the caller when the dog it hangs on is one the caller may see
 * ({@link DogService#scope}); any other attachment, on anything else or on someone else's dog, does not
 * exist for them (404). {@code res_id} is a plain integer in Odoo, not a relation, so the scope takes
 * a look at the dog: one more (cached) read.
 */
@ApplicationScoped
public class DocumentService {

    static final String MODEL = "ir.attachment";
    static final String DOG_MODEL = "customk9.dog";
    private static final String NEWEST_FIRST = "create_date desc, id desc";

    private final OdooClient odoo;
    private final TrainingEvents events;

    public DocumentService(OdooClient odoo, TrainingEvents events) {
        this.odoo = odoo;
        this.events = events;
    }

    /** A stored file of a dog: binary (not a link), not the value of one of the dog's binary fields. */
    private static Domain documents() {
        return Domain.where("res_model", "=", DOG_MODEL).and("res_field", "=", false).and("type", "=", "binary");
    }

    /** The caller's documents, newest first: of one dog (404 if it is not theirs), or of all their dogs. */
    public Uni<Page<Document>> list(Caller caller, Long dogId, int limit, int offset) {
        Uni<Domain> scope = dogId == null
                ? visibleDogIds(caller).map(ids -> documents().and("res_id", "in", ids))
                : requireVisibleDog(caller, dogId).map(ignored -> documents().and("res_id", "=", dogId));
        return scope.chain(domain -> Uni.combine().all().unis(
                odoo.searchRead(MODEL, SearchQuery.where(domain).fields(Document.FIELDS).orderBy(NEWEST_FIRST)
                        .limit(limit).offset(offset)),
                odoo.searchCount(MODEL, domain))
                .asTuple()
                .map(found -> new Page<>(found.getItem1().stream().map(Document::of).toList(), found.getItem2(), limit,
                        offset)));
    }

    public Uni<Document> get(Caller caller, long id) {
        return load(caller, id, Document.FIELDS).map(Document::of);
    }

    /** The stored bytes with their name and type. */
    public Uni<DocumentContent> content(Caller caller, long id) {
        return load(caller, id, "name", "mimetype", "datas", "res_id")
                .map(record -> new DocumentContent(record.text("name"), record.string("mimetype").orElse(null),
                        record.string("datas").map(Base64.getMimeDecoder()::decode).orElse(new byte[0])));
    }

    /** Stores an upload already checked by its content on one of the caller's dogs. */
    public Uni<Document> upload(Caller caller, long dogId, Upload upload) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", upload.name());
        if (upload.description() != null) {
            values.put("description", upload.description());
        }
        values.put("res_model", DOG_MODEL);
        values.put("res_id", dogId);
        values.put("type", "binary");
        values.put("mimetype", upload.type().mimetype());
        values.put("datas", Base64.getEncoder().encodeToString(upload.content()));
        return requireVisibleDog(caller, dogId)
                .chain(() -> odoo.create(MODEL, values))
                .chain(id -> read(id, Document.FIELDS))
                .map(Document::of)
                .call(document -> events.publish(DocumentEvents.DOCUMENT_UPLOADED, DocumentEvents.subject(document.id()),
                        Map.of("document", document)));
    }

    public Uni<Void> delete(Caller caller, long id) {
        return load(caller, id, "name", "res_id").chain(record -> odoo.unlink(MODEL, List.of(id))
                .call(() -> events.publish(DocumentEvents.DOCUMENT_DELETED, DocumentEvents.subject(id),
                        Map.of("document_id", id, "dog_id", record.longValue("res_id").orElse(0L),
                                "name", FileNames.forDisplay(record.text("name"))))));
    }

    /** The attachment if it is a document of a dog the caller may see; 404 otherwise. */
    private Uni<OdooRecord> load(Caller caller, long id, String... fields) {
        return odoo.searchRead(MODEL, SearchQuery.where(Domain.where("id", "=", id).and(documents())).fields(fields)
                .limit(1))
                .chain(records -> {
                    if (records.isEmpty()) {
                        return Uni.createFrom().failure(ApiException.notFound("file", id));
                    }
                    OdooRecord record = records.get(0);
                    return isVisibleDog(caller, record.longValue("res_id").orElse(0L)).map(visible -> {
                        if (!visible) {
                            throw ApiException.notFound("file", id);
                        }
                        return record;
                    });
                });
    }

    private Uni<OdooRecord> read(long id, String... fields) {
        return odoo.read(MODEL, List.of(id), List.of(fields)).map(records -> records.get(0));
    }

    /** Archived dogs count: their documents stay the client's. */
    private static Domain visibleDogs(Caller caller) {
        return DogService.scope(caller).and("active", "in", List.of(true, false));
    }

    private Uni<List<Long>> visibleDogIds(Caller caller) {
        return odoo.searchRead(DOG_MODEL, SearchQuery.where(visibleDogs(caller)).fields("id"))
                .map(records -> records.stream().map(OdooRecord::id).toList());
    }

    private Uni<Boolean> isVisibleDog(Caller caller, long dogId) {
        if (dogId <= 0) {
            return Uni.createFrom().item(false);
        }
        return odoo.searchCount(DOG_MODEL, Domain.where("id", "=", dogId).and(visibleDogs(caller))).map(count -> count > 0);
    }

    private Uni<Void> requireVisibleDog(Caller caller, long dogId) {
        return isVisibleDog(caller, dogId).map(visible -> {
            if (!visible) {
                throw ApiException.notFound("dog", dogId);
            }
            return null;
        });
    }

    /** What gets stored: a safe display name, the client's description, the content and the type it was recognised as. */
    public record Upload(String name, String description, FileType type, byte[] content) {
    }

    public record DocumentContent(String name, String mimetype, byte[] bytes) {
    }
}
