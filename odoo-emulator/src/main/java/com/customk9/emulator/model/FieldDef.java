package com.customk9.emulator.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One field of a model, as Odoo declares it: type, label, required/readonly, selection values, relation,
 * default, compute. Built fluently while the registry is assembled, read-only afterwards.
 */
public final class FieldDef {

    /** One value of a selection field and its label. */
    public record Choice(String value, String label) {
    }

    public enum OnDelete {
        SET_NULL("set null"), CASCADE("cascade"), RESTRICT("restrict");

        private final String odooName;

        OnDelete(String odooName) {
            this.odooName = odooName;
        }

        public String odooName() {
            return odooName;
        }
    }

    private final String name;
    private final FieldType type;
    private final String string;
    private String help;
    private boolean required;
    private boolean readonly;
    private String relation;
    private String inverseName;
    private OnDelete onDelete = OnDelete.SET_NULL;
    private List<Choice> selection = List.of();
    private Function<DefaultContext, Object> defaultValue;
    private Compute compute;
    private boolean storedCompute;
    private String delegate;
    private boolean magic;

    private FieldDef(String name, FieldType type, String string) {
        this.name = name;
        this.type = type;
        this.string = string;
    }

    public static FieldDef of(String name, FieldType type, String string) {
        return new FieldDef(name, type, string);
    }

    public static FieldDef chars(String name, String string) {
        return new FieldDef(name, FieldType.CHAR, string);
    }

    public static FieldDef text(String name, String string) {
        return new FieldDef(name, FieldType.TEXT, string);
    }

    public static FieldDef html(String name, String string) {
        return new FieldDef(name, FieldType.HTML, string);
    }

    public static FieldDef integer(String name, String string) {
        return new FieldDef(name, FieldType.INTEGER, string);
    }

    public static FieldDef floating(String name, String string) {
        return new FieldDef(name, FieldType.FLOAT, string);
    }

    public static FieldDef monetary(String name, String string) {
        return new FieldDef(name, FieldType.MONETARY, string);
    }

    public static FieldDef bool(String name, String string) {
        return new FieldDef(name, FieldType.BOOLEAN, string);
    }

    public static FieldDef date(String name, String string) {
        return new FieldDef(name, FieldType.DATE, string);
    }

    public static FieldDef datetime(String name, String string) {
        return new FieldDef(name, FieldType.DATETIME, string);
    }

    public static FieldDef binary(String name, String string) {
        return new FieldDef(name, FieldType.BINARY, string);
    }

    /** A selection from value/label pairs: {@code selection("state", "Status", "draft", "Draft", "done", "Done")}. */
    public static FieldDef selection(String name, String string, String... valuesAndLabels) {
        if (valuesAndLabels.length % 2 != 0) {
            throw new IllegalArgumentException("selection " + name + " needs value/label pairs");
        }
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < valuesAndLabels.length; i += 2) {
            choices.add(new Choice(valuesAndLabels[i], valuesAndLabels[i + 1]));
        }
        FieldDef field = new FieldDef(name, FieldType.SELECTION, string);
        field.selection = Collections.unmodifiableList(choices);
        return field;
    }

    public static FieldDef selection(String name, String string, List<Choice> choices) {
        FieldDef field = new FieldDef(name, FieldType.SELECTION, string);
        field.selection = List.copyOf(choices);
        return field;
    }

    public static FieldDef many2one(String name, String relation, String string) {
        FieldDef field = new FieldDef(name, FieldType.MANY2ONE, string);
        field.relation = relation;
        return field;
    }

    public static FieldDef one2many(String name, String relation, String inverseName, String string) {
        FieldDef field = new FieldDef(name, FieldType.ONE2MANY, string);
        field.relation = relation;
        field.inverseName = inverseName;
        return field;
    }

    public static FieldDef many2many(String name, String relation, String string) {
        FieldDef field = new FieldDef(name, FieldType.MANY2MANY, string);
        field.relation = relation;
        return field;
    }

    /** Required: a missing value fails like PostgreSQL's NOT NULL (many2one: ondelete restrict, as Odoo). */
    public FieldDef required() {
        this.required = true;
        if (type == FieldType.MANY2ONE && onDelete == OnDelete.SET_NULL) {
            onDelete = OnDelete.RESTRICT;
        }
        return this;
    }

    /** Readonly in Odoo's sense: a hint to views; the ORM still writes stored readonly fields. */
    public FieldDef readonly() {
        this.readonly = true;
        return this;
    }

    public FieldDef help(String help) {
        this.help = help;
        return this;
    }

    public FieldDef onDelete(OnDelete onDelete) {
        this.onDelete = onDelete;
        return this;
    }

    public FieldDef cascade() {
        return onDelete(OnDelete.CASCADE);
    }

    public FieldDef defaultValue(Object value) {
        this.defaultValue = context -> value;
        return this;
    }

    public FieldDef defaultValue(Function<DefaultContext, Object> value) {
        this.defaultValue = value;
        return this;
    }

    /** Computed on every read from the record (readonly, writes to it are ignored as Odoo ignores them). */
    public FieldDef computed(Compute compute) {
        this.compute = compute;
        this.readonly = true;
        return this;
    }

    /** Computed, and stored in real Odoo (so searchable and sortable there: {@code fields_get} says store). */
    public FieldDef computedStored(Compute compute) {
        computed(compute);
        this.storedCompute = true;
        return this;
    }

    FieldDef delegatedThrough(String many2oneField) {
        FieldDef copy = new FieldDef(name, type, string);
        copy.help = help;
        copy.required = required;
        copy.readonly = readonly;
        copy.relation = relation;
        copy.inverseName = inverseName;
        copy.onDelete = onDelete;
        copy.selection = selection;
        copy.defaultValue = defaultValue;
        copy.compute = compute;
        copy.storedCompute = storedCompute;
        copy.delegate = many2oneField;
        return copy;
    }

    FieldDef magic() {
        this.magic = true;
        this.readonly = true;
        return this;
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public String string() {
        return string;
    }

    public String help() {
        return help;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isReadonly() {
        return readonly;
    }

    public String relation() {
        return relation;
    }

    public String inverseName() {
        return inverseName;
    }

    public OnDelete onDelete() {
        return onDelete;
    }

    public List<Choice> selection() {
        return selection;
    }

    public boolean allowsSelectionValue(String value) {
        return selection.stream().anyMatch(choice -> choice.value().equals(value));
    }

    public Function<DefaultContext, Object> defaultValue() {
        return defaultValue;
    }

    public Compute compute() {
        return compute;
    }

    public boolean isComputed() {
        return compute != null;
    }

    /** Stored in the record itself (not computed, not delegated, not one2many). */
    public boolean isStoredHere() {
        return compute == null && delegate == null && type != FieldType.ONE2MANY && !"id".equals(name);
    }

    /** What {@code fields_get} reports as {@code store}. */
    public boolean isStoredInOdoo() {
        return (compute == null || storedCompute) && type != FieldType.ONE2MANY || delegate != null;
    }

    /** The many2one field of an {@code _inherits} parent this field lives on, or {@code null}. */
    public String delegate() {
        return delegate;
    }

    /** id, create_date, write_date, create_uid, write_uid: set by the ORM, silently dropped from writes. */
    public boolean isMagic() {
        return magic;
    }

    @Override
    public String toString() {
        return name + " (" + type.odooName() + ")";
    }
}
