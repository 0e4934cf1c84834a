package com.customk9.emulator.jsonrpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.fault.FaultInjector;
import com.customk9.emulator.orm.OdooException;
import com.customk9.emulator.orm.Orm;

/**
 * Odoo's {@code api.call_kw}: a model method called by name with positional {@code args} and
 * keyword {@code kwargs}, with Odoo 17's signatures. Record methods ({@code read}, {@code write},
 * {@code unlink}, {@code name_get}) take the record ids as their first argument. Shared by
 * {@code execute_kw} on /jsonrpc and by /web/dataset/call_kw.
 */
@ApplicationScoped
public class CallKw {

    private final Orm orm;
    private final FaultInjector faults;
    private final UserContext userContext;

    public CallKw(Orm orm, FaultInjector faults, UserContext userContext) {
        this.orm = orm;
        this.faults = faults;
        this.userContext = userContext;
    }

    public boolean modelExists(String model) {
        return orm.modelExists(model);
    }

    public Object call(long uid, String model, String method, List<Object> args, Map<String, Object> kwargs) {
        if (method.startsWith("_")) {
            throw OdooRpcError.accessError("Private methods (such as " + method + ") cannot be called remotely.");
        }
        Map<String, Object> keywords = new LinkedHashMap<>(kwargs);
        Object rawContext = keywords.remove("context");
        @SuppressWarnings("unchecked")
        Map<String, Object> context = rawContext instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        return switch (method) {
            case "search" -> search(uid, model, context, PythonArguments.bind("search", args, keywords,
                    "domain", "offset", "limit", "order", "count"));
            case "search_count" -> searchCount(uid, model, context, PythonArguments.bind("search_count", args, keywords,
                    "domain", "limit"));
            case "search_read" -> searchRead(uid, model, context, PythonArguments.bind("search_read", args, keywords,
                    "domain", "fields", "offset", "limit", "order", "load"));
            case "read" -> read(uid, model, PythonArguments.bind("read", args, keywords, "ids", "fields", "load"));
            case "create" -> create(uid, model, PythonArguments.bind("create", args, keywords, "vals_list"));
            case "write" -> write(uid, model, PythonArguments.bind("write", args, keywords, "ids", "vals"));
            case "unlink" -> unlink(uid, model, PythonArguments.bind("unlink", args, keywords, "ids"));
            case "fields_get" -> fieldsGet(uid, model, PythonArguments.bind("fields_get", args, keywords,
                    "allfields", "attributes"));
            case "name_search" -> nameSearch(uid, model, context, PythonArguments.bind("name_search", args, keywords,
                    "name", "args", "operator", "limit", "domain"));
            case "name_get" -> nameGet(uid, model, PythonArguments.bind("name_get", args, keywords, "ids"));
            case "context_get" -> contextGet(uid, model, PythonArguments.bind("context_get", args, keywords));
            case "check_access_rights" -> checkAccessRights(model, PythonArguments.bind("check_access_rights", args,
                    keywords, "operation", "raise_exception"));
            default -> throw OdooRpcError.attributeError("The method '" + method + "' does not exist on the model '" + model + "'");
        };
    }

    private Object search(long uid, String model, Map<String, Object> context, PythonArguments a) {
        List<Object> domain = PythonValues.domain(a.required("domain"));
        if (PythonValues.truthy(a.get("count", false))) {
            return orm.searchCount(uid, model, domain, context);
        }
        return orm.search(uid, model, domain, offset(a), PythonValues.optionalInt(a.get("limit", null), "limit"),
                PythonValues.optionalString(a.get("order", null), "order"), context);
    }

    private Object searchCount(long uid, String model, Map<String, Object> context, PythonArguments a) {
        long count = orm.searchCount(uid, model, PythonValues.domain(a.required("domain")), context);
        Integer limit = PythonValues.optionalInt(a.get("limit", null), "limit");
        return limit == null ? count : Math.min(count, limit);
    }

    private Object searchRead(long uid, String model, Map<String, Object> context, PythonArguments a) {
        List<Map<String, Object>> rows = orm.searchRead(uid, model, PythonValues.domain(a.get("domain", null)),
                PythonValues.fields(a.get("fields", null)), offset(a),
                PythonValues.optionalInt(a.get("limit", null), "limit"),
                PythonValues.optionalString(a.get("order", null), "order"), context);
        return withLoad(uid, model, rows, a);
    }

    private Object read(long uid, String model, PythonArguments a) {
        List<Long> ids = PythonValues.ids(a.required("ids"));
        if (ids.isEmpty()) {
            return List.of();
        }
        return withLoad(uid, model, orm.read(uid, model, ids, PythonValues.fields(a.get("fields", null))), a);
    }

    /** {@code load=None} (or False) reads many2one values as bare ids instead of {@code [id, name]}. */
    private List<Map<String, Object>> withLoad(long uid, String model, List<Map<String, Object>> rows, PythonArguments a) {
        if (!a.has("load") || PythonValues.truthy(a.get("load", null)) || rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, Object>> fields = orm.fieldsGet(uid, model, List.of("type"));
        List<Map<String, Object>> flattened = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.replaceAll((name, value) -> isMany2one(fields.get(name)) && value instanceof List<?> pair && !pair.isEmpty()
                    ? pair.get(0) : value);
            flattened.add(copy);
        }
        return flattened;
    }

    private static boolean isMany2one(Map<String, Object> field) {
        return field != null && "many2one".equals(field.get("type"));
    }

    private Object create(long uid, String model, PythonArguments a) {
        Object values = a.required("vals_list");
        if (values instanceof Map<?, ?>) {
            beforeWrite();
            return orm.create(uid, model, PythonValues.dict(values, "vals_list"));
        }
        if (values instanceof List<?> list) {
            beforeWrite();
            List<Long> ids = new ArrayList<>(list.size());
            for (Object item : list) {
                ids.add(orm.create(uid, model, PythonValues.dict(item, "vals_list")));
            }
            return ids;
        }
        throw OdooRpcError.typeError("create() expects a dict or a list of dicts, not '" + PythonValues.typeName(values) + "'");
    }

    private Object write(long uid, String model, PythonArguments a) {
        List<Long> ids = PythonValues.ids(a.required("ids"));
        Map<String, Object> values = PythonValues.dict(a.required("vals"), "vals");
        beforeWrite();
        return ids.isEmpty() || orm.write(uid, model, ids, values);
    }

    private Object unlink(long uid, String model, PythonArguments a) {
        List<Long> ids = PythonValues.ids(a.required("ids"));
        beforeWrite();
        return ids.isEmpty() || orm.unlink(uid, model, ids);
    }

    private void beforeWrite() {
        if (faults.takeSerializationFailure()) {
            throw new OdooException.SerializationFailure(FaultInjector.SERIALIZATION_FAILURE_MESSAGE);
        }
    }

    private Object fieldsGet(long uid, String model, PythonArguments a) {
        List<String> attributes = PythonValues.fields(a.get("attributes", null));
        List<String> allfields = PythonValues.fields(a.get("allfields", null));
        Map<String, Map<String, Object>> fields = orm.fieldsGet(uid, model, attributes);
        if (allfields == null) {
            return fields;
        }
        Map<String, Map<String, Object>> selected = new LinkedHashMap<>();
        for (String name : allfields) {
            if (fields.containsKey(name)) {
                selected.put(name, fields.get(name));
            }
        }
        return selected;
    }

    private Object nameSearch(long uid, String model, Map<String, Object> context, PythonArguments a) {
        Object name = a.get("name", "");
        String text = name == null || Boolean.FALSE.equals(name) ? "" : PythonValues.optionalString(name, "name");
        Object domain = a.has("domain") ? a.get("domain", null) : a.get("args", null);
        String operator = PythonValues.optionalString(a.get("operator", "ilike"), "operator");
        Object limit = a.get("limit", 100);
        return orm.nameSearch(uid, model, text, PythonValues.domain(domain), operator == null ? "ilike" : operator,
                PythonValues.optionalInt(limit, "limit"), context);
    }

    private Object nameGet(long uid, String model, PythonArguments a) {
        List<Long> ids = PythonValues.ids(a.required("ids"));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<List<Object>> pairs = new ArrayList<>();
        for (Map<String, Object> row : orm.read(uid, model, ids, List.of("display_name"))) {
            pairs.add(List.of(row.get("id"), row.get("display_name")));
        }
        return pairs;
    }

    /** {@code res.users.context_get()}, which clients such as odoorpc call right after logging in. */
    private Object contextGet(long uid, String model, PythonArguments a) {
        if (!"res.users".equals(model)) {
            throw OdooRpcError.attributeError("The method 'context_get' does not exist on the model '" + model + "'");
        }
        return userContext.of(uid);
    }

    private Object checkAccessRights(String model, PythonArguments a) {
        Object operation = a.required("operation");
        if (!List.of("read", "write", "create", "unlink").contains(operation)) {
            throw OdooRpcError.valueError("Invalid access mode");
        }
        if (!orm.modelExists(model)) {
            throw OdooRpcError.keyError(model);
        }
        return true;
    }

    private static int offset(PythonArguments a) {
        Integer offset = PythonValues.optionalInt(a.get("offset", 0), "offset");
        if (offset != null && offset < 0) {
            throw OdooRpcError.valueError("OFFSET must not be negative");
        }
        return offset == null ? 0 : offset;
    }
}
