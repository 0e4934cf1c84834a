package com.customk9.emulator.orm;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.customk9.emulator.model.DateFormats;
import com.customk9.emulator.model.DefaultContext;
import com.customk9.emulator.model.FieldDef;
import com.customk9.emulator.model.FieldType;
import com.customk9.emulator.model.ModelDef;
import com.customk9.emulator.model.ModelRegistry;
import com.customk9.emulator.orm.AccessPolicy.Operation;
import com.customk9.emulator.orm.Domain.Node;
import com.customk9.emulator.orm.X2ManyCommands.Command;

/**
 * Odoo's {@code Environment}: one user (or the superuser) acting in one {@link Transaction}. Carries out search,
 * read, create, write and unlink with Odoo 17's rules: access rights and record rules, defaults, required fields,
 * foreign keys, x2many commands, {@code _inherits} delegation, ondelete behaviour, constraints, and the few
 * business rules of the models we emulate ({@link BusinessRules}).
 */
final class Environment implements DefaultContext {

    /** Odoo's SUPERUSER_ID ({@code __system__}, OdooBot's user): bypasses access checks. */
    static final long SUPERUSER_ID = 1;

    private final ModelRegistry registry;
    private final Transaction tx;
    private final RecordValues values;
    private final long uid;
    private final boolean superuser;
    private final AccessPolicy access;
    private final Clock clock;
    private final PasswordHasher passwords;
    private final BusinessRules rules;
    private final Set<String> touched;
    private int depth;

    Environment(ModelRegistry registry, Transaction tx, long uid, AccessPolicy access, Clock clock,
            PasswordHasher passwords) {
        this(registry, tx, new RecordValues(registry, tx), uid, uid == SUPERUSER_ID, access, clock, passwords,
                new LinkedHashSet<>());
    }

    private Environment(ModelRegistry registry, Transaction tx, RecordValues values, long uid, boolean superuser,
            AccessPolicy access, Clock clock, PasswordHasher passwords, Set<String> touched) {
        this.registry = registry;
        this.tx = tx;
        this.values = values;
        this.uid = uid;
        this.superuser = superuser;
        this.access = access;
        this.clock = clock;
        this.passwords = passwords;
        this.touched = touched;
        this.rules = new BusinessRules(this);
    }

    /** The same user and transaction without access checks (Odoo's {@code sudo()}). */
    Environment sudo() {
        return superuser ? this : new Environment(registry, tx, values, uid, true, access, clock, passwords, touched);
    }

    @Override
    public long uid() {
        return uid;
    }

    @Override
    public Long userPartnerId() {
        Map<String, Object> user = tx.get("res.users", uid);
        return user == null ? null : (Long) user.get("partner_id");
    }

    @Override
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
    }

    RecordValues values() {
        return values;
    }

    Transaction tx() {
        return tx;
    }

    PasswordHasher passwords() {
        return passwords;
    }

    boolean isSuperuser() {
        return superuser;
    }

    ModelDef model(String name) {
        return registry.find(name).orElseThrow(() -> new OdooException.UnknownModel(name));
    }

    // ---------------------------------------------------------------- search

    List<Long> search(String modelName, List<?> domain, int offset, Integer limit, String order,
            boolean activeTest) {
        ModelDef model = model(modelName);
        checkModel(model, Operation.READ);
        Node parsed = Domain.parse(domain);
        OrderSpec orderSpec = OrderSpec.parse(model, order);
        List<Map<String, Object>> found = matching(model, parsed, activeTest);
        found.sort(orderSpec.comparator(model, values));
        return page(found, offset, limit);
    }

    long count(String modelName, List<?> domain, boolean activeTest) {
        ModelDef model = model(modelName);
        checkModel(model, Operation.READ);
        return matching(model, Domain.parse(domain), activeTest).size();
    }

    private List<Map<String, Object>> matching(ModelDef model, Node domain, boolean activeTest) {
        DomainMatcher matcher = new DomainMatcher(values);
        List<Map<String, Object>> found = new ArrayList<>(matcher.filter(model, domain, activeTest));
        if (!superuser) {
            Node rule = access.rule(values, uid, model, Operation.READ);
            if (rule != null) {
                found.removeIf(record -> !matcher.matches(model, record, rule));
            }
            if (AccessPolicy.followsDocument(model) && access.kind(values, uid) != AccessPolicy.UserKind.INTERNAL) {
                found.removeIf(record -> !documentVisible(record));
            }
        }
        return found;
    }

    /** Odoo's paging: a limit of 0 (falsy in Python) or none means every record. */
    private static List<Long> page(List<Map<String, Object>> records, int offset, Integer limit) {
        int from = Math.max(0, Math.min(offset, records.size()));
        int to = limit == null || limit <= 0 ? records.size() : Math.min(records.size(), from + limit);
        List<Long> ids = new ArrayList<>(to - from);
        for (Map<String, Object> record : records.subList(from, to)) {
            ids.add((Long) record.get("id"));
        }
        return ids;
    }

    List<List<Object>> nameSearch(String modelName, String name, List<?> domain, String operator, Integer limit,
            boolean activeTest) {
        ModelDef model = model(modelName);
        String op = operator == null || operator.isBlank() ? "ilike" : operator;
        boolean everything = (name == null || name.isEmpty()) && (op.equals("ilike") || op.equals("like"));
        List<Object> byName = everything ? List.of() : NameSearch.domain(model, op, name == null ? "" : name);
        List<Object> extra = domain == null || domain.isEmpty() ? List.of() : asDomainGroup(domain);
        List<Object> full = new ArrayList<>();
        if (!byName.isEmpty() && !extra.isEmpty()) {
            full.add("&");
        }
        full.addAll(extra);
        full.addAll(byName);
        List<Long> ids = search(modelName, full, 0, limit == null ? 100 : limit, null, activeTest);
        List<List<Object>> pairs = new ArrayList<>();
        for (Long id : ids) {
            List<Object> pair = new ArrayList<>();
            pair.add(id);
            pair.add(values.displayName(modelName, id));
            pairs.add(pair);
        }
        return pairs;
    }

    /** A domain wrapped so that it forms one operand ({@code &}-joined terms). */
    private static List<Object> asDomainGroup(List<?> domain) {
        Node parsed = Domain.parse(domain);
        List<Object> out = new ArrayList<>();
        flatten(parsed, out);
        return out;
    }

    private static void flatten(Node node, List<Object> out) {
        if (node instanceof Domain.And and) {
            out.add("&");
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else if (node instanceof Domain.Or or) {
            out.add("|");
            flatten(or.left(), out);
            flatten(or.right(), out);
        } else if (node instanceof Domain.Not not) {
            out.add("!");
            flatten(not.child(), out);
        } else if (node instanceof Domain.Constant constant) {
            out.add(List.of(constant.value() ? 1 : 0, "=", 1));
        } else {
            Domain.Leaf leaf = (Domain.Leaf) node;
            List<Object> term = new ArrayList<>();
            term.add(leaf.field());
            term.add(leaf.operator());
            term.add(leaf.value());
            out.add(term);
        }
    }

    // ---------------------------------------------------------------- read

    List<Map<String, Object>> read(String modelName, List<Long> ids, List<String> fieldNames) {
        ModelDef model = model(modelName);
        checkModel(model, Operation.READ);
        List<FieldDef> fields = fieldsToRead(model, fieldNames);
        List<Map<String, Object>> records = existing(model, ids);
        checkRules(model, records, Operation.READ);
        List<Map<String, Object>> result = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            result.add(readRecord(model, record, fields));
        }
        return result;
    }

    private List<FieldDef> fieldsToRead(ModelDef model, List<String> names) {
        if (names == null || names.isEmpty()) {
            return new ArrayList<>(model.fields());
        }
        List<FieldDef> fields = new ArrayList<>();
        for (String name : names) {
            FieldDef field = model.field(name);
            if (field == null) {
                throw new OdooException.ValueError("Invalid field " + PythonRepr.of(name) + " on model "
                        + PythonRepr.of(model.name()));
            }
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** One record as {@code read()} returns it; display names of many2one values are read as superuser. */
    Map<String, Object> readRecord(ModelDef model, Map<String, Object> record, List<FieldDef> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", record.get("id"));
        for (FieldDef field : fields) {
            if (field.name().equals("id")) {
                continue;
            }
            Object value = values.value(model, record, field);
            if (field.type() == FieldType.MANY2ONE) {
                if (value instanceof Long id && tx.get(field.relation(), id) != null) {
                    List<Object> pair = new ArrayList<>(2);
                    pair.add(id);
                    pair.add(values.displayName(field.relation(), id));
                    out.put(field.name(), pair);
                } else {
                    out.put(field.name(), Boolean.FALSE);
                }
            } else if (field.type().isX2Many()) {
                out.put(field.name(), ordered(field.relation(), value));
            } else if (model.name().equals("res.users") && field.name().equals("password")) {
                out.put(field.name(), "");
            } else {
                out.put(field.name(), ValueConverter.toRead(field, value));
            }
        }
        return out;
    }

    /** x2many ids in the comodel's default order, as Odoo returns them. */
    private List<Long> ordered(String comodelName, Object value) {
        List<Long> ids = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object id : list) {
                if (id instanceof Long l && tx.get(comodelName, l) != null) {
                    ids.add(l);
                }
            }
        }
        if (ids.size() > 1) {
            ModelDef comodel = model(comodelName);
            Comparator<Map<String, Object>> order = OrderSpec.parse(comodel, null).comparator(comodel, values);
            ids.sort((a, b) -> order.compare(tx.get(comodelName, a), tx.get(comodelName, b)));
        }
        return ids;
    }

    private List<Map<String, Object>> existing(ModelDef model, Collection<Long> ids) {
        List<Map<String, Object>> records = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            Map<String, Object> record = id == null ? null : tx.get(model.name(), id);
            if (record == null) {
                missing.add(id);
            } else {
                records.add(record);
            }
        }
        if (!missing.isEmpty()) {
            throw new OdooException.MissingError("Record does not exist or has been deleted.\n(Record: "
                    + model.name() + pythonTuple(missing) + ", User: " + uid + ")");
        }
        return records;
    }

    private static String pythonTuple(List<Long> ids) {
        return "(" + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + (ids.size() == 1 ? ",)" : ")");
    }

    // ---------------------------------------------------------------- access

    private void checkModel(ModelDef model, Operation operation) {
        if (!superuser) {
            access.checkModel(values, uid, model, operation);
        }
    }

    private void checkRules(ModelDef model, List<Map<String, Object>> records, Operation operation) {
        if (superuser || records.isEmpty()) {
            return;
        }
        Node rule = access.rule(values, uid, model, operation);
        boolean followsDocument = AccessPolicy.followsDocument(model)
                && access.kind(values, uid) != AccessPolicy.UserKind.INTERNAL;
        if (rule == null && !followsDocument) {
            return;
        }
        DomainMatcher matcher = new DomainMatcher(values);
        List<Map<String, Object>> forbidden = new ArrayList<>();
        for (Map<String, Object> record : records) {
            boolean allowed = (rule == null || matcher.matches(model, record, rule))
                    && (!followsDocument || documentVisible(record));
            if (!allowed) {
                forbidden.add(record);
            }
        }
        if (!forbidden.isEmpty()) {
            throw recordsError(model, forbidden, operation);
        }
    }

    private OdooException.AccessError recordsError(ModelDef model, List<Map<String, Object>> records,
            Operation operation) {
        String user = values.displayName("res.users", uid);
        StringBuilder message = new StringBuilder("Uh-oh! Looks like you have stumbled upon some top-secret records.\n\n")
                .append("Sorry, ").append(user).append(" (id=").append(uid).append(") doesn't have '")
                .append(operation.odooName()).append("' access to:\n");
        for (Map<String, Object> record : records) {
            Long id = (Long) record.get("id");
            message.append("- ").append(model.description()).append(", ")
                    .append(values.displayName(model.name(), id)).append(" (").append(model.name()).append(": ")
                    .append(id).append(")\n");
        }
        message.append("\nIf you really, really need access, perhaps you can win over your friendly administrator "
                + "with a batch of freshly baked cookies.");
        return new OdooException.AccessError(message.toString());
    }

    /** An attachment or message is visible to a non-employee when its document is (or it is theirs/public). */
    private boolean documentVisible(Map<String, Object> record) {
        if (Boolean.TRUE.equals(record.get("public")) || Objects.equals(record.get("create_uid"), uid)) {
            return true;
        }
        Object modelName = record.get(record.containsKey("res_model") ? "res_model" : "model");
        if (!(modelName instanceof String documentModelName) || !(record.get("res_id") instanceof Long resId)
                || resId == 0 || !registry.contains(documentModelName)) {
            return false;
        }
        ModelDef documentModel = model(documentModelName);
        Map<String, Object> document = tx.get(documentModelName, resId);
        if (document == null) {
            return false;
        }
        try {
            access.checkModel(values, uid, documentModel, Operation.READ);
        } catch (OdooException.AccessError e) {
            return false;
        }
        Node rule = access.rule(values, uid, documentModel, Operation.READ);
        return rule == null || new DomainMatcher(values).matches(documentModel, document, rule);
    }

    // ---------------------------------------------------------------- create

    long create(String modelName, Map<String, Object> vals) {
        ModelDef model = model(modelName);
        checkModel(model, Operation.CREATE);
        depth++;
        try {
            long id = createRecord(model, vals == null ? Map.of() : vals);
            if (depth == 1) {
                validateTouched();
            }
            return id;
        } finally {
            depth--;
        }
    }

    private long createRecord(ModelDef model, Map<String, Object> input) {
        Map<String, Object> vals = new LinkedHashMap<>(input);
        rules.beforeCreate(model, vals);
        Map<String, Map<String, Object>> parentValues = new LinkedHashMap<>();
        Map<String, Object> stored = new LinkedHashMap<>();
        Map<FieldDef, Object> x2many = new LinkedHashMap<>();
        String password = null;
        for (Map.Entry<String, Object> entry : vals.entrySet()) {
            FieldDef field = knownField(model, entry.getKey());
            if (field.isMagic()) {
                continue;
            }
            if (isPassword(model, field)) {
                password = passwordValue(entry.getValue());
            } else if (field.delegate() != null) {
                parentValues.computeIfAbsent(field.delegate(), d -> new LinkedHashMap<>())
                        .put(field.name(), entry.getValue());
            } else if (field.isComputed()) {
                continue;
            } else if (field.type().isX2Many()) {
                x2many.put(field, entry.getValue());
            } else {
                stored.put(field.name(), ValueConverter.toStored(model, field, entry.getValue()));
            }
        }
        for (FieldDef field : model.fields()) {
            if (field.isStoredHere() && !field.isMagic() && !vals.containsKey(field.name())
                    && field.defaultValue() != null) {
                Object value = field.defaultValue().apply(this);
                if (field.type() == FieldType.MANY2MANY) {
                    x2many.put(field, value);
                } else {
                    stored.put(field.name(), value instanceof Integer i ? Long.valueOf(i) : value);
                }
            }
        }
        for (Map.Entry<String, String> parent : model.inherits().entrySet()) {
            String link = parent.getValue();
            Map<String, Object> ownValues = parentValues.getOrDefault(link, Map.of());
            if (stored.get(link) == null) {
                stored.put(link, createParent(parent.getKey(), ownValues));
            } else if (!ownValues.isEmpty()) {
                writeRecords(model(parent.getKey()), List.of((Long) stored.get(link)), ownValues);
            }
        }
        String now = DateFormats.datetime(now());
        long id = tx.nextId(model.name());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.putAll(stored);
        record.put("create_uid", uid);
        record.put("create_date", now);
        record.put("write_uid", uid);
        record.put("write_date", now);
        checkRequired(model, record);
        checkForeignKeys(model, record);
        tx.put(model.name(), id, record);
        for (Map.Entry<FieldDef, Object> entry : x2many.entrySet()) {
            applyCommands(model, id, entry.getKey(), X2ManyCommands.parse(model, entry.getKey(), entry.getValue()));
        }
        if (password != null) {
            storePassword(id, password);
        }
        touched.add(model.name() + ":" + id);
        tx.record(new Transaction.Change(Orm.RecordListener.Action.CREATE, model.name(), id, null));
        rules.afterCreate(model, id);
        return id;
    }

    private long createParent(String parentModel, Map<String, Object> vals) {
        ModelDef parent = model(parentModel);
        rules.creatingInheritsParent(true);
        try {
            return createRecord(parent, vals);
        } finally {
            rules.creatingInheritsParent(false);
        }
    }

    private static boolean isPassword(ModelDef model, FieldDef field) {
        return model.name().equals("res.users") && field.name().equals("password");
    }

    private static String passwordValue(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    private FieldDef knownField(ModelDef model, String name) {
        FieldDef field = model.field(name);
        if (field == null) {
            throw new OdooException.ValueError("Invalid field " + PythonRepr.of(name) + " on model "
                    + PythonRepr.of(model.name()));
        }
        return field;
    }

    // ---------------------------------------------------------------- write

    void write(String modelName, List<Long> ids, Map<String, Object> vals) {
        ModelDef model = model(modelName);
        if (ids.isEmpty()) {
            return;
        }
        Environment acting = this;
        if (!superuser && model.name().equals("res.users") && ids.stream().allMatch(id -> id == uid)
                && AccessPolicy.SELF_WRITEABLE_FIELDS.containsAll(vals.keySet())) {
            acting = sudo();
        }
        acting.checkModel(model, Operation.WRITE);
        List<Map<String, Object>> records = existing(model, new LinkedHashSet<>(ids));
        acting.checkRules(model, records, Operation.WRITE);
        acting.depth++;
        try {
            acting.writeRecords(model, records.stream().map(r -> (Long) r.get("id")).toList(), vals);
            if (acting.depth == 1) {
                acting.validateTouched();
            }
        } finally {
            acting.depth--;
        }
    }

    private void writeRecords(ModelDef model, List<Long> ids, Map<String, Object> input) {
        Map<String, Object> vals = new LinkedHashMap<>(input);
        rules.beforeWrite(model, ids, vals);
        Map<String, Map<String, Object>> parentValues = new LinkedHashMap<>();
        Map<String, Object> stored = new LinkedHashMap<>();
        Map<FieldDef, List<Command>> x2many = new LinkedHashMap<>();
        String password = null;
        for (Map.Entry<String, Object> entry : vals.entrySet()) {
            FieldDef field = knownField(model, entry.getKey());
            if (field.isMagic()) {
                continue;
            }
            if (isPassword(model, field)) {
                password = passwordValue(entry.getValue());
            } else if (field.delegate() != null) {
                parentValues.computeIfAbsent(field.delegate(), d -> new LinkedHashMap<>())
                        .put(field.name(), entry.getValue());
            } else if (field.isComputed()) {
                continue;
            } else if (field.type().isX2Many()) {
                x2many.put(field, X2ManyCommands.parse(model, field, entry.getValue()));
            } else {
                stored.put(field.name(), ValueConverter.toStored(model, field, entry.getValue()));
            }
        }
        String now = DateFormats.datetime(now());
        for (Long id : ids) {
            Map<String, Object> record = tx.copyOf(model.name(), id);
            if (record == null) {
                continue;
            }
            record.putAll(stored);
            record.put("write_uid", uid);
            record.put("write_date", now);
            checkRequired(model, record);
            checkForeignKeys(model, record);
            tx.put(model.name(), id, record);
            for (Map.Entry<FieldDef, List<Command>> entry : x2many.entrySet()) {
                applyCommands(model, id, entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, Map<String, Object>> parent : parentValues.entrySet()) {
                Object parentId = record.get(parent.getKey());
                if (parentId instanceof Long pid) {
                    writeRecords(model(model.field(parent.getKey()).relation()), List.of(pid), parent.getValue());
                }
            }
            if (password != null) {
                storePassword(id, password);
            }
            touched.add(model.name() + ":" + id);
            tx.record(new Transaction.Change(Orm.RecordListener.Action.WRITE, model.name(), id, null));
        }
        rules.afterWrite(model, ids, vals);
    }

    /** Creates a record for a business rule: no access check, constraints checked with the calling operation. */
    long createInternal(String modelName, Map<String, Object> vals) {
        return createRecord(model(modelName), vals);
    }

    /** Stores a stored-form change without the checks of {@link #write} (business rules' own updates). */
    void store(ModelDef model, long id, Map<String, Object> changes) {
        Map<String, Object> record = tx.copyOf(model.name(), id);
        record.putAll(changes);
        tx.put(model.name(), id, record);
    }

    void storePassword(long userId, String password) {
        if (password == null || password.isEmpty()) {
            throw new OdooException.UserError("Setting empty passwords is not allowed for security reasons!");
        }
        store(model("res.users"), userId, Map.of("__password_hash", passwords.hash(password)));
    }

    private void checkRequired(ModelDef model, Map<String, Object> record) {
        for (FieldDef field : model.fields()) {
            if (field.isRequired() && field.isStoredHere() && !field.isMagic() && field.type() != FieldType.BOOLEAN
                    && field.type() != FieldType.MANY2MANY && record.get(field.name()) == null) {
                throw new OdooException.ValidationError("The operation cannot be completed:\n"
                        + "- Create/update: a mandatory field is not set.\n"
                        + "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
                        + "Model: " + model.description() + " (" + model.name() + ")\n"
                        + "Field: " + field.string() + " (" + field.name() + ")\n");
            }
        }
    }

    private void checkForeignKeys(ModelDef model, Map<String, Object> record) {
        for (FieldDef field : model.fields()) {
            if (field.type() == FieldType.MANY2ONE && field.isStoredHere() && !field.isMagic()
                    && record.get(field.name()) instanceof Long target && tx.get(field.relation(), target) == null) {
                throw foreignKeyError(model, table(model.name()) + "_" + field.name() + "_fkey");
            }
        }
    }

    private static OdooException.ValidationError foreignKeyError(ModelDef model, String constraint) {
        return new OdooException.ValidationError("The operation cannot be completed: another model requires the "
                + "record being deleted. If possible, archive it instead.\n\n"
                + "Model: " + model.description() + " (" + model.name() + ")\n"
                + "Constraint: " + constraint + "\n");
    }

    private static String table(String model) {
        return model.replace('.', '_');
    }

    // ---------------------------------------------------------------- x2many commands

    @SuppressWarnings("unchecked")
    private void applyCommands(ModelDef model, long id, FieldDef field, List<Command> commands) {
        if (commands.isEmpty()) {
            return;
        }
        ModelDef comodel = model(field.relation());
        boolean one2many = field.type() == FieldType.ONE2MANY;
        for (Command command : commands) {
            switch (command.code()) {
                case X2ManyCommands.CREATE -> {
                    Map<String, Object> childValues = new LinkedHashMap<>(command.values());
                    if (one2many) {
                        childValues.put(field.inverseName(), id);
                    }
                    sub(comodel, Operation.CREATE);
                    long child = createRecord(comodel, childValues);
                    if (!one2many) {
                        linkMany2many(model, id, field, List.of(child), false);
                    }
                }
                case X2ManyCommands.UPDATE -> {
                    sub(comodel, Operation.WRITE);
                    existing(comodel, List.of(command.id()));
                    writeRecords(comodel, List.of(command.id()), command.values());
                }
                case X2ManyCommands.DELETE -> {
                    sub(comodel, Operation.UNLINK);
                    if (tx.get(comodel.name(), command.id()) != null) {
                        unlinkRecords(comodel, List.of(command.id()));
                    }
                    if (!one2many) {
                        unlinkMany2many(model, id, field, List.of(command.id()));
                    }
                }
                case X2ManyCommands.UNLINK -> {
                    if (one2many) {
                        detachOne2many(comodel, field, List.of(command.id()), id);
                    } else {
                        unlinkMany2many(model, id, field, List.of(command.id()));
                    }
                }
                case X2ManyCommands.LINK -> {
                    if (one2many) {
                        existing(comodel, List.of(command.id()));
                        writeRecords(comodel, List.of(command.id()), Map.of(field.inverseName(), id));
                    } else {
                        linkMany2many(model, id, field, List.of(command.id()), false);
                    }
                }
                case X2ManyCommands.CLEAR -> {
                    if (one2many) {
                        detachOne2many(comodel, field, currentOne2many(comodel, field, id), id);
                    } else {
                        store(model, id, Map.of(field.name(), List.of()));
                    }
                }
                case X2ManyCommands.SET -> {
                    if (one2many) {
                        existing(comodel, command.ids());
                        List<Long> current = currentOne2many(comodel, field, id);
                        List<Long> dropped = current.stream().filter(c -> !command.ids().contains(c)).toList();
                        detachOne2many(comodel, field, dropped, id);
                        List<Long> added = command.ids().stream().filter(c -> !current.contains(c)).distinct().toList();
                        if (!added.isEmpty()) {
                            writeRecords(comodel, added, Map.of(field.inverseName(), id));
                        }
                    } else {
                        linkMany2many(model, id, field, command.ids(), true);
                    }
                }
                default -> throw new IllegalStateException("unknown command " + command.code());
            }
        }
        touched.add(model.name() + ":" + id);
    }

    private void sub(ModelDef comodel, Operation operation) {
        checkModel(comodel, operation);
    }

    private List<Long> currentOne2many(ModelDef comodel, FieldDef field, long id) {
        return values.referencing(comodel.name(), field.inverseName(), id);
    }

    /** Odoo: a line removed from a one2many is deleted when its link is ondelete cascade, else unlinked. */
    private void detachOne2many(ModelDef comodel, FieldDef field, List<Long> ids, long parentId) {
        List<Long> attached = ids.stream().filter(child -> {
            Map<String, Object> record = tx.get(comodel.name(), child);
            return record != null && Objects.equals(record.get(field.inverseName()), parentId);
        }).toList();
        if (attached.isEmpty()) {
            return;
        }
        FieldDef inverse = comodel.field(field.inverseName());
        if (inverse.onDelete() == FieldDef.OnDelete.CASCADE) {
            unlinkRecords(comodel, attached);
        } else {
            Map<String, Object> clear = new LinkedHashMap<>();
            clear.put(field.inverseName(), Boolean.FALSE);
            writeRecords(comodel, attached, clear);
        }
    }

    @SuppressWarnings("unchecked")
    private void linkMany2many(ModelDef model, long id, FieldDef field, List<Long> ids, boolean replace) {
        for (Long target : ids) {
            if (tx.get(field.relation(), target) == null) {
                throw foreignKeyError(model, table(model.name()) + "_" + table(field.relation()) + "_rel_"
                        + table(field.relation()) + "_id_fkey");
            }
        }
        Map<String, Object> record = tx.get(model.name(), id);
        List<Long> current = replace ? new ArrayList<>()
                : new ArrayList<>(record.get(field.name()) instanceof List<?> l ? (List<Long>) l : List.of());
        for (Long target : ids) {
            if (!current.contains(target)) {
                current.add(target);
            }
        }
        store(model, id, Map.of(field.name(), current));
    }

    @SuppressWarnings("unchecked")
    private void unlinkMany2many(ModelDef model, long id, FieldDef field, List<Long> ids) {
        Map<String, Object> record = tx.get(model.name(), id);
        if (record == null) {
            return;
        }
        List<Long> current = new ArrayList<>(record.get(field.name()) instanceof List<?> l ? (List<Long>) l : List.of());
        current.removeAll(ids);
        store(model, id, Map.of(field.name(), current));
    }

    // ---------------------------------------------------------------- unlink

    void unlink(String modelName, List<Long> ids) {
        ModelDef model = model(modelName);
        checkModel(model, Operation.UNLINK);
        List<Map<String, Object>> records = existing(model, new LinkedHashSet<>(ids));
        checkRules(model, records, Operation.UNLINK);
        List<Long> existingIds = records.stream().map(r -> (Long) r.get("id")).toList();
        rules.beforeUnlink(model, existingIds);
        unlinkRecords(model, existingIds);
        validateTouched();
    }

    private void unlinkRecords(ModelDef model, List<Long> ids) {
        List<Long> present = ids.stream().filter(id -> tx.get(model.name(), id) != null).distinct().toList();
        if (present.isEmpty()) {
            return;
        }
        List<FieldDef> allFields = new ArrayList<>(model.fields());
        for (Long id : present) {
            Map<String, Object> before = readRecord(model, tx.get(model.name(), id), allFields);
            tx.record(new Transaction.Change(Orm.RecordListener.Action.UNLINK, model.name(), id, before));
        }
        present.forEach(id -> tx.delete(model.name(), id));
        present.forEach(id -> touched.remove(model.name() + ":" + id));
        Set<Long> gone = Set.copyOf(present);
        for (ModelDef other : registry.models()) {
            for (FieldDef field : other.fields()) {
                if (!model.name().equals(field.relation()) || !field.isStoredHere()) {
                    continue;
                }
                if (field.type() == FieldType.MANY2ONE) {
                    onDeleteReferences(other, field, gone);
                } else if (field.type() == FieldType.MANY2MANY) {
                    for (Map<String, Object> record : List.copyOf(tx.all(other.name()))) {
                        if (record.get(field.name()) instanceof List<?> linked
                                && linked.stream().anyMatch(gone::contains)) {
                            List<Object> kept = new ArrayList<>(linked);
                            kept.removeIf(gone::contains);
                            store(other, (Long) record.get("id"), Map.of(field.name(), kept));
                        }
                    }
                }
            }
        }
    }

    private void onDeleteReferences(ModelDef other, FieldDef field, Set<Long> gone) {
        List<Long> referencing = new ArrayList<>();
        for (Map<String, Object> record : tx.all(other.name())) {
            if (record.get(field.name()) instanceof Long target && gone.contains(target)) {
                referencing.add((Long) record.get("id"));
            }
        }
        if (referencing.isEmpty()) {
            return;
        }
        switch (field.onDelete()) {
            case CASCADE -> unlinkRecords(other, referencing);
            case RESTRICT -> throw foreignKeyError(other, table(other.name()) + "_" + field.name() + "_fkey");
            default -> {
                Map<String, Object> clear = new LinkedHashMap<>();
                clear.put(field.name(), null);
                referencing.forEach(id -> store(other, id, clear));
            }
        }
    }

    // ---------------------------------------------------------------- constraints

    private void validateTouched() {
        List<String> keys = new ArrayList<>(touched);
        touched.clear();
        for (String key : keys) {
            int colon = key.lastIndexOf(':');
            ModelDef model = model(key.substring(0, colon));
            Map<String, Object> record = tx.get(model.name(), Long.parseLong(key.substring(colon + 1)));
            if (record == null) {
                continue;
            }
            for (ModelDef.Check check : model.checks()) {
                String violation = check.violation(values, record);
                if (violation != null) {
                    throw new OdooException.ValidationError(violation);
                }
            }
            for (ModelDef.Unique unique : model.uniques()) {
                checkUnique(model, record, unique);
            }
        }
    }

    private void checkUnique(ModelDef model, Map<String, Object> record, ModelDef.Unique unique) {
        List<Object> key = unique.fields().stream().map(record::get).toList();
        if (key.contains(null)) {
            return;
        }
        for (Map<String, Object> other : tx.all(model.name())) {
            if (!other.get("id").equals(record.get("id"))
                    && key.equals(unique.fields().stream().map(other::get).toList())) {
                throw new OdooException.ValidationError("The operation cannot be completed: " + unique.message());
            }
        }
    }

    // ---------------------------------------------------------------- fields_get

    Map<String, Map<String, Object>> fieldsGet(String modelName, List<String> attributes) {
        ModelDef model = model(modelName);
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (FieldDef field : model.fields()) {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("type", field.type().odooName());
            description.put("string", field.string());
            description.put("name", field.name());
            if (field.help() != null) {
                description.put("help", field.help());
            }
            description.put("required", field.isRequired());
            description.put("readonly", field.isReadonly());
            description.put("store", field.isStoredInOdoo());
            description.put("searchable", true);
            description.put("sortable", field.isStoredInOdoo() && !field.type().isX2Many());
            description.put("manual", false);
            description.put("company_dependent", false);
            description.put("change_default", false);
            description.put("depends", new ArrayList<>());
            if (field.type().isRelational()) {
                description.put("relation", field.relation());
                description.put("context", new LinkedHashMap<>());
                description.put("domain", new ArrayList<>());
            }
            if (field.type() == FieldType.ONE2MANY) {
                description.put("relation_field", field.inverseName());
            }
            if (field.type() == FieldType.MANY2ONE) {
                description.put("ondelete", field.onDelete().odooName());
            }
            if (field.type() == FieldType.SELECTION) {
                List<List<String>> selection = new ArrayList<>();
                for (FieldDef.Choice choice : field.selection()) {
                    selection.add(List.of(choice.value(), choice.label()));
                }
                description.put("selection", selection);
            }
            if (field.type() == FieldType.MONETARY) {
                description.put("currency_field", "currency_id");
            }
            if (attributes != null && !attributes.isEmpty()) {
                description.keySet().retainAll(attributes);
            }
            result.put(field.name(), description);
        }
        return result;
    }
}
