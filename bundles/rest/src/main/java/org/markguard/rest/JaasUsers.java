package org.markguard.rest;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The users of the {@code karaf} JAAS realm, managed through the backing engine of its first login
 * module that has one (etc/users.properties by default; passwords hashed by the realm's encryption
 * settings). Looked up on each call: realms and engines may be reconfigured at runtime.
 */
final class JaasUsers {
    static final String REALM = "karaf";
    /** {@code org.apache.karaf.jaas.boot.ProxyLoginModule.PROPERTY_MODULE}. */
    static final String PROXIED_MODULE_OPTION = "org.apache.karaf.jaas.module";

    record User(String name, Set<String> roles) {
    }

    private final BundleContext context;

    JaasUsers(BundleContext context) {
        this.context = context;
    }

    List<User> list() {
        BackingEngine engine = engine();
        List<User> out = new ArrayList<>();
        for (UserPrincipal u : engine.listUsers()) {
            out.add(new User(u.getName(), markguardRoles(engine, u)));
        }
        out.sort(Comparator.comparing(User::name));
        return out;
    }

    Optional<User> find(String name) {
        BackingEngine engine = engine();
        UserPrincipal u = engine.lookupUser(name);
        return u == null ? Optional.empty() : Optional.of(new User(u.getName(), markguardRoles(engine, u)));
    }

    void create(String name, String password, Set<Role> roles) {
        BackingEngine engine = engine();
        if (engine.lookupUser(name) != null) {
            throw new ApiException(409, "a user named '" + name + "' exists");
        }
        engine.addUser(name, password);
        for (Role r : roles) {
            engine.addRole(name, r.principalName());
        }
        // the properties file is rewritten whole by every change, also by the login module (when it
        // hashes a password): a role saved between another writer's read and its save is lost, so
        // read back through a fresh engine and add what is missing
        Set<String> wanted = new TreeSet<>();
        roles.forEach(r -> wanted.add(r.principalName()));
        for (int attempt = 0; attempt < 5; attempt++) {
            BackingEngine fresh = engine();
            UserPrincipal stored = fresh.lookupUser(name);
            if (stored == null) {
                fresh.addUser(name, password);
                stored = fresh.lookupUser(name);
            }
            Set<String> missing = new TreeSet<>(wanted);
            if (stored != null) {
                missing.removeAll(markguardRoles(fresh, stored));
            }
            if (stored != null && missing.isEmpty()) {
                return;
            }
            missing.forEach(role -> fresh.addRole(name, role));
            try {
                Thread.sleep(50L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("user '" + name + "' could not be stored with roles " + wanted);
    }

    void delete(String name) {
        BackingEngine engine = engine();
        if (engine.lookupUser(name) == null) {
            throw ApiException.notFound("no user named '" + name + "'");
        }
        engine.deleteUser(name);
    }

    /** Roles given directly or through groups, limited to the three markguard knows. */
    private static Set<String> markguardRoles(BackingEngine engine, Principal user) {
        Set<String> roles = new TreeSet<>();
        for (RolePrincipal r : engine.listRoles(user)) {
            for (Role known : Role.values()) {
                if (known.principalName().equals(r.getName())) {
                    roles.add(r.getName());
                }
            }
        }
        return roles;
    }

    private BackingEngine engine() {
        try {
            for (ServiceReference<JaasRealm> ref : context.getServiceReferences(JaasRealm.class, null)) {
                JaasRealm realm = context.getService(ref);
                try {
                    if (realm == null || !REALM.equals(realm.getName())) {
                        continue;
                    }
                    for (AppConfigurationEntry entry : realm.getEntries()) {
                        Optional<BackingEngine> engine = engineFor(entry);
                        if (engine.isPresent()) {
                            return engine.get();
                        }
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new ApiException(503, "no user store: the JAAS realm '" + REALM + "' has no login module with a backing engine");
    }

    private Optional<BackingEngine> engineFor(AppConfigurationEntry entry) throws InvalidSyntaxException {
        // Karaf realms wrap each module in its ProxyLoginModule and name the real class in an option
        Object proxied = entry.getOptions().get(PROXIED_MODULE_OPTION);
        String moduleClass = proxied != null ? proxied.toString() : entry.getLoginModuleName();
        for (ServiceReference<BackingEngineFactory> ref : context.getServiceReferences(BackingEngineFactory.class, null)) {
            BackingEngineFactory factory = context.getService(ref);
            try {
                if (factory != null && factory.getModuleClass().equals(moduleClass)) {
                    return Optional.of(factory.build(entry.getOptions()));
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return Optional.empty();
    }
}
