package com.customk9.emulator.session;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.orm.OdooException;
import com.customk9.emulator.orm.Orm;

/**
 * Whether a session's user may still use it: Odoo derives a session's validity from the user's
 * login, password and {@code active} flag, so archiving a user ends their sessions.
 */
@ApplicationScoped
public class ActiveUsers {

    private final Orm orm;

    public ActiveUsers(Orm orm) {
        this.orm = orm;
    }

    public boolean isActive(long uid) {
        try {
            return orm.searchCount(uid, "res.users", List.of(List.of("id", "=", uid))) > 0;
        } catch (OdooException e) {
            return false;
        }
    }
}
