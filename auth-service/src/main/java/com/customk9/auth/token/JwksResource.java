package com.customk9.auth.token;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify our access tokens (RFC 7517), fetched by the gateway and the services. */
@Path("/.well-known/jwks.json")
@Tag(name = "Keys")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JSON Web Key Set of the keys that verify access tokens; the signing key first")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        Map<String, Object> body = keys.jwks();
        return Response.ok(body).cacheControl(cache).build();
    }
}
