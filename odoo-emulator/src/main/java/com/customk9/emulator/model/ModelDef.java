package com.customk9.emulator.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Odoo model: {@code _name}, {@code _description}, {@code _order}, {@code _rec_name},
 * {@code _parent_name}, {@code _inherits}, its fields, Python constraints and SQL unique constraints.
 */
public final class ModelDef {

    /** A Python {@code @api.constrains}: returns the ValidationError message, or {@code null} when satisfied. */
    @FunctionalInterface
    public interface Check {
        String violation(RecordAccess records, Map<String, Object> record);
    }

    /** A SQL {@code UNIQUE} constraint with Odoo's message for it. */
    public record Unique(String name, List<String> fields, String message) {
    }

    private final String name;
    private final String description;
    private String order = "id";
    private String recName;
    private String parentName;
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final Map<String, String> inherits = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Unique> uniques = new ArrayList<>();
    private Compute displayName;

    public ModelDef(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public ModelDef order(String order) {
        this.order = order;
        return this;
    }

    public ModelDef recName(String recName) {
        this.recName = recName;
        return this;
    }

    public ModelDef parentName(String parentName) {
        this.parentName = parentName;
        return this;
    }

    /** {@code _inherits = {parentModel: many2oneField}}: the parent's fields read and write through the link. */
    public ModelDef inherits(String parentModel, String many2oneField) {
        inherits.put(parentModel, many2oneField);
        return this;
    }

    public ModelDef field(FieldDef field) {
        fields.put(field.name(), field);
        return this;
    }

    public ModelDef fields(FieldDef... more) {
        for (FieldDef field : more) {
            field(field);
        }
        return this;
    }

    public ModelDef check(Check check) {
        checks.add(check);
        return this;
    }

    public ModelDef unique(String constraintName, String message, String... fieldNames) {
        uniques.add(new Unique(constraintName, List.of(fieldNames), message));
        return this;
    }

    /** Overrides {@code _compute_display_name} (stored form in, string out). */
    public ModelDef displayName(Compute displayName) {
        this.displayName = displayName;
        return this;
    }

    void addInheritedField(FieldDef field) {
        fields.putIfAbsent(field.name(), field);
    }

    void addMagicFields() {
        Map<String, FieldDef> ordered = new LinkedHashMap<>();
        ordered.put("id", FieldDef.integer("id", "ID").magic());
        ordered.putAll(fields);
        ordered.putIfAbsent("display_name", FieldDef.chars("display_name", "Display Name")
                .computed((records, record) -> records.displayName(name, (Long) record.get("id"))));
        ordered.putIfAbsent("create_uid", FieldDef.many2one("create_uid", "res.users", "Created by").magic());
        ordered.putIfAbsent("create_date", FieldDef.datetime("create_date", "Created on").magic());
        ordered.putIfAbsent("write_uid", FieldDef.many2one("write_uid", "res.users", "Last Updated by").magic());
        ordered.putIfAbsent("write_date", FieldDef.datetime("write_date", "Last Updated on").magic());
        fields.clear();
        fields.putAll(ordered);
        if (recName == null && fields.containsKey("name")) {
            recName = "name";
        }
        if (parentName == null && fields.containsKey("parent_id")
                && name.equals(fields.get("parent_id").relation())) {
            parentName = "parent_id";
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String order() {
        return order;
    }

    /** The field display names come from ({@code _rec_name}), or {@code null}: then "model,id". */
    public String recName() {
        return recName;
    }

    /** The many2one to the same model that child_of/parent_of follow, or {@code null}. */
    public String parentName() {
        return parentName;
    }

    public Map<String, String> inherits() {
        return Collections.unmodifiableMap(inherits);
    }

    public FieldDef field(String fieldName) {
        return fields.get(fieldName);
    }

    public boolean hasField(String fieldName) {
        return fields.containsKey(fieldName);
    }

    public Collection<FieldDef> fields() {
        return Collections.unmodifiableCollection(fields.values());
    }

    public List<Check> checks() {
        return Collections.unmodifiableList(checks);
    }

    public List<Unique> uniques() {
        return Collections.unmodifiableList(uniques);
    }

    public Compute displayNameCompute() {
        return displayName;
    }

    /** Has an {@code active} field: inactive records are hidden from searches unless asked for. */
    public boolean hasActive() {
        return fields.containsKey("active");
    }

    @Override
    public String toString() {
        return name;
    }
}
