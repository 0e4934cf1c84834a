package com.customk9.auth.token;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

import com.customk9.auth.AuthConfig;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * How auth-service checks the access tokens it issued, on its own protected endpoints: against its
 * own {@link SigningKeys} by {@code kid} (no JWKS round trip to itself), RS256 only (so {@code none}
 * and HMAC tokens keyed with the public key are refused before any signature check), issuer,
 * audience, required {@code exp}, {@code iat}, {@code sub} and {@code jti}, {@code nbf} honoured.
 * Revocation is checked afterwards ({@link RevokedTokenCheck}).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class AccessTokenPrincipalFactory extends JWTCallerPrincipalFactory {

    private final JwtConsumer consumer;

    public AccessTokenPrincipalFactory(SigningKeys keys, AuthConfig config) {
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256))
                .setVerificationKeyResolver((jws, nestingContext) -> keys.verificationKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("unknown key id")))
                .setExpectedIssuer(config.jwt().issuer())
                .setExpectedAudience(config.jwt().audience())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) config.jwt().clockSkew().toSeconds())
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        } catch (InvalidJwtException e) {
            throw new ParseException("Invalid access token", e);
        }
    }
}
