package org.hil303.rigs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;

/**
 * The unit's label as the lab transcribes it from the sticker: {@code serial:}, {@code password:},
 * {@code mac:} and, under {@code other:}, any further field it shows (name: value).
 */
final class LabelFile {
    private LabelFile() {}

    static UnitLabel read(java.nio.file.Path file) {
        ConfigNode root = YamlFile.read(file);
        Map<String, String> printed = new LinkedHashMap<>();
        root.optString("mac").ifPresent(m -> printed.put("mac", m));
        root.namedChildren("other").forEach((name, node) -> printed.put(name, node.asString()));
        UnitLabel label = new UnitLabel(root.string("serial"), root.string("password", ""), printed);
        root.finish();
        return label;
    }
}
