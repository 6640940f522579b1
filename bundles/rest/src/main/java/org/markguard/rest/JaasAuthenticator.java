package org.markguard.rest;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * Logs in against a Karaf JAAS realm ({@code karaf}: etc/users.properties by default, or whatever
 * login modules an admin configures, LDAP included), so the API and the console share users.
 */
final class JaasAuthenticator implements Authenticator {
    private final String realm;

    JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Optional<Caller> authenticate(String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(user);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            login.login();
        } catch (LoginException e) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (RolePrincipal p : subject.getPrincipals(RolePrincipal.class)) {
            for (Role r : Role.values()) {
                if (r.principalName().equals(p.getName())) {
                    roles.add(r);
                }
            }
        }
        return Optional.of(new Caller(user, roles));
    }
}
