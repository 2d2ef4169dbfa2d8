package org.hil303.rigs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;

/**
 * The rigs of one run, each with its own unit: rig files named one by one, or farm files that list
 * rig files. A virtual rig file may be named many times (each time a new namespace, tap, console and
 * emulator); a rig with hardware only once, since it is wired to one unit.
 */
public record RigFarm(String name, List<Member> rigs) {
    /** One rig of the run: {@code id} tells it apart from the others in reports (its name, numbered when repeated). */
    public record Member(String id, RigConfig config) {}

    public RigFarm {
        rigs = List.copyOf(rigs);
    }

    /**
     * Reads each file as a farm file (a top-level {@code farm:}) or a rig file; rig files named in a
     * farm file are relative to it.
     */
    public static RigFarm read(List<Path> files) {
        List<RigConfig> configs = new ArrayList<>();
        String farmName = null;
        for (Path f : files) {
            ConfigNode root = YamlFile.read(f);
            if (root.has("farm")) {
                String name = root.string("farm");
                farmName = farmName == null && files.size() == 1 ? name : farmName;
                List<ConfigNode> members = root.get("rigs").asList();
                if (members.isEmpty()) {
                    throw root.get("rigs").error("a farm lists at least one rig file");
                }
                for (ConfigNode m : members) {
                    Path rigFile = m.asPath();
                    try {
                        configs.add(RigConfig.read(rigFile));
                    } catch (ConfigException e) {
                        if (e.line() == 0 && e.getMessage().contains("file not found")) {
                            throw m.error("rig file " + rigFile + " not found");
                        }
                        throw e;
                    }
                }
                root.finish();
            } else {
                configs.add(RigConfig.read(f));
            }
        }
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one rig");
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        configs.forEach(c -> seen.merge(c.name(), 1, Integer::sum));
        for (RigConfig c : configs) {
            if (c.kind() != RigConfig.Kind.VIRTUAL && seen.get(c.name()) > 1) {
                throw new ConfigException(c.file(), 0, "rig", "rig '" + c.name() + "' is named " + seen.get(c.name())
                        + " times: a rig with hardware is wired to one unit, so a run can use it once");
            }
        }
        Map<String, Integer> counter = new LinkedHashMap<>();
        List<Member> members = new ArrayList<>();
        for (RigConfig c : configs) {
            int n = counter.merge(c.name(), 1, Integer::sum);
            members.add(new Member(seen.get(c.name()) > 1 ? c.name() + "-" + n : c.name(), c));
        }
        String name = farmName != null ? farmName : members.size() == 1 ? members.get(0).id() : members.size() + "-rigs";
        return new RigFarm(name, members);
    }

    public boolean single() {
        return rigs.size() == 1;
    }

    public boolean anyVirtual() {
        return rigs.stream().anyMatch(m -> m.config().kind() == RigConfig.Kind.VIRTUAL);
    }
}
