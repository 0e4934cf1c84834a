package com.customk9.attendance.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered JSON objects of the seed's responses. */
public final class Json {

    private Json() {
    }

    /** An ordered map from alternating keys and values (values may be null). */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
