package com.customk9.auth.support;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Access tokens made by hand: well formed as auth-service makes them, or broken in one chosen way. */
public final class Tokens {

    private Tokens() {
    }

    /** The claims auth-service puts in an access token for Anna, valid for 15 minutes from now. */
    public static JwtClaims annaClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("customk9-auth");
        claims.setAudience("customk9");
        claims.setSubject(Long.toString(Clients.ANNA_UID));
        claims.setClaim("partner_id", Clients.ANNA_PARTNER);
        claims.setStringListClaim("groups", List.of("client"));
        claims.setJwtId(UUID.randomUUID().toString());
        long now = Instant.now().getEpochSecond();
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now));
        claims.setNotBefore(org.jose4j.jwt.NumericDate.fromSeconds(now));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + 900));
        return claims;
    }

    public static String rs256(JwtClaims claims, PrivateKey key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed with HMAC whose secret is the public key: the classic algorithm-confusion attack. */
    public static String hs256WithPublicKey(JwtClaims claims, byte[] publicKeyBytes, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(publicKeyBytes));
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, no signature. */
    public static String unsigned(JwtClaims claims, String kid) {
        String header = base64(Map.of("alg", "none", "typ", "JWT", "kid", kid).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").reduce((a, b) -> a + "," + b)
                .map(s -> "{" + s + "}").orElseThrow());
        return header + "." + base64(claims.toJson()) + ".";
    }

    /** The same token with one claim of its payload changed, signature kept. */
    public static String tampered(String token, String claim, Object value) {
        String[] parts = token.split("\\.");
        try {
            JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            claims.setClaim(claim, value);
            return parts[0] + "." + base64(claims.toJson()) + "." + parts[2];
        } catch (org.jose4j.jwt.consumer.InvalidJwtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
