package org.hil303.rigs.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a rig or DUT file into a {@link ConfigNode} tree, turning every parse problem into a located error. */
public final class YamlFile {
    private YamlFile() {}

    public static ConfigNode read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, "", "file not found");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, "", "not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "", "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public static ConfigNode parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // ConfigNode reports duplicates with their line
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1_000_000);
        Node root;
        try (Reader r = new java.io.StringReader(text)) {
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file, line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new ConfigException(file, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ConfigException(file, 1, "", "the file is empty");
        }
        if (!(root instanceof MappingNode)) {
            throw new ConfigException(file, root.getStartMark().getLine() + 1, "", "expected a mapping of fields at the top level");
        }
        return new ConfigNode(file, "", root);
    }
}
