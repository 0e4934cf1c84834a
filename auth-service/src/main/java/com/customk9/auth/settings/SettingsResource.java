package com.customk9.auth.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;

import com.customk9.auth.OpenApiExamples;
import com.customk9.auth.account.CallerIds;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Seed 003's {@code /api/settings}: the signed-in user's preferences. */
@Path("/api/settings")
@Tag(name = "Settings")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class SettingsResource {

    private final SettingsService settings;
    private final JsonWebToken token;

    public SettingsResource(SettingsService settings, JsonWebToken token) {
        this.settings = settings;
        this.token = token;
    }

    @GET
    @Cache(noStore = true)
    @Operation(summary = "The user's settings")
    public Uni<UserSettings> get() {
        return settings.get(CallerIds.userId(token));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Cache(noStore = true)
    @Operation(summary = "Update the user's settings; fields left out keep their values")
    public Uni<UserSettings> update(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "language, time zone, theme, notifications", value = OpenApiExamples.SETTINGS)))
            @Valid @NotNull UserSettings update) {
        return settings.update(CallerIds.userId(token), update);
    }
}
