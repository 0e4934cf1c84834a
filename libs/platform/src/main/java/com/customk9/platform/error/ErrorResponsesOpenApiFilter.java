package com.customk9.platform.error;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares the error envelope on every operation of a service's OpenAPI document, for the statuses
 * any endpoint can answer. An operation's own declaration of a status wins.
 */
public class ErrorResponsesOpenApiFilter implements OASFilter {

    static final String SCHEMA = "ErrorResponse";

    private static final Map<String, String> COMMON_ERRORS = new LinkedHashMap<>();

    static {
        COMMON_ERRORS.put("400", "Invalid request: malformed JSON or field-by-field validation errors");
        COMMON_ERRORS.put("401", "Missing or invalid credentials");
        COMMON_ERRORS.put("403", "Not allowed for this caller");
        COMMON_ERRORS.put("404", "Not found");
        COMMON_ERRORS.put("413", "Request body too large");
        COMMON_ERRORS.put("415", "Unsupported media type");
        COMMON_ERRORS.put("429", "Too many requests");
        COMMON_ERRORS.put("500", "Unexpected error (details carry the request id)");
        COMMON_ERRORS.put("502", "Odoo Connection Error");
        COMMON_ERRORS.put("503", "A dependency is temporarily unavailable");
        COMMON_ERRORS.put("504", "A dependency did not answer in time");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
            components.addSchema(SCHEMA, envelopeSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(ErrorResponsesOpenApiFilter::declareErrors);
        }
    }

    private static void declareErrors(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> error : COMMON_ERRORS.entrySet()) {
            if (!responses.hasAPIResponse(error.getKey())) {
                responses.addAPIResponse(error.getKey(), OASFactory.createAPIResponse()
                        .description(error.getValue())
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref("#/components/schemas/" + SCHEMA)))));
            }
        }
    }

    private static Schema envelopeSchema() {
        Schema body = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Stable machine-readable code, e.g. VALIDATION_ERROR"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Human-readable message, safe to show"))
                .addProperty("details", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("Field-by-field or contextual details; empty when there are none"))
                .addProperty("odoo_error", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .addType(Schema.SchemaType.NULL).description("What Odoo answered, when the error came from Odoo"))
                .addRequired("code").addRequired("message");
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The error envelope of every CustomK9 API error")
                .addProperty("error", body)
                .addRequired("error");
    }
}
