package com.customk9.emulator.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What computed fields, defaults and constraints may look at: the records of one transaction, in their
 * stored form (many2one as a {@code Long} id or {@code null}, x2many as {@code List<Long>}, dates as strings).
 */
public interface RecordAccess {

    /** The stored values of a record, or {@code null} when it does not exist. */
    Map<String, Object> record(String model, long id);

    /** Every record of a model, active or not. */
    Collection<Map<String, Object>> records(String model);

    /** A field's value in stored form, computed, delegated and one2many fields included. */
    Object value(String model, Map<String, Object> record, String field);

    /** The ids of the records of {@code model} whose many2one {@code field} points at {@code id}. */
    List<Long> referencing(String model, String field, long id);

    /** The record's display name (what many2one values carry). */
    String displayName(String model, long id);
}
