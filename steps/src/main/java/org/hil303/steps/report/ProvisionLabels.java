package org.hil303.steps.report;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import java.util.List;
import java.util.Optional;
import org.hil303.steps.run.HarnessRun;
import org.hil303.steps.run.Provisions;

/**
 * Gives every Allure result the labels a lab filters by: provision, TS 103 701 test case,
 * epic/feature by EN 303 645 section, and the rig and unit it was measured on. Set just before the result is written (Allure's own
 * extension point), because labels set from Cucumber hooks are lost in this Allure version.
 */
public final class ProvisionLabels implements TestLifecycleListener {
    @Override
    public void beforeTestWrite(TestResult result) {
        List<String> tags = result.getLabels().stream().filter(l -> "tag".equals(l.getName())).map(l -> "@" + l.getValue()).toList();
        Optional<String> provision = ScenarioTags.provision(tags);
        Optional<String> testCase = ScenarioTags.testCase(tags);
        provision.ifPresent(p -> add(result, "provision", p));
        testCase.ifPresent(t -> add(result, "testCase", t));
        provision.flatMap(Provisions::find).ifPresent(p -> {
            replace(result, "epic", p.section());
            replace(result, "feature", p.id() + " " + p.title());
            replace(result, "severity", p.status().startsWith("M") ? "critical" : "normal");
            replace(result, "parentSuite", p.section());
        });
        // where it was measured, so a result of a run over several rigs can be traced to its unit
        HarnessRun.currentIfAny().ifPresent(run -> {
            List<Parameter> parameters = new java.util.ArrayList<>(result.getParameters()); // the plugin's list may be fixed-size
            add(result, "rig", run.rigId());
            replace(result, "host", run.rigId()); // Allure's timeline then shows one lane per rig
            parameters.add(new Parameter().setName("rig").setValue(run.rigId()));
            run.unitSerial().ifPresent(serial -> {
                add(result, "unit", serial);
                parameters.add(new Parameter().setName("unit").setValue(serial));
            });
            result.setParameters(parameters);
        });
    }

    private static void add(TestResult r, String name, String value) {
        r.getLabels().add(new Label().setName(name).setValue(value));
    }

    private static void replace(TestResult r, String name, String value) {
        r.getLabels().removeIf(l -> name.equals(l.getName()));
        add(r, name, value);
    }
}
