package com.customk9.auth.token;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** A signed, unexpired access token still fails authentication once it was revoked (logout). */
@ApplicationScoped
public class RevokedTokenCheck implements SecurityIdentityAugmentor {

    private final RevokedTokens revoked;

    public RevokedTokenCheck(RevokedTokens revoked) {
        this.revoked = revoked;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getTokenID() == null) {
            return Uni.createFrom().item(identity);
        }
        return revoked.isRevoked(token.getTokenID()).map(isRevoked -> {
            if (isRevoked) {
                throw new AuthenticationFailedException("Access token revoked");
            }
            return identity;
        });
    }
}
