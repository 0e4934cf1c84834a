package com.customk9.odoo.client.transport;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;

/** An HTTP answer from Odoo: status, body, and the session cookie if Odoo set one. */
public record HttpAnswer(int status, Buffer body, String sessionCookie) {

    /** The body as a JSON object, or null when it is empty or not a JSON object. */
    public JsonObject jsonObject() {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            Object value = io.vertx.core.json.Json.decodeValue(body.toString());
            return value instanceof JsonObject object ? object : null;
        } catch (DecodeException notJson) {
            return null;
        }
    }

    /** The first characters of the body, for an error report. */
    public String excerpt() {
        if (body == null) {
            return "";
        }
        String text = body.toString();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
