package org.hil303.steps.farm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rig runs which test groups: each group wholly on one unit (TS 103 701 judges a group on one
 * device), the longest first onto the rig with the least work so far. Every rig's groups keep the
 * suite's order when it runs them.
 */
public final class GroupPlan {
    /** One rig's share: its groups in suite order and the time they are expected to take. */
    public record Share(List<String> provisions, Duration expected) {}

    private GroupPlan() {}

    /**
     * @param groups     test groups in suite order, with the number of scenarios each has
     * @param rigs       how many rigs share them
     */
    public static List<Share> spread(Map<String, Integer> groups, int rigs, GroupDurations durations) {
        List<String> order = new ArrayList<>(groups.keySet());
        List<String> longestFirst = new ArrayList<>(order);
        longestFirst.sort(Comparator.comparing((String p) -> durations.expected(p, groups.get(p))).reversed());
        List<List<String>> assigned = new ArrayList<>();
        Duration[] load = new Duration[rigs];
        for (int i = 0; i < rigs; i++) {
            assigned.add(new ArrayList<>());
            load[i] = Duration.ZERO;
        }
        for (String p : longestFirst) {
            int least = 0;
            for (int i = 1; i < rigs; i++) {
                if (load[i].compareTo(load[least]) < 0) {
                    least = i;
                }
            }
            assigned.get(least).add(p);
            load[least] = load[least].plus(durations.expected(p, groups.get(p)));
        }
        List<Share> out = new ArrayList<>();
        for (int i = 0; i < rigs; i++) {
            List<String> mine = assigned.get(i);
            out.add(new Share(order.stream().filter(mine::contains).toList(), load[i]));
        }
        return out;
    }

    /** The tag expression that selects exactly these groups within the user's selection (null: everything). */
    public static String tags(String userTags, List<String> provisions) {
        StringBuilder b = new StringBuilder();
        if (userTags != null) {
            b.append('(').append(userTags).append(") and ");
        }
        b.append('(');
        for (int i = 0; i < provisions.size(); i++) {
            b.append(i == 0 ? "" : " or ").append("@provision=").append(provisions.get(i));
        }
        return b.append(") and not ").append(Suite.CROSS_UNIT).toString();
    }

    static Map<String, Integer> counts(List<Suite.Scenario> scenarios) {
        Map<String, Integer> out = new LinkedHashMap<>();
        scenarios.forEach(s -> out.merge(s.provision(), 1, Integer::sum));
        return out;
    }
}
