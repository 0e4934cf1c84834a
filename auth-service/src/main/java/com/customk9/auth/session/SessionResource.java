package com.customk9.auth.session;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

import com.customk9.auth.ClientAddress;
import com.customk9.auth.OpenApiExamples;
import com.customk9.auth.account.CallerIds;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Seed 003's authentication endpoints. */
@Path("/api/auth")
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 256) String refresh) {
    }

    private final Sessions sessions;
    private final JsonWebToken token;

    public SessionResource(Sessions sessions, JsonWebToken token) {
        this.sessions = sessions;
        this.token = token;
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in with the Odoo e-mail and password; answers an access and a refresh token")
    public Uni<TokenResponse> login(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "demo client", value = OpenApiExamples.LOGIN)))
            @Valid @NotNull LoginRequest request, HttpServerRequest http) {
        return sessions.login(request.email(), request.password(), ClientAddress.of(http));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new access and refresh token (the old one is retired)")
    public Uni<TokenResponse> refresh(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a refresh token", value = OpenApiExamples.REFRESH)))
            @Valid @NotNull RefreshRequest request) {
        return sessions.refresh(request.refresh());
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sign out: revokes the access token, its refresh tokens and the Odoo session")
    public Uni<LogoutResponse> logout() {
        return sessions.logout(token.getTokenID(), Instant.ofEpochSecond(token.getExpirationTime()),
                CallerIds.familyId(token).orElse(null), CallerIds.userId(token));
    }
}
