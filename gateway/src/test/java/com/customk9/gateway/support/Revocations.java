package com.customk9.gateway.support;

import java.time.Instant;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.vertx.core.json.JsonObject;

/**
 * Revocations as auth-service makes them at logout (the key with its expiry and the announcement on
 * the channel), and the two halves on their own, to play a missed announcement or an older
 * auth-service.
 */
public final class Revocations {

    public static final String CHANNEL = "auth:revoked-jti";
    public static final String KEY_PREFIX = "auth:revoked-jti:";

    private Revocations() {
    }

    /** What logout does: the key until the token's expiry, and the announcement. */
    public static void revoke(RedisDataSource redis, String jti) {
        long exp = Instant.now().plusSeconds(15 * 60).getEpochSecond();
        keyOnly(redis, jti, exp);
        announceOnly(redis, jti, exp);
    }

    /** The key without an announcement (one the gateway's subscription did not hear). */
    public static void keyOnly(RedisDataSource redis, String jti, long exp) {
        redis.value(String.class).set(KEY_PREFIX + jti, "1", new SetArgs().exAt(Instant.ofEpochSecond(exp)));
    }

    /** The announcement without a key: only a gateway following the channel can know of it. */
    public static void announceOnly(RedisDataSource redis, String jti, long exp) {
        redis.pubsub(String.class).publish(CHANNEL, new JsonObject().put("jti", jti).put("exp", exp).encode());
    }

    /** Closes the gateway's subscription from the Redis side (CLIENT KILL by id), as a network failure would. */
    public static int killSubscription(RedisDataSource redis) {
        int killed = 0;
        for (String line : redis.execute("CLIENT", "LIST").toString().split("\n")) {
            if (line.contains(" name=customk9-gateway-revocations ") && line.contains(" db=13 ")) {
                String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                redis.execute("CLIENT", "KILL", "ID", id);
                killed++;
            }
        }
        return killed;
    }
}
