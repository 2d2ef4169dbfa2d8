package org.hil303.steps.cli;

import java.util.List;

/**
 * The order of a run. Scenarios that leave a newer image installed (tagged {@value #INSTALLS_UPDATE})
 * run after all others: on one unit, the checks that must find it below the newer image (altered
 * images, an untrusted server, the update client's TLS) would otherwise meet it already updated, and
 * a supplier gives one newer image, not one per test case. Cucumber orders scenarios by file name
 * only, so each phase is a run of its own over the same rig.
 */
final class RunPhases {
    static final String INSTALLS_UPDATE = "@installs-update";

    private RunPhases() {}

    /** The tag expression of each phase, in order, each within the user's selection (null: everything). */
    static List<String> of(String userTags) {
        String within = userTags == null ? "" : "(" + userTags + ") and ";
        return List.of(within + "not " + INSTALLS_UPDATE, within + INSTALLS_UPDATE);
    }
}
