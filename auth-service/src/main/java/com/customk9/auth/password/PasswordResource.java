package com.customk9.auth.password;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Change the password while signed in; reset it by e-mail when forgotten. */
@Path("/api/auth/password")
@Tag(name = "Password")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResource {

    public record ChangeRequest(
            @JsonProperty("current_password") @NotBlank @Size(max = 1024) String currentPassword,
            @JsonProperty("new_password") @NotBlank @Size(max = 1024) String newPassword) {
    }

    public record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record ResetConfirmation(
            @NotBlank @Size(max = 256) String token,
            @JsonProperty("new_password") @NotBlank @Size(max = 1024) String newPassword) {
    }

    private final Passwords passwords;
    private final JsonWebToken token;

    public PasswordResource(Passwords passwords, JsonWebToken token) {
        this.passwords = passwords;
        this.token = token;
    }

    @PUT
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change the password: Odoo checks the current one; every other session ends")
    public Uni<Map<String, String>> change(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a new password", value = OpenApiExamples.PASSWORD_CHANGE)))
            @Valid @NotNull ChangeRequest request, HttpServerRequest http) {
        return passwords.change(CallerIds.userId(token), CallerIds.familyId(token).orElse(null),
                request.currentPassword(), request.newPassword(), ClientAddress.of(http))
                .map(ignored -> Map.of("message", "Password changed"));
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Ask for a reset link by e-mail; the answer is the same whether or not the address has an account")
    public Uni<Response> requestReset(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a forgotten password", value = OpenApiExamples.PASSWORD_RESET)))
            @Valid @NotNull ResetRequest request) {
        return passwords.requestReset(request.email()).map(ignored -> Response.accepted(
                Map.of("message", "If this address belongs to an account, a reset link is on its way")).build());
    }

    @POST
    @Path("/reset/confirm")
    @Operation(summary = "Set a new password with the token from the reset link (single use)")
    public Uni<Map<String, String>> confirmReset(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "the token from the e-mail", value = OpenApiExamples.PASSWORD_RESET_CONFIRMATION)))
            @Valid @NotNull ResetConfirmation request) {
        return passwords.confirmReset(request.token(), request.newPassword())
                .map(ignored -> Map.of("message", "Password reset; sign in with the new password"));
    }
}
