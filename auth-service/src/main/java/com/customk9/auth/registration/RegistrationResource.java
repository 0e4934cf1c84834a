package com.customk9.auth.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import com.customk9.auth.OpenApiExamples;
import com.customk9.auth.session.TokenResponse;

import io.smallrye.mutiny.Uni;

@Path("/api/auth/register")
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private final Registrations registrations;

    public RegistrationResource(Registrations registrations) {
        this.registrations = registrations;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a client account in Odoo and sign in; 409 when the e-mail already has one")
    public Uni<TokenResponse> register(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a new client", value = OpenApiExamples.REGISTRATION)))
            @Valid @NotNull RegistrationRequest request) {
        return registrations.register(request);
    }
}
