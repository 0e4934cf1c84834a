package com.customk9.emulator.seed;

import java.time.LocalDateTime;
import java.util.Map;

/** What the demo data is written through: the ORM as superuser, all of it in one transaction. */
public interface SeedWriter {

    long create(String model, Map<String, Object> values);

    void write(String model, long id, Map<String, Object> values);

    /** Stores {@code key} (hashed) as an API key of the user. */
    void installApiKey(long uid, String name, String key);

    /** The time the demo data is loaded at (UTC); upcoming dates are relative to it. */
    LocalDateTime now();
}
