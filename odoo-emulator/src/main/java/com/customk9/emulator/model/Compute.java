package com.customk9.emulator.model;

import java.util.Map;

/** How a computed field gets its value from the record (stored form in, stored form out). */
@FunctionalInterface
public interface Compute {

    Object value(RecordAccess records, Map<String, Object> record);
}
