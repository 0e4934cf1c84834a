package com.customk9.emulator.orm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.customk9.emulator.model.FieldDef;
import com.customk9.emulator.model.ModelDef;

/**
 * Odoo's x2many write commands, parsed from JSON: {@code (0,0,vals)} create, {@code (1,id,vals)} update,
 * {@code (2,id)} delete, {@code (3,id)} unlink, {@code (4,id)} link, {@code (5,)} clear, {@code (6,0,ids)} set.
 * As in Odoo 17, {@code false} means clear and a plain list of ids means set.
 */
final class X2ManyCommands {

    static final int CREATE = 0;
    static final int UPDATE = 1;
    static final int DELETE = 2;
    static final int UNLINK = 3;
    static final int LINK = 4;
    static final int CLEAR = 5;
    static final int SET = 6;

    record Command(int code, Long id, Map<String, Object> values, List<Long> ids) {
    }

    private X2ManyCommands() {
    }

    @SuppressWarnings("unchecked")
    static List<Command> parse(ModelDef model, FieldDef field, Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of(new Command(CLEAR, null, null, null));
        }
        if (!(value instanceof List<?> list)) {
            throw ValueConverter.wrongValue(model, field, value);
        }
        if (list.isEmpty()) {
            return List.of();
        }
        if (!(list.get(0) instanceof List<?>)) {
            List<Long> ids = new ArrayList<>();
            for (Object id : list) {
                ids.add(id(model, field, value, id));
            }
            return List.of(new Command(SET, null, null, ids));
        }
        List<Command> commands = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof List<?> command) || command.isEmpty() || !isInteger(command.get(0))) {
                throw ValueConverter.wrongValue(model, field, value);
            }
            int code = ((Number) command.get(0)).intValue();
            switch (code) {
                case CREATE -> {
                    Object values = command.size() > 2 ? command.get(2) : null;
                    if (!(values instanceof Map<?, ?>)) {
                        throw ValueConverter.wrongValue(model, field, value);
                    }
                    commands.add(new Command(CREATE, null, (Map<String, Object>) values, null));
                }
                case UPDATE -> {
                    Object values = command.size() > 2 ? command.get(2) : null;
                    if (command.size() < 3 || !(values instanceof Map<?, ?>)) {
                        throw ValueConverter.wrongValue(model, field, value);
                    }
                    commands.add(new Command(UPDATE, id(model, field, value, command.get(1)),
                            (Map<String, Object>) values, null));
                }
                case DELETE, UNLINK, LINK -> {
                    if (command.size() < 2) {
                        throw ValueConverter.wrongValue(model, field, value);
                    }
                    commands.add(new Command(code, id(model, field, value, command.get(1)), null, null));
                }
                case CLEAR -> commands.add(new Command(CLEAR, null, null, null));
                case SET -> {
                    Object ids = command.size() > 2 ? command.get(2) : null;
                    List<Long> parsed = new ArrayList<>();
                    if (ids instanceof List<?> idList) {
                        for (Object id : idList) {
                            parsed.add(id(model, field, value, id));
                        }
                    } else if (ids != null && !Boolean.FALSE.equals(ids)) {
                        throw ValueConverter.wrongValue(model, field, value);
                    }
                    commands.add(new Command(SET, null, null, parsed));
                }
                default -> throw ValueConverter.wrongValue(model, field, value);
            }
        }
        return commands;
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    private static Long id(ModelDef model, FieldDef field, Object whole, Object id) {
        if (!isInteger(id)) {
            throw ValueConverter.wrongValue(model, field, whole);
        }
        return ((Number) id).longValue();
    }
}
