package org.hil303.steps.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hil303.fixtures.dut.CredentialSource;
import org.hil303.fixtures.dut.DutFile;
import org.hil303.fixtures.dut.LoginSurfaceSpec;
import org.hil303.rigs.UnitLabel;
import org.hil303.rigs.base.RigFault;

/**
 * The credentials the lab legitimately holds for this unit, per user: from the label or the IXIT at
 * first, updated when a scenario changes a password, so later scenarios log in with the current one.
 */
public final class Accounts {
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, String> factory = new LinkedHashMap<>();

    static Accounts fromFactory(DutFile dut, Optional<UnitLabel> label) {
        Accounts a = new Accounts();
        for (LoginSurfaceSpec s : dut.loginSurfaces()) {
            CredentialSource c = s.credential();
            if (c instanceof CredentialSource.Label) {
                String pw = label.map(UnitLabel::password).filter(p -> !p.isEmpty()).orElseThrow(() -> new RigFault(
                        "login surface '" + s.id() + "' uses the password on the unit's label, but the rig has no label: "
                                + "add 'label: <file>' with serial and password to the rig file"));
                a.passwords.putIfAbsent(s.user(), pw);
            } else if (c instanceof CredentialSource.Fixed f) {
                a.passwords.putIfAbsent(s.user(), f.password());
            }
        }
        a.factory.putAll(a.passwords);
        return a;
    }

    public synchronized Optional<String> password(String user) {
        return Optional.ofNullable(passwords.get(user));
    }

    public synchronized void changed(String user, String password) {
        passwords.put(user, password);
    }

    /** After a factory reset the unit should accept its factory credential again; later scenarios log in with it. */
    public synchronized Optional<String> restoreFactory(String user) {
        Optional<String> pw = Optional.ofNullable(factory.get(user));
        pw.ifPresent(p -> passwords.put(user, p));
        return pw;
    }
}
