package org.hil303.rigs;

import java.nio.file.Path;
import org.hil303.rigs.config.ConfigNode;
import org.hil303.rigs.config.YamlFile;

/** The unit's label as the lab transcribes it from the sticker: {@code serial:} and {@code password:}. */
final class LabelFile {
    private LabelFile() {}

    static UnitLabel read(Path file) {
        ConfigNode root = YamlFile.read(file);
        UnitLabel label = new UnitLabel(root.string("serial"), root.string("password", ""));
        root.finish();
        return label;
    }
}
