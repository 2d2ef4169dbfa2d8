package org.hil303.rigs.network;

import java.util.Optional;
import org.hil303.rigs.config.ConfigException;
import org.hil303.rigs.config.ConfigNode;

/**
 * The rig file's {@code uplink} section (Pi rigs): how the rig takes the DUT's way to its cloud
 * away while the harness still reaches the DUT's local services.
 *
 * @param iface the interface the rule or the switch acts on
 */
public record UplinkConfig(Method method, String iface) {
    public enum Method {
        /** nftables rules on the DUT's link drop what the DUT starts towards the Pi and anything it would route on. */
        NFT,
        /** the interface that carries only the DUT's uplink is taken down (the harness reaches the DUT another way). */
        LINK_DOWN
    }

    /**
     * @param dutLink the rig's {@code network.interface}, the link the harness reaches the DUT on
     */
    public static UplinkConfig read(ConfigNode node, Optional<String> dutLink) {
        Method method = node.choice("method", Method.class);
        Optional<ConfigNode> ifNode = node.optional("interface");
        String iface = ifNode.map(ConfigNode::asString).or(() -> method == Method.NFT ? dutLink : Optional.empty())
                .orElseThrow(() -> new ConfigException(node.file(), node.line(), node.path() + ".interface", method == Method.NFT
                        ? "name the DUT's link (or set network.interface)"
                        : "name the interface that carries the DUT's uplink"));
        if (!iface.matches("[A-Za-z0-9_.:-]{1,15}")) {
            throw ifNode.orElse(node).error("'" + iface + "' is not a network interface name (at most 15 letters, digits, '_', '.', ':', '-')");
        }
        if (method == Method.LINK_DOWN && dutLink.filter(iface::equals).isPresent()) {
            throw ifNode.orElseThrow().error(iface + " is also the link the harness reaches the DUT on (network.interface): taking it down "
                    + "cuts the local API too; use 'method: nft' or name the interface that carries only the uplink");
        }
        return new UplinkConfig(method, iface);
    }
}
