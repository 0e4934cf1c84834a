package com.customk9.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Access tokens as auth-service issues them (RS256, kid, issuer customk9-auth, audience customk9,
 * sub, partner_id, groups, jti), signed with keys generated here and published by the test JWKS
 * server, plus every kind of bad token.
 */
public final class Tokens {

    public static final String ISSUER = "customk9-auth";
    public static final String AUDIENCE = "customk9";

    private static final RsaJsonWebKey CURRENT = generate("k1");
    /** Published only after {@link #rotate()}: a key the gateway has never seen. */
    private static final RsaJsonWebKey NEXT = generate("k2");
    /** Never published: signs tokens that must fail, under the kid of the real key. */
    private static final RsaJsonWebKey STRANGER = generate("k1");
    private static volatile boolean rotated;

    private Tokens() {
    }

    public static String jwks() {
        List<JsonWebKey> keys = new ArrayList<>();
        keys.add(publicOnly(CURRENT));
        if (rotated) {
            keys.add(publicOnly(NEXT));
        }
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** Publishes the next key (auth-service rotated). */
    public static void rotate() {
        rotated = true;
    }

    public static String forUser(String subject, String... groups) {
        return sign(CURRENT, claims(subject, groups));
    }

    public static String withClaims(Consumer<JwtClaims> change) {
        JwtClaims claims = claims("u-" + UUID.randomUUID(), "client");
        change.accept(claims);
        return sign(CURRENT, claims);
    }

    public static JwtClaims claims(String subject, String... groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("partner_id", 7);
        claims.setStringListClaim("groups", groups);
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setNotBeforeMinutesInThePast(1);
        claims.setExpirationTimeMinutesInTheFuture(15);
        return claims;
    }

    public static String signedWithNextKey(String subject, String... groups) {
        return sign(NEXT, claims(subject, groups));
    }

    public static String signedWithStrangerKey(String subject) {
        return sign(STRANGER, claims(subject, "client"));
    }

    /** Signed with a key auth-service never published, under a kid nobody has seen. */
    public static String withUnknownKid(String subject) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(subject, "client").toJson());
        jws.setKey(STRANGER.getPrivateKey());
        jws.setKeyIdHeaderValue("unknown-" + UUID.randomUUID());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String expired(String subject) {
        JwtClaims claims = claims(subject, "client");
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        claims.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 300));
        return sign(CURRENT, claims);
    }

    public static String notYetValid(String subject) {
        JwtClaims claims = claims(subject, "client");
        claims.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 300));
        return sign(CURRENT, claims);
    }

    /** {"alg":"none"} with the real kid and an empty signature. */
    public static String algNone(String subject) {
        return encode("{\"alg\":\"none\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + "." + encode(claims(subject, "admin").toJson()) + ".";
    }

    /** HS256, keyed with the bytes of the RSA public key everyone can download: the classic confusion attack. */
    public static String hs256WithPublicKey(String subject) {
        String signingInput = encode("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + "." + encode(claims(subject, "admin").toJson());
        byte[] publicKey = CURRENT.getRsaPublicKey().getEncoded();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was swapped for one granting admin, signature unchanged. */
    public static String tampered(String subject) {
        String[] parts = forUser(subject, "client").split("\\.");
        return parts[0] + "." + encode(claims(subject, "admin").toJson()) + "." + parts[2];
    }

    public static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return JwtClaims.parse(payload).getJwtId();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RsaJsonWebKey key, JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setUse("sig");
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonWebKey publicOnly(RsaJsonWebKey key) {
        try {
            return JsonWebKey.Factory.newJwk(key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
