package com.customk9.emulator.orm;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.customk9.emulator.model.ModelDef;
import com.customk9.emulator.model.ModelRegistry;
import com.customk9.emulator.model.OdooModels;
import com.customk9.emulator.seed.DemoData;
import com.customk9.emulator.seed.SeedWriter;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * The emulated Odoo ORM: the model registry, the records (in memory, written through to PostgreSQL schema
 * {@code odoo_emulator} of the {@code odoo} datasource), transactions, access rules and listeners. Reads run
 * in parallel; writes one at a time, each in its own transaction, all or nothing. Loads the demo business on
 * first start ({@code customk9.emulator.seed-on-start}).
 */
@ApplicationScoped
public class OdooOrm implements Orm {

    private static final Logger LOG = Logger.getLogger(OdooOrm.class);
    /** Odoo's KEY_CRYPT_CONTEXT uses fewer rounds for API keys than for passwords: keys are long and random. */
    private static final int API_KEY_HASH_ROUNDS = 6000;

    private final ModelRegistry registry = OdooModels.registry();
    private final RecordTables tables = new RecordTables();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AccessPolicy access = new AccessPolicy();
    private final List<RecordListener> listeners = new CopyOnWriteArrayList<>();
    private final PostgresStore store;
    private final OrmConfig config;
    private final Clock clock;
    private final PasswordHasher passwords;
    private final UserDirectory users;
    private volatile boolean loaded;

    @Inject
    public OdooOrm(@io.quarkus.agroal.DataSource("odoo") AgroalDataSource dataSource, OrmConfig config) {
        this(dataSource, config, Clock.systemUTC());
    }

    /** A store of its own over {@code dataSource} (tests build a second one to check what survives a restart). */
    public OdooOrm(DataSource dataSource, OrmConfig config, Clock clock) {
        this.store = new PostgresStore(dataSource, config.schema());
        this.config = config;
        this.clock = clock;
        this.passwords = new PasswordHasher(config.passwordHashRounds());
        this.users = new UserDirectory(this, new PasswordHasher(API_KEY_HASH_ROUNDS));
    }

    void onStart(@Observes StartupEvent event) {
        ensureLoaded();
    }

    /** Creates the schema, loads what is stored, seeds an empty store; once. */
    public void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            lock.writeLock().lock();
            try {
                store.createSchema();
                store.load(tables, registry);
                if (tables.isEmpty() && config.seedOnStart()) {
                    LOG.info("Empty Odoo emulator store: loading the demo business");
                    Transaction tx = seededTransaction(tables);
                    store.persist(tx);
                    tx.commitTo(tables);
                }
                loaded = true;
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    @Override
    public void resetToSeed() {
        ensureLoaded();
        lock.writeLock().lock();
        try {
            RecordTables empty = new RecordTables();
            Transaction tx = seededTransaction(empty);
            store.replaceAll(tx);
            tables.clear();
            tx.commitTo(tables);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Transaction seededTransaction(RecordTables base) {
        Transaction tx = new Transaction(base);
        Environment env = environment(Environment.SUPERUSER_ID, tx);
        DemoData.load(new SeedWriter() {
            @Override
            public long create(String model, Map<String, Object> values) {
                return env.create(model, values);
            }

            @Override
            public void write(String model, long id, Map<String, Object> values) {
                env.write(model, List.of(id), values);
            }

            @Override
            public void installApiKey(long uid, String name, String key) {
                users.install(env, uid, name, key);
            }

            @Override
            public LocalDateTime now() {
                return env.now();
            }
        }, config.integrationApiKey());
        return tx;
    }

    private Environment environment(long uid, Transaction tx) {
        return new Environment(registry, tx, uid, access, clock, passwords);
    }

    <T> T inRead(long uid, Function<Environment, T> work) {
        ensureLoaded();
        lock.readLock().lock();
        try {
            return work.apply(environment(uid, new Transaction(tables)));
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T inWrite(long uid, Function<Environment, T> work) {
        ensureLoaded();
        T result;
        List<Notification> notifications;
        lock.writeLock().lock();
        try {
            Transaction tx = new Transaction(tables);
            result = work.apply(environment(uid, tx));
            if (tx.hasWrites()) {
                store.persist(tx);
                tx.commitTo(tables);
            }
            notifications = listeners.isEmpty() ? List.of() : notifications(tx.changes());
        } finally {
            lock.writeLock().unlock();
        }
        notify(notifications);
        return result;
    }

    private record Notification(RecordListener.Action action, String model, long id, Map<String, Object> values) {
    }

    /** One notification per record and action, with the committed values (before the change for unlink). */
    private List<Notification> notifications(List<Transaction.Change> changes) {
        Map<String, Notification> byRecord = new LinkedHashMap<>();
        Environment reader = environment(Environment.SUPERUSER_ID, new Transaction(tables));
        for (Transaction.Change change : changes) {
            String key = change.model() + ":" + change.id();
            if (change.action() == RecordListener.Action.UNLINK) {
                byRecord.remove(key);
                byRecord.put(key + ":unlink", new Notification(change.action(), change.model(), change.id(),
                        change.valuesBefore()));
                continue;
            }
            Notification known = byRecord.get(key);
            if (known != null) {
                continue;
            }
            Map<String, Object> record = tables.get(change.model(), change.id());
            if (record != null) {
                ModelDef model = reader.model(change.model());
                byRecord.put(key, new Notification(change.action(), change.model(), change.id(),
                        reader.readRecord(model, record, new ArrayList<>(model.fields()))));
            }
        }
        return new ArrayList<>(byRecord.values());
    }

    private void notify(List<Notification> notifications) {
        for (Notification notification : notifications) {
            for (RecordListener listener : listeners) {
                try {
                    listener.changed(notification.action(), notification.model(), notification.id(),
                            notification.values());
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Record listener failed on %s %s,%d", notification.action(), notification.model(),
                            notification.id());
                }
            }
        }
    }

    private static boolean activeTest(Map<String, Object> context) {
        return context == null || !Boolean.FALSE.equals(context.get("active_test"));
    }

    @Override
    public boolean modelExists(String model) {
        return registry.contains(model);
    }

    @Override
    public List<Long> search(long uid, String model, List<Object> domain, int offset, Integer limit, String order) {
        return search(uid, model, domain, offset, limit, order, Map.of());
    }

    @Override
    public List<Long> search(long uid, String model, List<Object> domain, int offset, Integer limit, String order,
            Map<String, Object> context) {
        return inRead(uid, env -> env.search(model, domain, offset, limit, order, activeTest(context)));
    }

    @Override
    public long searchCount(long uid, String model, List<Object> domain) {
        return searchCount(uid, model, domain, Map.of());
    }

    @Override
    public long searchCount(long uid, String model, List<Object> domain, Map<String, Object> context) {
        return inRead(uid, env -> env.count(model, domain, activeTest(context)));
    }

    @Override
    public List<Map<String, Object>> read(long uid, String model, List<Long> ids, List<String> fields) {
        return inRead(uid, env -> env.read(model, ids, fields));
    }

    @Override
    public List<Map<String, Object>> searchRead(long uid, String model, List<Object> domain, List<String> fields,
            int offset, Integer limit, String order) {
        return searchRead(uid, model, domain, fields, offset, limit, order, Map.of());
    }

    @Override
    public List<Map<String, Object>> searchRead(long uid, String model, List<Object> domain, List<String> fields,
            int offset, Integer limit, String order, Map<String, Object> context) {
        return inRead(uid, env -> env.read(model,
                env.search(model, domain, offset, limit, order, activeTest(context)), fields));
    }

    @Override
    public long create(long uid, String model, Map<String, Object> values) {
        return inWrite(uid, env -> env.create(model, values));
    }

    @Override
    public boolean write(long uid, String model, List<Long> ids, Map<String, Object> values) {
        return inWrite(uid, env -> {
            env.write(model, ids, values == null ? Map.of() : values);
            return true;
        });
    }

    @Override
    public boolean unlink(long uid, String model, List<Long> ids) {
        return inWrite(uid, env -> {
            env.unlink(model, ids);
            return true;
        });
    }

    @Override
    public Map<String, Map<String, Object>> fieldsGet(long uid, String model, List<String> attributes) {
        return inRead(uid, env -> env.fieldsGet(model, attributes));
    }

    @Override
    public List<List<Object>> nameSearch(long uid, String model, String name, List<Object> domain, String operator,
            Integer limit) {
        return nameSearch(uid, model, name, domain, operator, limit, Map.of());
    }

    @Override
    public List<List<Object>> nameSearch(long uid, String model, String name, List<Object> domain, String operator,
            Integer limit, Map<String, Object> context) {
        return inRead(uid, env -> env.nameSearch(model, name, domain, operator, limit, activeTest(context)));
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public void addListener(RecordListener listener) {
        listeners.add(listener);
    }

    /** Every model the emulator serves (for tooling and documentation). */
    public ModelRegistry registry() {
        return registry;
    }
}
