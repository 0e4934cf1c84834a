package com.customk9.training.file;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The parts of {@code POST /api/files} ({@code multipart/form-data}). Taken as they come and checked by
 * {@link FileResource}, so every problem is reported by part name: the dog id as text, the file whatever
 * its declared type.
 */
public class UploadForm {

    @RestForm("file")
    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "The file: PDF, PNG, JPEG, GIF, WebP or UTF-8 plain text, recognised by its content")
    public FileUpload file;

    @RestForm("dog_id")
    @Schema(name = "dog_id", type = SchemaType.INTEGER, format = "int64", required = true, description = "One of my dogs")
    public String dogId;

    @RestForm("description")
    @Schema(maxLength = UploadForm.MAX_DESCRIPTION, description = "Optional")
    public String description;

    static final int MAX_DESCRIPTION = 1000;
}
