package com.customk9.auth.account;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;

import com.customk9.platform.error.ApiException;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The signed-in user, as Odoo knows them now. */
@Path("/api/auth/me")
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class MeResource {

    private final Accounts accounts;
    private final JsonWebToken token;

    public MeResource(Accounts accounts, JsonWebToken token) {
        this.accounts = accounts;
        this.token = token;
    }

    @GET
    @Cache(noStore = true)
    @Operation(summary = "The signed-in user: ids, name, e-mail, roles, language and time zone")
    public Uni<Account> me() {
        return accounts.byUserId(CallerIds.userId(token))
                .map(account -> account.orElseThrow(() -> ApiException.unauthorized("This account no longer exists")));
    }
}
