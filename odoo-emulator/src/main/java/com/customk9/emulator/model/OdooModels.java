package com.customk9.emulator.model;

/** The registry of every model the emulator serves (Odoo 17 with the modules CustomK9 uses). */
public final class OdooModels {

    private OdooModels() {
    }

    public static ModelRegistry registry() {
        ModelRegistry registry = new ModelRegistry();
        BaseModels.define(registry);
        TrainingModels.define(registry);
        ServiceModels.define(registry);
        EventModels.define(registry);
        SalesModels.define(registry);
        AccountingModels.define(registry);
        BlogModels.define(registry);
        return registry.complete();
    }
}
