package com.customk9.emulator.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.customk9.emulator.model.FieldDef;
import com.customk9.emulator.model.FieldType;
import com.customk9.emulator.model.ModelDef;
import com.customk9.emulator.model.ModelRegistry;
import com.customk9.emulator.model.RecordAccess;

/**
 * Field values of the records of one transaction, in stored form: stored fields as they are, computed fields
 * computed, {@code _inherits} fields read through the parent, one2many fields from their inverse many2one.
 */
final class RecordValues implements RecordAccess {

    private final ModelRegistry registry;
    private final Transaction tx;

    RecordValues(ModelRegistry registry, Transaction tx) {
        this.registry = registry;
        this.tx = tx;
    }

    ModelRegistry registry() {
        return registry;
    }

    Transaction tx() {
        return tx;
    }

    @Override
    public Map<String, Object> record(String model, long id) {
        return tx.get(model, id);
    }

    @Override
    public Collection<Map<String, Object>> records(String model) {
        return tx.all(model);
    }

    @Override
    public Object value(String model, Map<String, Object> record, String field) {
        ModelDef modelDef = registry.find(model).orElseThrow(() -> new OdooException.UnknownModel(model));
        FieldDef fieldDef = modelDef.field(field);
        return fieldDef == null ? record.get(field) : value(modelDef, record, fieldDef);
    }

    Object value(ModelDef model, Map<String, Object> record, FieldDef field) {
        if (field.delegate() != null) {
            Object parentId = record.get(field.delegate());
            String parentModel = model.field(field.delegate()).relation();
            Map<String, Object> parent = parentId instanceof Long id ? tx.get(parentModel, id) : null;
            return parent == null ? null : value(parentModel, parent, field.name());
        }
        if (field.isComputed()) {
            return field.compute().value(this, record);
        }
        if (field.type() == FieldType.ONE2MANY) {
            return referencing(field.relation(), field.inverseName(), (Long) record.get("id"));
        }
        return record.get(field.name());
    }

    /** The ids a relational field holds, whatever its kind (empty for an unset many2one). */
    @SuppressWarnings("unchecked")
    List<Long> relatedIds(ModelDef model, Map<String, Object> record, FieldDef field) {
        Object value = value(model, record, field);
        if (value instanceof Long id) {
            return List.of(id);
        }
        if (value instanceof List<?> ids) {
            return (List<Long>) ids;
        }
        return List.of();
    }

    @Override
    public List<Long> referencing(String model, String field, long id) {
        List<Long> ids = new ArrayList<>();
        ModelDef modelDef = registry.find(model).orElseThrow();
        FieldDef fieldDef = modelDef.field(field);
        boolean stored = fieldDef.isStoredHere();
        for (Map<String, Object> record : tx.all(model)) {
            Object value = stored ? record.get(field) : value(modelDef, record, fieldDef);
            if (Objects.equals(value, id)) {
                ids.add((Long) record.get("id"));
            }
        }
        return ids;
    }

    @Override
    public String displayName(String model, long id) {
        Map<String, Object> record = tx.get(model, id);
        if (record == null) {
            return "";
        }
        ModelDef modelDef = registry.find(model).orElseThrow();
        if (modelDef.displayNameCompute() != null) {
            Object name = modelDef.displayNameCompute().value(this, record);
            return name == null ? "" : name.toString();
        }
        if (modelDef.recName() != null) {
            Object name = value(modelDef, record, modelDef.field(modelDef.recName()));
            return name == null ? "" : name.toString();
        }
        return model + "," + id;
    }
}
