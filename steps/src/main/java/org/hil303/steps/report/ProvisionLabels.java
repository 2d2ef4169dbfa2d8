package org.hil303.steps.report;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.util.List;
import java.util.Optional;
import org.hil303.steps.run.Provisions;

/**
 * Gives every Allure result the labels a lab filters by: provision, TS 103 701 test case, and
 * epic/feature by EN 303 645 section. Set just before the result is written (Allure's own
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
    }

    private static void add(TestResult r, String name, String value) {
        r.getLabels().add(new Label().setName(name).setValue(value));
    }

    private static void replace(TestResult r, String name, String value) {
        r.getLabels().removeIf(l -> name.equals(l.getName()));
        add(r, name, value);
    }
}
