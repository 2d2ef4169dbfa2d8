package org.hil303.steps.farm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupPlanTest {
    @TempDir
    Path dir;

    private static GroupDurations durations(Map<String, Long> seconds) {
        Map<String, Long> ms = new LinkedHashMap<>();
        seconds.forEach((k, v) -> ms.put(k, v * 1000));
        return new GroupDurations(ms, Map.of());
    }

    @Test
    void the_longest_group_goes_first_to_the_rig_with_the_least_work_and_each_rig_keeps_suite_order() {
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (String p : List.of("5.1-1", "5.1-4", "5.3-2", "5.6-1", "5.9-3", "5.11-1")) {
            groups.put(p, 1);
        }
        GroupDurations d = durations(Map.of("5.1-1", 250L, "5.1-4", 30L, "5.3-2", 120L, "5.6-1", 20L, "5.9-3", 140L, "5.11-1", 90L));
        List<GroupPlan.Share> shares = GroupPlan.spread(groups, 3, d);
        assertThat(shares.get(0).provisions()).containsExactly("5.1-1");
        // 5.9-3 (140 s) and 5.3-2 (120 s) open the other two; 5.11-1 joins 5.3-2; 5.1-4 and 5.6-1 fill 5.9-3's rig
        assertThat(shares.get(1).provisions()).containsExactly("5.1-4", "5.6-1", "5.9-3");
        assertThat(shares.get(2).provisions()).containsExactly("5.3-2", "5.11-1");
        assertThat(shares.stream().map(GroupPlan.Share::expected).max(Duration::compareTo)).contains(Duration.ofSeconds(250));
    }

    @Test
    void one_rig_takes_every_group_in_suite_order() {
        Map<String, Integer> groups = new LinkedHashMap<>(Map.of("5.1-1", 1));
        groups.put("5.3-2", 3);
        List<GroupPlan.Share> shares = GroupPlan.spread(groups, 1, durations(Map.of()));
        assertThat(shares.get(0).provisions()).containsExactly("5.1-1", "5.3-2");
        assertThat(shares.get(0).expected()).isEqualTo(GroupDurations.UNKNOWN_SCENARIO.multipliedBy(4));
    }

    @Test
    void a_rig_left_without_groups_gets_an_empty_share() {
        List<GroupPlan.Share> shares = GroupPlan.spread(Map.of("5.6-4", 1), 3, durations(Map.of()));
        assertThat(shares).extracting(GroupPlan.Share::provisions).containsExactly(List.of("5.6-4"), List.of(), List.of());
    }

    @Test
    void a_worker_selects_its_groups_within_the_users_selection_and_never_the_cross_unit_ones() {
        assertThat(GroupPlan.tags("not @provision=5.1-5", List.of("5.1-1", "5.6-4")))
                .isEqualTo("(not @provision=5.1-5) and (@provision=5.1-1 or @provision=5.6-4) and not @cross-unit");
        assertThat(GroupPlan.tags(null, List.of("5.1-1"))).isEqualTo("(@provision=5.1-1) and not @cross-unit");
    }

    @Test
    void measured_durations_replace_the_recorded_ones_group_by_group() {
        Path file = GroupDurations.file(dir, "refdev-compliant");
        GroupDurations.record(file, Map.of("5.1-1", Duration.ofSeconds(250), "5.6-4", Duration.ofSeconds(20)));
        GroupDurations.record(file, Map.of("5.6-4", Duration.ofSeconds(25)));
        GroupDurations d = GroupDurations.load(file);
        assertThat(d.expected("5.1-1", 1)).isEqualTo(Duration.ofSeconds(250));
        assertThat(d.expected("5.6-4", 1)).isEqualTo(Duration.ofSeconds(25));
        assertThat(d.recordedFor("5.9-3")).isFalse();
    }
}
