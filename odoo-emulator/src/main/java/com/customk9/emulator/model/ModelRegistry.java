package com.customk9.emulator.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every model the emulator knows, by {@code _name}, with inherited and magic fields resolved. */
public final class ModelRegistry {

    private final Map<String, ModelDef> models = new LinkedHashMap<>();

    ModelRegistry() {
    }

    void add(ModelDef model) {
        if (models.putIfAbsent(model.name(), model) != null) {
            throw new IllegalStateException("model defined twice: " + model.name());
        }
    }

    /** Adds magic fields and the fields of {@code _inherits} parents; checks every relation exists. */
    ModelRegistry complete() {
        for (ModelDef model : models.values()) {
            model.addMagicFields();
        }
        for (ModelDef model : models.values()) {
            for (Map.Entry<String, String> parent : model.inherits().entrySet()) {
                ModelDef parentModel = models.get(parent.getKey());
                for (FieldDef field : parentModel.fields()) {
                    if (!field.isMagic() && !field.name().equals("display_name") && !model.hasField(field.name())) {
                        model.addInheritedField(field.delegatedThrough(parent.getValue()));
                    }
                }
            }
        }
        for (ModelDef model : models.values()) {
            for (FieldDef field : model.fields()) {
                if (field.type().isRelational() && !models.containsKey(field.relation())) {
                    throw new IllegalStateException(model.name() + "." + field.name() + " relates to unknown model "
                            + field.relation());
                }
                if (field.type() == FieldType.ONE2MANY) {
                    FieldDef inverse = models.get(field.relation()).field(field.inverseName());
                    if (inverse == null || inverse.type() != FieldType.MANY2ONE) {
                        throw new IllegalStateException(model.name() + "." + field.name() + " has no many2one inverse");
                    }
                }
            }
        }
        return this;
    }

    public Optional<ModelDef> find(String name) {
        return Optional.ofNullable(name == null ? null : models.get(name));
    }

    public boolean contains(String name) {
        return name != null && models.containsKey(name);
    }

    public Collection<ModelDef> models() {
        return Collections.unmodifiableCollection(models.values());
    }
}
