package com.customk9.odoo.client.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.customk9.odoo.client.record.OdooValues;

import io.vertx.core.json.Json;

/**
 * The Redis key of one cached read: {@code <prefix>:<database>:c:<model>:<method>:<identity>:<hash>},
 * the hash taken over the call's arguments in a canonical form (object keys sorted at every level), so
 * the same question always finds the same answer, and two identities never share one.
 */
public record CacheKey(String value, String model) {

    public static CacheKey of(String prefix, String database, String model, String method, String identity,
            Object arguments) {
        String hash = sha256(canonicalJson(arguments)).substring(0, 32);
        return new CacheKey(String.join(":", prefix, database, "c", model, method, identity, hash), model);
    }

    /** JSON with object keys sorted at every level; list order is kept (it means something to Odoo). */
    public static String canonicalJson(Object arguments) {
        return Json.encode(canonical(OdooValues.plain(arguments)));
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), canonical(item)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return value;
    }

    /** The set of every cached key of {@code model}. */
    public static String modelIndex(String prefix, String database, String model) {
        return String.join(":", prefix, database, "i", model);
    }

    /** The set of cached queries of {@code model} (searches, counts): any change to the model may change them. */
    public static String queryIndex(String prefix, String database, String model) {
        return modelIndex(prefix, database, model) + ":q";
    }

    /** The set of cached reads whose answer contains record {@code id} of {@code model}. */
    public static String recordIndex(String prefix, String database, String model, long id) {
        return modelIndex(prefix, database, model) + ":" + id;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
