package com.customk9.auth.support;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JWT the way a test needs to: its header, its payload, whether a key verifies it. */
public final class JwtClaims {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JwtClaims() {
    }

    public static Map<String, Object> header(String jwt) {
        return part(jwt, 0);
    }

    public static Map<String, Object> payload(String jwt) {
        return part(jwt, 1);
    }

    public static boolean verifies(String jwt, PublicKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(jwt);
            jws.setKey(key);
            return jws.verifySignature();
        } catch (JoseException e) {
            return false;
        }
    }

    private static Map<String, Object> part(String jwt, int index) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[index]);
            return MAPPER.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
