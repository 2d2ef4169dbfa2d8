package org.hil303.steps.farm;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hil303.steps.report.ScenarioTags;

/**
 * The scenarios of the suite as Cucumber will see them (its own Gherkin parser, so outlines and
 * inherited tags count), for planning a run before any rig is touched.
 */
public final class Suite {
    /** Test cases judged across the units of a run, after every unit has been measured. */
    public static final String CROSS_UNIT = "@cross-unit";

    /** One scenario: its provision (test group), test case and every tag it carries. */
    public record Scenario(String provision, String testCase, String name, List<String> tags) {
        public boolean crossUnit() {
            return tags.contains(CROSS_UNIT);
        }
    }

    private final List<Scenario> scenarios;

    private Suite(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    public static Suite read(Path features) throws IOException {
        List<Scenario> out = new ArrayList<>();
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).includePickles(true).build();
        List<Path> files;
        try (Stream<Path> s = Files.walk(features)) {
            files = s.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
        }
        for (Path f : files) {
            try (Stream<io.cucumber.messages.types.Envelope> envelopes = parser.parse(f)) {
                envelopes.map(e -> e.getPickle()).flatMap(Optional::stream).forEach(p -> out.add(scenario(p)));
            }
        }
        return new Suite(out);
    }

    static Suite of(List<Scenario> scenarios) {
        return new Suite(scenarios);
    }

    private static Scenario scenario(Pickle p) {
        List<String> tags = p.getTags().stream().map(PickleTag::getName).toList();
        return new Scenario(ScenarioTags.provision(tags).orElse("-"), ScenarioTags.testCase(tags).orElse("-"), p.getName(), tags);
    }

    /** The scenarios a tag expression selects (null: all), in file order. */
    public List<Scenario> select(String tagExpression) {
        if (tagExpression == null) {
            return scenarios;
        }
        Expression e = TagExpressionParser.parse(tagExpression);
        return scenarios.stream().filter(s -> e.evaluate(s.tags())).toList();
    }

    /** Scenarios by test group (provision), in file order. */
    public static Map<String, List<Scenario>> byProvision(List<Scenario> scenarios) {
        Map<String, List<Scenario>> out = new LinkedHashMap<>();
        scenarios.forEach(s -> out.computeIfAbsent(s.provision(), k -> new ArrayList<>()).add(s));
        return out;
    }
}
