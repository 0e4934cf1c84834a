package com.customk9.training.file;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;
import com.customk9.training.idempotency.IdempotentRequests;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;

/** Documents of my dogs: upload, list, metadata, download, delete. */
@Path("/api/files")
@Tag(name = "Files")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {

    private final DocumentService documents;
    private final Caller caller;
    private final IdempotentRequests idempotency;
    private final FilesConfig config;
    private final Vertx vertx;

    public FileResource(DocumentService documents, Caller caller, IdempotentRequests idempotency, FilesConfig config,
            Vertx vertx) {
        this.documents = documents;
        this.caller = caller;
        this.idempotency = idempotency;
        this.config = config;
        this.vertx = vertx;
    }

    @GET
    @Operation(summary = "My dogs' documents, newest first: of one dog (dog_id) or of all of them")
    public Uni<Page<Document>> list(
            @QueryParam("dog_id") @Parameter(description = "One of my dogs (404 for anyone else's)") String dogId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        Long dog = dogId == null ? null : positiveId("dog_id", dogId);
        return documents.list(caller, dog, limit, offset);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A document's metadata (404 unless it is on one of my dogs)")
    public Uni<Document> get(@PathParam("id") long id) {
        return documents.get(caller, id);
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a document: its bytes as stored, always as an attachment")
    @APIResponse(responseCode = "200", description = "The file, with its stored type when it is one of the allowed ones "
            + "(application/octet-stream otherwise)", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> content(@PathParam("id") long id) {
        return documents.content(caller, id).map(content -> Response.ok(content.bytes())
                .type(servedType(content.mimetype()))
                .header("Content-Disposition", FileNames.contentDisposition(content.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a document for one of my dogs (PDF, PNG, JPEG, GIF, WebP or UTF-8 text, recognised by "
            + "content: anything else is a 415, too large a 413); with an Idempotency-Key a retry returns the first answer")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Document.class)))
    public Uni<Response> upload(UploadForm form, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        ValidUpload valid = validate(form);
        return vertx.fileSystem().readFile(form.file.uploadedFile().toString())
                .map(Buffer::getBytes)
                .chain(content -> {
                    FileType type = FileType.of(content);
                    String name = FileNames.forUpload(form.file.fileName(), type);
                    DocumentService.Upload upload = new DocumentService.Upload(name, valid.description(), type, content);
                    Fingerprint fingerprint = new Fingerprint(valid.dogId(), name, valid.description(), sha256(content));
                    return idempotency.run(caller.userId(), idempotencyKey, "POST", "/api/files", fingerprint, 201,
                            () -> documents.upload(caller, valid.dogId(), upload));
                })
                .map(response -> response.getEntity() instanceof Document document
                        ? Response.fromResponse(response).location(URI.create("/api/files/" + document.id())).build()
                        : response);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a document of one of my dogs")
    public Uni<Response> delete(@PathParam("id") long id) {
        return documents.delete(caller, id).map(ignored -> Response.noContent().build());
    }

    /** Checks the parts by name (400), then the size (413), before the content is read. */
    private ValidUpload validate(UploadForm form) {
        Map<String, List<String>> problems = new TreeMap<>();
        if (form.file == null || form.file.uploadedFile() == null) {
            problems.put("file", List.of("is required"));
        }
        Long dogId = null;
        if (form.dogId == null || form.dogId.isBlank()) {
            problems.put("dog_id", List.of("must not be blank"));
        } else {
            dogId = parsePositive(form.dogId);
            if (dogId == null) {
                problems.put("dog_id", List.of("must be a positive integer"));
            }
        }
        String description = form.description == null || form.description.isBlank() ? null : form.description.strip();
        if (description != null && description.codePointCount(0, description.length()) > UploadForm.MAX_DESCRIPTION) {
            problems.put("description", List.of("size must be between 0 and " + UploadForm.MAX_DESCRIPTION));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(), problems);
        }
        long maxBytes = config.maxSize().asLongValue();
        if (form.file.size() > maxBytes) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The file is larger than the " + maxBytes
                    + " bytes allowed", Map.of("file", List.of("must be at most " + maxBytes + " bytes"), "max_bytes", maxBytes));
        }
        if (form.file.size() == 0) {
            throw ApiException.invalid("file", "must not be empty");
        }
        return new ValidUpload(dogId, description);
    }

    /** What the download is served as: the stored type when it is one we accept, otherwise opaque bytes. */
    private static String servedType(String mimetype) {
        return mimetype != null && FileType.ALLOWED.contains(mimetype) ? mimetype : MediaType.APPLICATION_OCTET_STREAM;
    }

    private static long positiveId(String field, String value) {
        Long id = parsePositive(value);
        if (id == null) {
            throw ApiException.invalid(field, "must be a positive integer");
        }
        return id;
    }

    private static Long parsePositive(String value) {
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record ValidUpload(long dogId, String description) {
    }

    /** What makes two uploads the same request for Idempotency-Key: the content by its hash, not its bytes. */
    private record Fingerprint(@JsonProperty("dog_id") long dogId, String name, String description, String sha256) {
    }
}
