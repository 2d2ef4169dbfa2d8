package org.hil303.steps.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hil303.fixtures.dut.ApiUser;
import org.hil303.fixtures.dut.CredentialSource;
import org.hil303.fixtures.dut.LocalApi;
import org.hil303.rigs.UnitLabel;

/** The passwords the lab holds for the local API's users (IXIT 18-AccCtrl): from the unit's label or as the IXIT fixes them. */
public final class ApiAccounts {
    private ApiAccounts() {}

    public static Map<String, String> passwords(LocalApi api, Optional<UnitLabel> label) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ApiUser u : api.users()) {
            CredentialSource c = u.credential();
            if (c instanceof CredentialSource.Label) {
                label.map(UnitLabel::password).filter(p -> !p.isEmpty()).ifPresent(p -> out.put(u.name(), p));
            } else if (c instanceof CredentialSource.Fixed f) {
                out.put(u.name(), f.password());
            }
        }
        return out;
    }

    /** "user:password" allowed on the endpoint, for requests that must get past authentication. */
    public static Optional<String> basicAuth(LocalApi.Endpoint e, Map<String, String> passwords) {
        return Optional.ofNullable(passwords.get(e.access())).map(p -> e.access() + ":" + p);
    }
}
